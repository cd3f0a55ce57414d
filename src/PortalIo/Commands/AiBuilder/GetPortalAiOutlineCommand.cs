using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>Gets a proposal's AI outline and its status (GET /public/proposals/{id}/ai/outline); proposals from the pipeline are read -ThrottleLimit at once.</summary>
    [Cmdlet(VerbsCommon.Get, "PortalAiOutline")]
    [OutputType(typeof(AiOutline))]
    public sealed class GetPortalAiOutlineCommand : PortalFanOutCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        /// <summary>How many proposals of the pipeline are read at once; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        protected override void ProcessRecord()
        {
            var proposalId = ProposalId;
            FanOut(proposalId, call => AiBuilderApi.GetOutlineAsync(call, proposalId), Emit, AiHints.Outline);
        }
    }
}
