using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>
    /// One webhook event sent by a local sandbox to one subscription (Get-PortalSandboxWebhookDelivery),
    /// with every attempt made so far. The signature header of each attempt is not kept here: it is
    /// made with the subscription's secret, which belongs to the receiver.
    /// </summary>
    public sealed class PortalSandboxWebhookDelivery
    {
        /// <summary>The envelope's id ("evt_..."), the same on every attempt, so receivers can de-duplicate.</summary>
        public string EventId { get; set; } = "";

        /// <summary>E.g. proposal.status_changed or PersonModification.</summary>
        public string EventType { get; set; } = "";

        public long SubscriptionId { get; set; }

        /// <summary>The subscription's URL, as stored.</summary>
        public string Url { get; set; } = "";

        /// <summary>Where the last attempt was POSTed: the URL itself, or a local target of Add-PortalSandboxWebhookRoute.</summary>
        public Uri? DeliveredTo { get; set; }

        /// <summary>The JSON body sent (the same on every attempt).</summary>
        public string Body { get; set; } = "";

        /// <summary>The attempts, first to last.</summary>
        public List<PortalSandboxWebhookAttempt> Attempts { get; set; } = new List<PortalSandboxWebhookAttempt>();

        public int AttemptCount => Attempts.Count;

        /// <summary>The receiver's status at the last attempt, or null when no answer came.</summary>
        public int? StatusCode => Attempts.Count == 0 ? null : Attempts[Attempts.Count - 1].StatusCode;

        /// <summary>True when the last attempt was answered with 2xx.</summary>
        public bool Succeeded => Attempts.Count > 0 && Attempts[Attempts.Count - 1].Succeeded;

        /// <summary>True when the last attempt failed and another is scheduled.</summary>
        public bool WillRetry => Attempts.Count > 0 && Attempts[Attempts.Count - 1].WillRetry;

        /// <summary>When the first attempt was made (this computer's time zone).</summary>
        public DateTimeOffset? FirstAttempt => Attempts.Count == 0 ? null : Attempts.Min(a => a.Time);

        public override string ToString() =>
            EventType + " to subscription " + SubscriptionId + ": " + AttemptCount + (AttemptCount == 1 ? " attempt, " : " attempts, ")
            + (Succeeded ? "delivered" : WillRetry ? "retrying" : "failed");
    }

    /// <summary>One attempt of a <see cref="PortalSandboxWebhookDelivery"/>.</summary>
    public sealed class PortalSandboxWebhookAttempt
    {
        /// <summary>1 for the first try, 2 and up for the retries.</summary>
        public int Attempt { get; set; }

        public DateTimeOffset Time { get; set; }

        /// <summary>Where the POST went.</summary>
        public Uri? DeliveredTo { get; set; }

        /// <summary>The receiver's status, or null when no answer came.</summary>
        public int? StatusCode { get; set; }

        /// <summary>Why the attempt failed ("HTTP 500", a connection error, the timeout); null on success.</summary>
        public string? Error { get; set; }

        public bool Succeeded => Error == null;

        /// <summary>True when this attempt failed and another is scheduled.</summary>
        public bool WillRetry { get; set; }

        public override string ToString() =>
            "#" + Attempt + " " + (StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-") + (Error == null ? "" : " (" + Error + ")");
    }
}
