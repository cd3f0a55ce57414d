using System.Management.Automation;
using PortalIo.Api;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>Deletes an AI Builder source of a Draft proposal (DELETE /public/proposals/{id}/ai/content/{contentId}).</summary>
    [Cmdlet(VerbsCommon.Remove, "PortalAiContent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePortalAiContentCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(AiContentIdCompleter))]
        public int ContentId { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess("content " + ContentId + " of proposal " + ProposalId, "Delete AI content")) return;
            var target = new AiContentTarget(ProposalId, ContentId);
            ForInput(target, () => Await(AiBuilderApi.DeleteContentAsync(Call, ProposalId, ContentId)), AiHints.Content);
        }
    }

    /// <summary>One content item of one proposal, as the error record's TargetObject.</summary>
    internal sealed class AiContentTarget
    {
        public AiContentTarget(int proposalId, int contentId)
        {
            ProposalId = proposalId;
            ContentId = contentId;
        }

        public int ProposalId { get; }
        public int ContentId { get; }
        public override string ToString() => "proposal " + ProposalId + ", content " + ContentId;
    }
}
