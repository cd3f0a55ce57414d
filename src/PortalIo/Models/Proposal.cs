using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using PortalIo.Http;

namespace PortalIo.Models
{
    /// <summary>
    /// A proposal. A listing returns the summary fields; the detail (Get-PortalProposal -Id, and
    /// every write) adds areas, the financial summary and the dates. <see cref="IsDetail"/> says which.
    /// </summary>
    public sealed class Proposal : PortalObject
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
        /// <summary>The client-facing description (Set-PortalProposal -Description).</summary>
        public string? ProjectDescription { get; set; }

        /// <summary>For the team only, never on client documents (Set-PortalProposal -InternalNotes).</summary>
        public string? InternalNotes { get; set; }

        public string? ProjectTerms { get; set; }
        public string? AboutUs { get; set; }
        public string? CoverpageImageUrl { get; set; }
        public Customer? Customer { get; set; }
        public PartyReference? Dealer { get; set; }
        public PartyReference? LastModifiedUser { get; set; }
        public PartyReference? SalesPerson { get; set; }
        public FinancialSummary? FinancialSummary { get; set; }

        /// <summary>The listing's <c>total</c> object (the detail has <see cref="FinancialSummary"/> instead).</summary>
        [JsonPropertyName("total")] public TotalSummary? TotalSummary { get; set; }

        public List<Area>? Areas { get; set; }


        /// <summary>So that proposals bind to -ProposalId of the next cmdlet by property name.</summary>
        [JsonIgnore] public int ProposalId => Id;

        /// <summary>The grand total, from whichever shape the API returned.</summary>
        [JsonIgnore] public decimal? Total => FinancialSummary?.ProposalTotal ?? TotalSummary?.ProposalTotal;

        [JsonIgnore] public string? CurrencyCode => (FinancialSummary?.Currency ?? TotalSummary?.Currency)?.Code;

        [JsonIgnore] public bool IsDetail => Areas != null || FinancialSummary != null;

        /// <summary>Gives every area and option the ids of its parents, for pipeline binding.</summary>
        internal Proposal LinkChildren()
        {
            if (Areas == null) return this;
            foreach (var area in Areas)
            {
                area.ProposalId = Id;
                if (area.Options == null) continue;
                foreach (var option in area.Options)
                {
                    option.ProposalId = Id;
                    option.AreaId = area.Id;
                    option.AreaName = area.Name;
                }
            }
            return this;
        }

        public override string ToString() => "#" + Number + " " + Name;
    }

    internal sealed class ProposalList : IListPageBody<Proposal>
    {
        public List<Proposal>? Proposals { get; set; }
        public long? ProposalCount { get; set; }

        public Page<Proposal> ToPage() => new Page<Proposal>(Proposals, ProposalCount);
    }
}
