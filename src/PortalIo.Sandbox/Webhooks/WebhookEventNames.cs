using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Sandbox.Webhooks
{
    /// <summary>
    /// The two documented naming schemes of webhook events (see docs/api-decisions.md, 'Webhook event names'). Both are accepted on input; the
    /// canonical (stored, returned, delivered) name is the dot-notation one where the newer docs
    /// give one, else the PascalCase name — the emulator invents no dot names for the other three.
    /// </summary>
    internal static class WebhookEventNames
    {
        public const string ProposalStatusChanged = "proposal.status_changed";
        public const string ProposalBuildStatus = "proposal.build.status_update";
        public const string ProposalOutlineStatus = "proposal.outline.status_update";
        public const string PersonModification = "PersonModification";
        public const string PaymentStatusChange = "PaymentStatusChange";
        public const string OrderStatusChange = "OrderStatusChange";

        private static readonly Dictionary<string, string> Canonical = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ProposalStatusChanged"] = ProposalStatusChanged,
            [ProposalStatusChanged] = ProposalStatusChanged,
            ["ProposalBuildStatusChanged"] = ProposalBuildStatus,
            [ProposalBuildStatus] = ProposalBuildStatus,
            ["ProposalOutlineStatusChanged"] = ProposalOutlineStatus,
            [ProposalOutlineStatus] = ProposalOutlineStatus,
            [PersonModification] = PersonModification,
            [PaymentStatusChange] = PaymentStatusChange,
            [OrderStatusChange] = OrderStatusChange,
        };

        /// <summary>
        /// Case-sensitive, like an enum binding with exact names would be for the dot names; a
        /// PascalCase name in another case is accepted too (ServiceStack binds enums case-insensitively).
        /// </summary>
        public static string? ToCanonical(string name)
        {
            if (Canonical.TryGetValue(name, out var canonical)) return canonical;
            var pascal = Canonical.Keys.FirstOrDefault(k => k.IndexOf('.') < 0 && k.Equals(name, StringComparison.OrdinalIgnoreCase));
            return pascal == null ? null : Canonical[pascal];
        }

        public static string ValidNamesText => string.Join(", ", Canonical.Keys);
    }
}
