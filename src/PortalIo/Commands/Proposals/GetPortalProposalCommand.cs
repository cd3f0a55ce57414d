using System;
using System.Linq;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Errors;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Commands.Proposals
{
    /// <summary>
    /// Lists proposals with the API's filters, streaming page by page (-First/-Skip fetch only the
    /// pages needed), or gets proposal details by -Id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalProposal", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Proposal))]
    public sealed class GetPortalProposalCommand : PortalApiCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int[] Id { get; set; } = Array.Empty<int>();

        [Parameter(ParameterSetName = ListSet, Position = 0)]
        public string? SearchText { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public ProposalStatus[]? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        public int? ContactId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
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

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                    ForInput(id, () => Emit(Await(ProposalsApi.GetAsync(Client, id, Log, CancelToken))), NotFoundHint);
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

            var window = new PagingWindow(PageSize, PagingParameters.Skip, PagingParameters.First);
            Action<long?>? onTotal = null;
            if (PagingParameters.IncludeTotalCount)
                onTotal = total => Emit(PagingParameters.NewTotalCount((ulong)(total ?? 0), total.HasValue ? 1.0 : 0.0));

            ForInput(null, () =>
            {
                foreach (var proposal in ProposalsApi.List(Client, filter, window, Log, CancelToken, onTotal))
                    Emit(proposal);
            });
        }

        private static readonly ErrorRecordFactory.Hints NotFoundHint = new ErrorRecordFactory.Hints
        {
            ListIds = "List proposals and their ids with Get-PortalProposal (the Number column is not the id).",
        };
    }
}
