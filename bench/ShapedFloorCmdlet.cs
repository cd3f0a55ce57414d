using System;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.Session;

namespace PortalIo.Bench
{
    /// <summary>
    /// The floor cmdlet's call (the hand-rolled client, one WriteObject per id) behind exactly the
    /// parameter surface of Get-PortalProposal: two parameter sets, SupportsPaging, the same
    /// parameters and attributes. What it costs over <see cref="GetBenchRawProposalCommand"/> is what
    /// the engine charges for binding that surface, whatever the cmdlet does.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BenchShapedProposal", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Proposal))]
    public sealed class GetBenchShapedProposalCommand : PSCmdlet
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

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Archived { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public ProposalSortField? SortBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 500)]
        public int PageSize { get; set; } = 50;

        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        [Parameter]
        public PortalSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var client = GetBenchRawProposalCommand.Client ?? throw new InvalidOperationException("Set GetBenchRawProposalCommand.Client first.");
            foreach (var id in Id)
            {
                WriteObject(client.GetAsync<Proposal>("public/proposals/" + id).GetAwaiter().GetResult());
            }
        }
    }
}
