using System.Management.Automation;
using PortalIo.Api;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;

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
        [IdOf(PortalResource.Webhook)]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public long[] Id { get; set; } = new long[0];

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
            foreach (var id in Id)
            {
                if (!ShouldProcess("webhook " + id, "Delete (permanent: re-subscribing needs New-PortalWebhook)")) continue;
                ForInput(id, () => Await(WebhooksApi.DeleteAsync(Call, id)), WebhookHints.Delete);
            }
        }
    }
}
