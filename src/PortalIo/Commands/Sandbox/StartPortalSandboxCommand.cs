using System;
using System.Management.Automation;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Starts a local Portal.io sandbox on loopback: the same routes, signature check and business
    /// rules as Portal.io, with seeded demo data, for testing scripts offline.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "PortalSandbox")]
    [OutputType(typeof(PortalSandbox))]
    public sealed class StartPortalSandboxCommand : PortalCmdlet
    {
        /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Added before every response, to imitate a remote server.</summary>
        [Parameter]
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Share of requests (0 to 1) answered with an injected server fault, to test retries.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double FaultRate { get; set; }

        protected override void ProcessRecord()
        {
            if (Latency < TimeSpan.Zero)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(Latency), "-Latency must not be negative.", Latency));
                return;
            }
            PortalSandbox sandbox;
            try
            {
                sandbox = SandboxBridge.Start(Port, Latency, FaultRate);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.SandboxFailed, ErrorCategory.ResourceUnavailable, Port)
                {
                    ErrorDetails = new ErrorDetails("The sandbox could not start: " + ex.Message)
                    {
                        RecommendedAction = Port != 0 ? "Choose another -Port, or -Port 0 for any free port." : "Check that loopback (127.0.0.1) is usable.",
                    },
                });
                return;
            }
            SessionStore.Sandboxes(this).Add(sandbox);
            WriteVerbose("Sandbox listening at " + sandbox.BaseUri + "; connect with: Start-PortalSandbox | Connect-Portal");
            WriteObject(sandbox);
        }
    }
}
