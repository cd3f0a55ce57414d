using System;
using System.Management.Automation;
using PortalIo.PowerShell;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Stops a sandbox (from the pipeline), or every sandbox started in this runspace, and forgets the
    /// current session when it points at one of them.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "PortalSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class StopPortalSandboxCommand : PortalCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public PortalSandbox[]? Sandbox { get; set; }

        private bool _sawInput;

        protected override void ProcessRecord()
        {
            if (Sandbox is null) return;
            _sawInput = true;
            foreach (var sandbox in Sandbox) StopOne(sandbox);
        }

        protected override void EndProcessing()
        {
            if (!_sawInput)
            {
                foreach (var sandbox in SessionStore.Sandboxes(this).ToArray()) StopOne(sandbox);
            }
            base.EndProcessing();
        }

        private void StopOne(PortalSandbox sandbox)
        {
            if (!ShouldProcess(sandbox.BaseUri.ToString(), "Stop sandbox")) return;
            sandbox.Stop();
            SessionStore.Sandboxes(this).Remove(sandbox);
            WriteVerbose("Sandbox at " + sandbox.BaseUri + " stopped.");
            var current = SessionStore.GetCurrent(this);
            if (current != null && Uri.Compare(current.BaseUri, sandbox.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                SessionStore.SetCurrent(this, null);
                WriteVerbose("The current session pointed at it and was forgotten; connect again (Start-PortalSandbox | Connect-Portal).");
            }
        }
    }
}
