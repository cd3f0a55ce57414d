using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>Gets a proposal's AI outline and its status (GET /public/proposals/{id}/ai/outline).</summary>
    [Cmdlet(VerbsCommon.Get, "PortalAiOutline")]
    [OutputType(typeof(AiOutline))]
    public sealed class GetPortalAiOutlineCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        protected override void ProcessRecord() =>
            ForInput(ProposalId, () => Emit(Await(AiBuilderApi.GetOutlineAsync(Call, ProposalId))), AiHints.Outline);
    }
}
