using System.Management.Automation;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>Empties a local sandbox's request journal, so that a test sees only its own requests.</summary>
    [Cmdlet(VerbsCommon.Clear, "PortalSandboxRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class ClearPortalSandboxRequestCommand : PortalSandboxCmdlet
    {
        protected override void ProcessRecord()
        {
            var sandbox = TargetSandbox;
            if (!ShouldProcess(sandbox.BaseUri.ToString(), "Clear the request journal")) return;
            SandboxBridge.ClearRequests(sandbox.Server);
        }
    }
}
