using System.Management.Automation;
using PortalIo.Api;
using PortalIo.PowerShell;

namespace PortalIo.Commands.Webhooks
{
    /// <summary>Deletes a webhook subscription, permanently and at once (DELETE /public/webhook/unsubscribe/{id}).</summary>
    [Cmdlet(VerbsCommon.Remove, "PortalWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePortalWebhookCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                if (!ShouldProcess("webhook " + id, "Delete (permanent: re-subscribing needs New-PortalWebhook)")) continue;
                ForInput(id, () => Await(WebhooksApi.DeleteAsync(Call, id)), WebhookHints.Delete);
            }
        }
    }
}
