using System.Linq;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.Pipeline;

namespace PortalIo.Commands.Webhooks
{
    /// <summary>
    /// Lists the account's webhook subscriptions (GET /public/webhook/subscriptions); records from the
    /// pipeline (one listing each) are read -ThrottleLimit at once. With -Id, the subscriptions come in
    /// the order of the ids, and an id the account does not have is a NotFound error in its place
    /// (the API has no route for one subscription: the listing is filtered).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalWebhook")]
    [OutputType(typeof(Webhook))]
    public sealed class GetPortalWebhookCommand : PortalFanOutCmdlet
    {
        /// <summary>Only these subscription ids.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
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
                if (ids is null)
                {
                    foreach (var webhook in webhooks) Emit(webhook);
                    return;
                }
                foreach (var id in ids)
                {
                    var found = webhooks.FirstOrDefault(w => w.SubscriptionId == id);
                    if (found != null) Emit(found);
                    else WriteError(NotFound(id));
                }
            });
        }

        private static ErrorRecord NotFound(long id)
        {
            var message = "This account has no webhook subscription " + id + ".";
            return new ErrorRecord(new ItemNotFoundException(message), ErrorIds.NotFound, ErrorCategory.ObjectNotFound, id)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "List the subscriptions and their ids with Get-PortalWebhook." },
            };
        }
    }
}
