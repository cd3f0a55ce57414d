using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;
using PortalIo.Webhooks;

namespace PortalIo.Commands.Webhooks
{
    /// <summary>
    /// Subscribes an https endpoint to webhook events (POST /public/webhook/subscribe). The answer
    /// carries the subscription's secret key, which Portal.io shows only this once: it is output
    /// only as the SecureString property SecretKey, and a warning says to store it now.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PortalWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Webhook))]
    public sealed class NewPortalWebhookCommand : PortalApiCmdlet
    {
        /// <summary>An absolute https URL on a publicly routable host.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotWhiteSpace]
        public string Url { get; set; } = string.Empty;

        /// <summary>Event names (tab completion offers the documented ones; both naming schemes are accepted by the API).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Events")]
        [ValidateNotWhiteSpace]
        [ArgumentCompleter(typeof(WebhookEventCompleter))]
        public string[] Event { get; set; } = new string[0];

        [Parameter]
        [ValidateNotWhiteSpace]
        public string? Description { get; set; }

        /// <summary>How several events are sent: Repeated (Events=a&amp;Events=b, default) or CommaSeparated (Events=a,b).</summary>
        [Parameter]
        public WebhookEventEncoding EventEncoding { get; set; } = WebhookEventEncoding.Repeated;

        protected override void ProcessRecord()
        {
            var url = Url.Trim();
            var problem = WebhookUrlRule.Check(url);
            if (problem != null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(Url), problem, Url));
                return;
            }
            if (!ShouldProcess(url, "Subscribe to " + string.Join(", ", Event))) return;
            ForInput(url, () =>
            {
                var webhook = Await(WebhooksApi.CreateAsync(Call, url, Event, Description, EventEncoding));
                if (webhook.HasSecretKey)
                {
                    WriteWarning("Store the secret key of webhook " + webhook.SubscriptionId + " now: Portal.io shows it only at creation. " +
                        "It is in the SecretKey property of the output (a SecureString), e.g. Set-Secret -Name PortalWebhook" + webhook.SubscriptionId +
                        " -SecureStringSecret $webhook.SecretKey. Test-PortalWebhookSignature -SecretKey needs it to verify deliveries.");
                }
                else
                {
                    // Also what a create whose answer was lost gets (-Verbose says so): the list it was found in may not carry the secret.
                    WriteWarning("Portal.io returned no secret key for webhook " + webhook.SubscriptionId + ": deliveries cannot be verified without it. " +
                        "If its answer to the create was lost (-Verbose says so), the secret went with it: remove the subscription with Remove-PortalWebhook -Id " +
                        webhook.SubscriptionId + " and run New-PortalWebhook again to get a new one.");
                }
                Emit(webhook);
            }, WebhookHints.Write);
        }
    }
}
