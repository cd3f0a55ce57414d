using System;
using System.Collections.Generic;

namespace PortalIo.Sandbox.Model
{
    /// <summary>A proposal with its areas; financial figures are always derived from the line items.</summary>
    internal sealed class Proposal
    {
        private List<ProposalArea>? _areas;
        private List<Proposal>? _changeOrders;

        public int Id { get; set; }
        public DealerAccount Account { get; set; } = null!;
        public int Number { get; set; }
        public string Name { get; set; } = "";
        public ProposalStatus Status { get; set; } = ProposalStatus.Draft;
        public bool IsArchived { get; set; }
        public DealerUser SalesPerson { get; set; } = null!;
        public DealerUser LastModifiedUser { get; set; } = null!;
        public Contact? Customer { get; set; }

        /// <summary>The assigned location (one of the customer's); null until assigned, and tax stays zero until then.</summary>
        public ContactLocation? Location { get; set; }

        /// <summary>Set only on change orders (which are never in the proposal list); null on proposals.</summary>
        public ChangeOrderInfo? ChangeOrder { get; set; }

        /// <summary>The change orders of an accepted proposal, oldest first.</summary>
        public List<Proposal> ChangeOrders => _changeOrders ??= new List<Proposal>();

        public bool HasChangeOrders => _changeOrders != null && _changeOrders.Count > 0;
        public string ProjectDescription { get; set; } = "";
        public string InternalNotes { get; set; } = "";
        public DateTime CreatedDate { get; set; }
        public DateTime LastModifiedDate { get; set; }
        public DateTime LastModifiedByUserDate { get; set; }
        public DateTime? LastSubmittedDate { get; set; }
        public DateTime? ClientLastOpenedDate { get; set; }
        public DateTime? ClientLastDecisionDate { get; set; }
        public DateTime? LastCompletedDate { get; set; }

        /// <summary>
        /// Created on first use: the bulk-generated proposals (up to 100000s) never get areas unless
        /// someone adds one, and an empty list per proposal would be wasted memory.
        /// </summary>
        public List<ProposalArea> Areas => _areas ??= new List<ProposalArea>();

        public bool HasAreas => _areas != null && _areas.Count > 0;

        /// <summary>Terminal statuses: the API refuses edits (409) and points at change orders.</summary>
        public bool IsLocked =>
            Status == ProposalStatus.Accepted || Status == ProposalStatus.Completed || Status == ProposalStatus.Declined;
    }
}
