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

        /// <summary>The PascalCase names and the dot-notation names Portal.io returns for them.</summary>
        private static readonly Dictionary<string, string> DotNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ProposalStatusChanged"] = "proposal.status_changed",
            ["ProposalBuildStatusChanged"] = "proposal.build.status_update",
            ["ProposalOutlineStatusChanged"] = "proposal.outline.status_update",
        };

        /// <summary>One name per event whichever scheme it was given in (for comparing a subscription read back with what was sent).</summary>
        public static string Canonical(string name)
        {
            var trimmed = name.Trim();
            return (DotNames.TryGetValue(trimmed, out var dot) ? dot : trimmed).ToLowerInvariant();
        }

        /// <summary>Whether two event lists name the same events (order, case and naming scheme aside).</summary>
        public static bool SameEvents(IEnumerable<string> a, IEnumerable<string> b)
        {
            // CommaSeparated encoding may come back as one string holding several names.
            static HashSet<string> Set(IEnumerable<string> names) => new HashSet<string>(
                names.SelectMany(n => n.Split(',')).Where(n => n.Trim().Length > 0).Select(Canonical), StringComparer.Ordinal);
            return Set(a).SetEquals(Set(b));
        }

        internal static IEnumerable<KeyValuePair<string, string>> Encode(IEnumerable<string> events, WebhookEventEncoding encoding)
        {
            var list = events.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (encoding == WebhookEventEncoding.CommaSeparated)
                return new[] { new KeyValuePair<string, string>("Events", string.Join(",", list)) };
            return list.Select(e => new KeyValuePair<string, string>("Events", e)).ToList();
        }
    }
}
