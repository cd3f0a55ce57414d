using System;
using System.Management.Automation;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>Removes a route of Add-PortalSandboxWebhookRoute: deliveries for that host go to its public URL again.</summary>
    [Cmdlet(VerbsCommon.Remove, "PortalSandboxWebhookRoute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class RemovePortalSandboxWebhookRouteCommand : PortalSandboxCmdlet
    {
        /// <summary>The public host name whose route to remove.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotWhiteSpace]
        public string HostName { get; set; } = "";

        protected override void ProcessRecord()
        {
            if (!WebhookRouteHost.Check(this, HostName)) return;
            var sandbox = RunningSandbox();
            if (sandbox is null) return;
            if (!ShouldProcess(HostName + " in the sandbox at " + sandbox.BaseUri, "Remove the webhook route")) return;
            if (SandboxBridge.UnrouteWebhookHost(sandbox.Server, HostName.Trim())) return;
            var message = "The sandbox at " + sandbox.BaseUri + " has no webhook route for " + HostName + ".";
            WriteError(new ErrorRecord(new ArgumentException(message, nameof(HostName)), ErrorIds.NotFound, ErrorCategory.ObjectNotFound, HostName)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Check the host name; routes are added with Add-PortalSandboxWebhookRoute." },
            });
        }
    }
}
