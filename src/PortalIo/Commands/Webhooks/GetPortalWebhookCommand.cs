using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;

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
        [IdOf(PortalResource.Webhook)]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public long[]? Id { get; set; }

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
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
