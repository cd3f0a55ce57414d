using System.Management.Automation;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>Removes every scripted fault of a local sandbox (the random -FaultRate stays as it is).</summary>
    [Cmdlet(VerbsCommon.Clear, "PortalSandboxFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class ClearPortalSandboxFaultCommand : PortalSandboxCmdlet
    {
        protected override void ProcessRecord()
        {
            var sandbox = TargetSandbox;
            if (!ShouldProcess(sandbox.BaseUri.ToString(), "Remove every scripted fault")) return;
            SandboxBridge.ClearFaults(sandbox.Server);
        }
    }
}
