using System;
using System.Linq;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// Lists proposals with the API's filters, streaming page by page (-First/-Skip fetch only the
    /// pages needed), or gets proposal details by -Id: up to -ThrottleLimit requests at once, across
    /// the ids of -Id and of pipeline records alike, written in input order, each failure its own
    /// error record.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalProposal", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Proposal))]
    public sealed class GetPortalProposalCommand : PortalFanOutCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [Alias("ProposalId")]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        [IdOf(PortalResource.Proposal)]
        public int[] Id { get; set; } = Array.Empty<int>();

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(ParameterSetName = ListSet, Position = 0)]
        public string? SearchText { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public ProposalStatus[]? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ContactIdCompleter))]
        public int? ContactId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(SalesPersonIdCompleter))]
        public int? SalesPersonId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? ModifiedAfter { get; set; }

        /// <summary>Lists archived proposals instead of active ones.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Archived { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public ProposalSortField? SortBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 500)]
        public int PageSize { get; set; } = ProposalsApi.DefaultPageSize;

        /// <summary>How many proposals of -Id (or of the pipeline) are requested at once; 1 requests them one after another.</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
            if (ParameterSetName == IdSet)
            {
                if (Refused(PagingParameterNames, "applies to a listing; -Id gets exactly the proposals given, so nothing was read.",
                    "Leave it out, or select among the results with Select-Object -First/-Skip.")) return;
                FanOutEach(Id, ProposalsApi.GetAsync, Emit, NotFoundHint);
                return;
            }

            var filter = new ProposalFilter
            {
                SearchText = SearchText,
                ContactId = ContactId,
                SalesPersonId = SalesPersonId,
                ModifiedAfter = ModifiedAfter.HasValue ? new DateTimeOffset(ModifiedAfter.Value.Kind == DateTimeKind.Unspecified
                    ? DateTime.SpecifyKind(ModifiedAfter.Value, DateTimeKind.Local) : ModifiedAfter.Value) : (DateTimeOffset?)null,
                Archived = Archived.IsPresent ? true : (bool?)null,
                SortBy = SortBy?.ToString(),
                Descending = Descending,
            };
            foreach (var status in (Status ?? Array.Empty<ProposalStatus>()).Distinct()) filter.Statuses.Add(status.ToString());

            WritePaged("Listing proposals", PageSize, null, ProposalsApi.List(Call, filter));
        }

        private static readonly ErrorRecordFactory.Hints NotFoundHint = new ErrorRecordFactory.Hints
        {
            ListIds = "List proposals and their ids with Get-PortalProposal (the Number column is not the id).",
        };
    }
}
