using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// The webhook deliveries a local sandbox made, each event to each subscription with its attempts
    /// and the receiver's answers, in the order they started.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalSandboxWebhookDelivery")]
    [OutputType(typeof(PortalSandboxWebhookDelivery))]
    public sealed class GetPortalSandboxWebhookDeliveryCommand : PortalSandboxCmdlet
    {
        /// <summary>Only events whose type matches this wildcard, e.g. proposal.*.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? EventType { get; set; }

        /// <summary>Only deliveries to this subscription.</summary>
        [Parameter]
        public long? SubscriptionId { get; set; }

        /// <summary>Waits until every event fired so far has made its current attempt (not for retries that are scheduled later).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits at most, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        protected override void ProcessRecord()
        {
            var sandbox = TargetSandbox;
            if (Wait) WaitForAttempts(sandbox);
            var pattern = string.IsNullOrEmpty(EventType) ? null : new WildcardPattern(EventType, WildcardOptions.IgnoreCase);
            var deliveries = SandboxBridge.WebhookDeliveries(sandbox.Server)
                .Where(d => pattern == null || pattern.IsMatch(d.EventType))
                .Where(d => SubscriptionId == null || d.SubscriptionId == SubscriptionId.Value);
            foreach (var delivery in deliveries) WriteObject(delivery);
        }

        private void WaitForAttempts(PortalSandbox sandbox)
        {
            var clock = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(TimeoutSec);
            while (SandboxBridge.WebhookAttemptsInProgress(sandbox.Server) > 0)
            {
                if (clock.Elapsed >= limit)
                {
                    WriteWarning("Webhook attempts were still under way after " + TimeoutSec + " s (-TimeoutSec); the list may be incomplete.");
                    return;
                }
                // Ctrl+C ends the wait at once.
                if (CancelToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20))) throw new PipelineStoppedException();
            }
        }
    }
}
