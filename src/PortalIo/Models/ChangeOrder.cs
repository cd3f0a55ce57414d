using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>
    /// A change order: a child proposal that changes an accepted one (the API only reads them).
    /// The listing returns the summary; Get-PortalChangeOrder -Id adds areas and the financial summary.
    /// </summary>
    public sealed class ChangeOrder : PortalObject
    {
        public int Id { get; set; }
        public int Number { get; set; }
        public string? Name { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? CreatedDate { get; set; }
        public DateTimeOffset? LastModifiedDate { get; set; }
        public DateTimeOffset? LastModifiedByUserDate { get; set; }
        public DateTimeOffset? LastSubmittedDate { get; set; }
        public DateTimeOffset? ClientLastOpenedDate { get; set; }
        public DateTimeOffset? ClientLastDecisionDate { get; set; }
        public DateTimeOffset? LastCompletedDate { get; set; }
        public Customer? Customer { get; set; }
        public PartyReference? Dealer { get; set; }
        public PartyReference? LastModifiedUser { get; set; }
        public ChangeOrderFinancialSummary? FinancialSummary { get; set; }
        [JsonPropertyName("total")] public ChangeOrderTotal? TotalSummary { get; set; }
        public List<Area>? Areas { get; set; }
        public string? ProjectDescription { get; set; }
        public string? ProjectTerms { get; set; }
        public string? AboutUs { get; set; }
        public string? CoverpageImageUrl { get; set; }

        /// <summary>The parent proposal (set by the module from the request).</summary>
        [JsonIgnore] public int ProposalId { get; set; }
        [JsonIgnore] public int ChangeOrderId => Id;
        /// <summary>The total including tax, from whichever shape the API returned.</summary>
        [JsonIgnore] public decimal? Total => TotalSummary?.ChangeOrderTotalValue ?? (FinancialSummary?.ChangeOrderSubtotal + (FinancialSummary?.SalesTax?.Total ?? 0m));
        [JsonIgnore] public bool IsDetail => Areas != null || FinancialSummary != null;

        /// <remarks>
        /// The areas keep ProposalId 0: they belong to the change order, which the public routes
        /// cannot edit, so piping them on fails validation instead of editing the wrong proposal.
        /// </remarks>
        internal ChangeOrder Link(int proposalId)
        {
            ProposalId = proposalId;
            return this;
        }

        public override string ToString() => "#" + Number + " " + Name;
    }

    public sealed class ChangeOrderTotal : PortalObject
    {
        [JsonPropertyName("changeOrderTotal")] public decimal ChangeOrderTotalValue { get; set; }
        public Currency? Currency { get; set; }
        public override string ToString() => ChangeOrderTotalValue.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
    }

    public sealed class ChangeOrderFinancialSummary : PortalObject
    {
        public decimal PartsSubtotal { get; set; }
        public decimal LaborTotal { get; set; }
        public decimal FeeTotal { get; set; }
        public decimal ChangeOrderSubtotal { get; set; }
        public SalesTax? SalesTax { get; set; }
        public override string ToString() => ChangeOrderSubtotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
