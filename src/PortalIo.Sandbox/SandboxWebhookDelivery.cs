using System;

namespace PortalIo.Sandbox
{
    /// <summary>One delivery attempt of a webhook event, as the emulator made it (see SandboxServer.WebhookDeliveries).</summary>
    public sealed class SandboxWebhookDelivery
    {
        internal SandboxWebhookDelivery(string eventId, string eventType, long subscriptionId, string url, Uri deliveredTo,
            int attempt, int? statusCode, string? error, DateTime attemptedAtUtc, string body, string signatureHeader, bool willRetry)
        {
            EventId = eventId;
            EventType = eventType;
            SubscriptionId = subscriptionId;
            Url = url;
            DeliveredTo = deliveredTo;
            Attempt = attempt;
            StatusCode = statusCode;
            Error = error;
            AttemptedAtUtc = attemptedAtUtc;
            Body = body;
            SignatureHeader = signatureHeader;
            WillRetry = willRetry;
        }

        /// <summary>The envelope's id ("evt_…"); the same on every attempt of one delivery, so receivers can de-duplicate.</summary>
        public string EventId { get; }
        /// <summary>The envelope's type, e.g. "proposal.status_changed" or "PersonModification".</summary>
        public string EventType { get; }
        public long SubscriptionId { get; }
        /// <summary>The subscription's URL, as stored.</summary>
        public string Url { get; }
        /// <summary>Where the POST actually went: the URL itself, or the local target of a RouteWebhookHost route.</summary>
        public Uri DeliveredTo { get; }
        /// <summary>1 for the first try, 2..6 for the retries.</summary>
        public int Attempt { get; }
        /// <summary>The receiver's HTTP status, or null when no response came (connection error, timeout).</summary>
        public int? StatusCode { get; }
        /// <summary>Why the attempt failed without a status (or "HTTP 500" style text for non-2xx); null on success.</summary>
        public string? Error { get; }
        public bool Succeeded => Error == null;
        public DateTime AttemptedAtUtc { get; }
        /// <summary>The raw JSON body sent (identical on every attempt).</summary>
        public string Body { get; }
        /// <summary>The X-Webhook-Signature value of this attempt ("t=…,v1=…"); t is fresh per attempt.</summary>
        public string SignatureHeader { get; }
        /// <summary>True when this attempt failed and another is scheduled.</summary>
        public bool WillRetry { get; }

        public override string ToString() =>
            EventType + " #" + Attempt + " → " + DeliveredTo + ": " + (StatusCode?.ToString() ?? "-") + (Error == null ? "" : " (" + Error + ")");
    }
}
