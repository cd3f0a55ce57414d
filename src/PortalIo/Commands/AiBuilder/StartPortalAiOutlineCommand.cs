using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>
    /// Starts generating a proposal's outline from its transcribed AI content
    /// (POST /public/proposals/{id}/ai/outline). Writes the outline status (Generating); with -Wait,
    /// polls GET …/ai/outline until Completed and writes the finished outline.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "PortalAiOutline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AiOutline))]
    public sealed class StartPortalAiOutlineCommand : AiWaitCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        protected override void ProcessRecord()
        {
            if (WaitParametersRefused()) return;
            if (!ShouldProcess("proposal " + ProposalId, "Generate AI outline")) return;
            var id = ProposalId;
            ForInput(id, () =>
            {
                var started = Await(AiBuilderApi.StartOutlineAsync(Call, id));
                if (!Wait)
                {
                    Emit(started);
                    return;
                }
                var outline = PollUntil(id, "Generating the AI outline of proposal " + id, () =>
                {
                    var current = Await(AiBuilderApi.GetOutlineAsync(Call, id));
                    return (current.IsCompleted || current.IsFailed, current, current.Status ?? "unknown");
                }, "check it with Get-PortalAiOutline -ProposalId " + id + ".");
                if (outline is null) return;
                if (outline.IsFailed)
                {
                    var message = "Portal.io could not generate the outline of proposal " + id + " (status Failed).";
                    WriteError(new ErrorRecord(new PortalApiException(PortalErrorKind.InvalidResponse, 200, message, "GET",
                        "public/proposals/" + id + "/ai/outline"), ErrorIds.InvalidResponse, ErrorCategory.InvalidResult, id)
                    {
                        ErrorDetails = new ErrorDetails(message)
                        {
                            RecommendedAction = "Check the proposal's content with Get-PortalAiContent (Status Transcribed, not Invalid), then run Start-PortalAiOutline again.",
                        },
                    });
                    return;
                }
                Emit(outline);
            }, AiHints.Outline);
        }
    }
}
