using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>
    /// Lists a proposal's AI Builder content with its processing status (GET /public/proposals/{id}/ai/content);
    /// proposals from the pipeline are read -ThrottleLimit at once.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalAiContent")]
    [OutputType(typeof(AiContent))]
    public sealed class GetPortalAiContentCommand : PortalFanOutCmdlet
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
            FanOut(proposalId, call => AiBuilderApi.ListContentAsync(call, proposalId), content =>
            {
                foreach (var item in content) Emit(item);
            }, AiHints.Content);
        }
    }
}
