using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>Lists a proposal's AI Builder content with its processing status (GET /public/proposals/{id}/ai/content).</summary>
    [Cmdlet(VerbsCommon.Get, "PortalAiContent")]
    [OutputType(typeof(AiContent))]
    public sealed class GetPortalAiContentCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(ProposalId, () =>
            {
                foreach (var item in Await(AiBuilderApi.ListContentAsync(Call, ProposalId))) Emit(item);
            }, AiHints.Content);
        }
    }
}
