using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;

namespace PortalIo.Commands.AiBuilder
{
    /// <summary>
    /// Starts building a proposal's content from its Completed outline
    /// (POST /public/proposals/{id}/ai/build). Writes the build status (e.g. Building). With -Wait,
    /// polls the proposal (the API has no build-status route) until Portal.io modifies it — its
    /// LastModifiedDate moves past the value it had before the build, or its areas change — and
    /// writes the updated proposal. The documented alternative is the proposal.build.status_update
    /// webhook (New-PortalWebhook -Event proposal.build.status_update).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "PortalAiBuild", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AiBuild), typeof(Proposal))]
    public sealed class StartPortalAiBuildCommand : AiWaitCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(ProposalIdCompleter))]
        public int ProposalId { get; set; }

        protected override void ProcessRecord()
        {
            if (WaitParametersRefused()) return;
            if (!ShouldProcess("proposal " + ProposalId, "Build proposal content with AI")) return;
            var id = ProposalId;
            ForInput(id, () =>
            {
                var before = Wait ? Await(ProposalsApi.GetAsync(Call, id)) : null;
                var started = Await(AiBuilderApi.StartBuildAsync(Call, id));
                if (before is null)
                {
                    Emit(started);
                    return;
                }
                var proposal = PollUntil(id, "Building proposal " + id + " with AI", () =>
                {
                    var current = Await(ProposalsApi.GetAsync(Call, id));
                    return (AiBuilderApi.BuildChanged(before, current), current, started.Status ?? "Building");
                }, "check the proposal with Get-PortalProposal -Id " + id + ".");
                if (proposal != null) Emit(proposal);
            }, AiHints.Build);
        }
    }
}
