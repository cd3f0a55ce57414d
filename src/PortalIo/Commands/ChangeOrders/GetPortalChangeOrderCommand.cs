using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.ChangeOrders
{
    /// <summary>
    /// Lists a proposal's change orders, or gets change-order details by -Id; the ids of -Id and the
    /// proposals from the pipeline are read -ThrottleLimit at once.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalChangeOrder", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(ChangeOrder))]
    public sealed class GetPortalChangeOrderCommand : PortalFanOutCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        /// <summary>
        /// Not bound from the pipeline: a proposal piped in has an Id too, and piping proposals is
        /// how their change orders are listed.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet)]
        [Alias("ChangeOrderId")]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ChangeOrderIdCompleter))]
        public int[] Id { get; set; } = Array.Empty<int>();

        /// <summary>How many change orders (or proposals' lists of them) are read at once, across -Id and the pipeline; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        protected override void ProcessRecord()
        {
            var proposalId = ProposalId;
            if (ParameterSetName == IdSet)
            {
                var hints = new ErrorRecordFactory.Hints { ListIds = "List the change orders of a proposal with Get-PortalChangeOrder -ProposalId " + proposalId + "." };
                foreach (var id in Id) FanOut(id, call => ChangeOrdersApi.GetAsync(call, proposalId, id), Emit, hints);
                return;
            }
            FanOut(proposalId, call => ChangeOrdersApi.ListAsync(call, proposalId), changeOrders =>
            {
                foreach (var changeOrder in changeOrders) Emit(changeOrder);
            }, ListHints);
        }

        private static readonly ErrorRecordFactory.Hints ListHints = new ErrorRecordFactory.Hints
        {
            ListIds = "List proposals and their ids with Get-PortalProposal.",
        };
    }
}
