using System.Management.Automation;
using PortalIo.Models;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Changes a proposal's status in a local sandbox as its client (or Portal.io) would: accept,
    /// decline, complete. The public API cannot; a real change fires proposal.status_changed.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalSandboxProposalStatus", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class SetPortalSandboxProposalStatusCommand : PortalSandboxCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int ProposalId { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        public ProposalStatus Status { get; set; }

        protected override void ProcessRecord()
        {
            var sandbox = RunningSandbox();
            if (sandbox is null) return;
            if (!ShouldProcess("proposal " + ProposalId + " in the sandbox at " + sandbox.BaseUri, "Set the status to " + Status + " as the client would")) return;
            if (Refused(() => SandboxBridge.SetProposalStatus(sandbox.Server, ProposalId, Status.ToString()), ProposalId, Capitalized)) return;
            WriteVerbose("Proposal " + ProposalId + " is " + Status + ".");
        }
    }
}
