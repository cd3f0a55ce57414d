using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;

namespace PortalIo.Commands.Webhooks
{
    /// <summary>Lists the account's webhook subscriptions (GET /public/webhook/subscriptions).</summary>
    [Cmdlet(VerbsCommon.Get, "PortalWebhook")]
    [OutputType(typeof(Webhook))]
    public sealed class GetPortalWebhookCommand : PortalApiCmdlet
    {
        /// <summary>Only these subscription ids.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId")]
        [ValidateRange(1, long.MaxValue)]
        public long[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            ForInput(Id, () =>
            {
                foreach (var webhook in Await(WebhooksApi.ListAsync(Call)))
                {
                    if (Id == null || System.Array.IndexOf(Id, webhook.SubscriptionId) >= 0) Emit(webhook);
                }
            });
        }
    }
}
