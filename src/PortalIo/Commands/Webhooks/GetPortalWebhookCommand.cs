using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;

namespace PortalIo.Commands.Webhooks
{
    /// <summary>
    /// Lists the account's webhook subscriptions (GET /public/webhook/subscriptions); records from the
    /// pipeline (one listing each) are read -ThrottleLimit at once.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalWebhook")]
    [OutputType(typeof(Webhook))]
    public sealed class GetPortalWebhookCommand : PortalFanOutCmdlet
    {
        /// <summary>Only these subscription ids.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId")]
        [ValidateRange(1, long.MaxValue)]
        [IdOf(PortalResource.Webhook)]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public long[]? Id { get; set; }

        /// <summary>How many records of the pipeline are read at once; 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
            var ids = Id;
            FanOut(ids, WebhooksApi.ListAsync, webhooks =>
            {
                foreach (var webhook in webhooks)
                {
                    if (ids == null || System.Array.IndexOf(ids, webhook.SubscriptionId) >= 0) Emit(webhook);
                }
            });
        }
    }
}
