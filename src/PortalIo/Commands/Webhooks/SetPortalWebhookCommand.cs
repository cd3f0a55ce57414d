using System.Collections.Generic;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Pipeline;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell.Errors;
using PortalIo.Webhooks;

namespace PortalIo.Commands.Webhooks
{
    /// <summary>
    /// Changes a webhook subscription (POST /public/webhook/subscription/{id}): only the given values
    /// change; -Event replaces the whole event list; the secret key is unchanged.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Webhook))]
    public sealed class SetPortalWebhookCommand : PortalApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionId")]
        [ValidateRange(1, long.MaxValue)]
        [IdOf(PortalResource.Webhook)]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public long Id { get; set; }

        /// <summary>The input itself, so the pipeline binding rule can check its type (PipelineInput). Hidden: not for the command line.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateNotWhiteSpace]
        public string? Url { get; set; }

        /// <summary>The new, complete list of events.</summary>
        [Parameter]
        [Alias("Events")]
        [ValidateNotWhiteSpace]
        [ArgumentCompleter(typeof(WebhookEventCompleter))]
        public string[]? Event { get; set; }

        /// <summary>$false stops deliveries, $true resumes them.</summary>
        [Parameter]
        public bool? Enabled { get; set; }

        [Parameter]
        [ValidateNotWhiteSpace]
        public string? Description { get; set; }

        [Parameter]
        public WebhookEventEncoding EventEncoding { get; set; } = WebhookEventEncoding.Repeated;

        protected override void ProcessRecord()
        {
            if (!Admit(InputObject)) return;
            if (Event is null && Refused(new[] { nameof(EventEncoding) }, "says how -Event is sent, and -Event was not given, so nothing was sent.",
                "Give -Event with the new list of events, or leave -EventEncoding out.")) return;
            var changes = new List<string>();
            if (Url != null) changes.Add("Url=" + Url.Trim());
            if (Event != null) changes.Add("Events=" + string.Join(",", Event));
            if (Enabled.HasValue) changes.Add("Enabled=" + (Enabled.Value ? "true" : "false"));
            if (Description != null) changes.Add("Description=" + Description);
            if (changes.Count == 0)
            {
                WriteError(ErrorRecordFactory.InvalidArgument("Url",
                    "Nothing to change: give at least one of -Url, -Event, -Enabled or -Description.", Id));
                return;
            }
            if (Url != null)
            {
                var problem = WebhookUrlRule.Check(Url);
                if (problem != null)
                {
                    WriteError(ErrorRecordFactory.InvalidArgument(nameof(Url), problem, Url));
                    return;
                }
            }
            if (!ShouldProcess("webhook " + Id, "Set " + string.Join("; ", changes))) return;
            ForInput(Id, () => Emit(Await(WebhooksApi.UpdateAsync(Call, Id, Url, Event, Enabled, Description, EventEncoding))),
                WebhookHints.Update);
        }
    }
}
