using System;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.ChangeOrders
{
    /// <summary>Lists a proposal's change orders, or gets change-order details by -Id.</summary>
    [Cmdlet(VerbsCommon.Get, "PortalChangeOrder", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(ChangeOrder))]
    public sealed class GetPortalChangeOrderCommand : PortalApiCmdlet
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

        protected override void ProcessRecord()
        {
            var hints = new ErrorRecordFactory.Hints { ListIds = "List the change orders of a proposal with Get-PortalChangeOrder -ProposalId " + ProposalId + "." };
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                    ForInput(id, () => Emit(Await(ChangeOrdersApi.GetAsync(Call, ProposalId, id))), hints);
                return;
            }
            ForInput(ProposalId, () =>
            {
                foreach (var changeOrder in Await(ChangeOrdersApi.ListAsync(Call, ProposalId))) Emit(changeOrder);
            }, new ErrorRecordFactory.Hints { ListIds = "List proposals and their ids with Get-PortalProposal." });
        }
    }
}
