using System;
using System.Management.Automation;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Returns a local sandbox to the state it started with (the demo data, -Empty or -Data), with
    /// an empty journal and no scripted faults: cheap enough to run before every test.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "PortalSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class ResetPortalSandboxCommand : PortalSandboxCmdlet
    {
        protected override void ProcessRecord()
        {
            var sandbox = RunningSandbox();
            if (sandbox is null) return;
            if (!ShouldProcess(sandbox.BaseUri.ToString(), "Reset to its start state (" + sandbox.StartKind + ")")) return;
            try
            {
                SandboxBridge.Reset(sandbox.Server);
            }
            catch (InvalidOperationException)
            {
                // Stopped by another thread since the check above.
                WriteError(Stopped(sandbox));
                return;
            }
            WriteVerbose("Sandbox at " + sandbox.BaseUri + " reset to its start state (" + sandbox.StartKind + ").");
        }
    }
}
