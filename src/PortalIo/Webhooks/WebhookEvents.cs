using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Webhooks
{
    /// <summary>How -Event values are put in the form body (see docs/api-decisions.md, 'Webhook events encoding').</summary>
    public enum WebhookEventEncoding
    {
        /// <summary>One Events key per event (Events=a&amp;Events=b). The default.</summary>
        Repeated,
        /// <summary>One Events key with a comma-separated list (Events=a,b).</summary>
        CommaSeparated,
    }

    /// <summary>
    /// The documented event names, in both naming schemes (see docs/api-decisions.md, 'Webhook event
    /// names'). Offered by tab completion; other names are sent as given and the API answers 400 for
    /// unknown ones, so a new event needs no new module.
    /// </summary>
    internal static class WebhookEvents
    {
        public static readonly IReadOnlyList<string> Known = new[]
        {
            "proposal.status_changed",
            "proposal.build.status_update",
            "proposal.outline.status_update",
            "ProposalStatusChanged",
            "ProposalBuildStatusChanged",
            "ProposalOutlineStatusChanged",
            "PersonModification",
            "PaymentStatusChange",
            "OrderStatusChange",
        };

        public static string KnownText => string.Join(", ", Known);

        internal static IEnumerable<KeyValuePair<string, string>> Encode(IEnumerable<string> events, WebhookEventEncoding encoding)
        {
            var list = events.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (encoding == WebhookEventEncoding.CommaSeparated)
                return new[] { new KeyValuePair<string, string>("Events", string.Join(",", list)) };
            return list.Select(e => new KeyValuePair<string, string>("Events", e)).ToList();
        }
    }
}
