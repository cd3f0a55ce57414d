using System;
using System.Management.Automation;
using PortalIo.PowerShell;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Makes a local sandbox deliver the webhooks for a public host to a local listener instead, like
    /// a tunnel: subscriptions keep their public https URLs (the API refuses loopback ones).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PortalSandboxWebhookRoute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class AddPortalSandboxWebhookRouteCommand : PortalSandboxCmdlet
    {
        /// <summary>The public host name of the subscriptions' URLs, e.g. hooks.example.com.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotWhiteSpace]
        public string HostName { get; set; } = "";

        /// <summary>Where to deliver instead: an absolute http or https URI, e.g. http://127.0.0.1:5123/.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public Uri Target { get; set; } = null!;

        protected override void ProcessRecord()
        {
            if (!WebhookRouteHost.Check(this, HostName)) return;
            var sandbox = RunningSandbox();
            if (sandbox is null) return;
            if (!ShouldProcess(HostName + " in the sandbox at " + sandbox.BaseUri, "Deliver its webhooks to " + Target)) return;
            if (Refused(() => SandboxBridge.RouteWebhookHost(sandbox.Server, HostName.Trim(), Target), Target,
                    name => name == "localTarget" ? nameof(Target) : nameof(HostName))) return;
            WriteVerbose("Webhooks for " + HostName + " now go to " + Target + ".");
        }
    }
}
