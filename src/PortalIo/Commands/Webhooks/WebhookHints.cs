using PortalIo.PowerShell.Errors;
using PortalIo.Webhooks;

namespace PortalIo.Commands.Webhooks
{
    internal static class WebhookHints
    {
        public const string UrlRule = "The Url must be an absolute https URL on a publicly routable host (no private, loopback or link-local address).";

        public static readonly ErrorRecordFactory.Hints Write = new ErrorRecordFactory.Hints
        {
            BadRequest = UrlRule + " Events must be known event names (" + WebhookEvents.KnownText +
                "); if Portal.io refuses several names in one request, try -EventEncoding CommaSeparated.",
            VerifyWrite = "list the subscriptions with Get-PortalWebhook",
        };

        public static readonly ErrorRecordFactory.Hints Update = new ErrorRecordFactory.Hints
        {
            BadRequest = "The subscription id must be one of this account's (Portal.io answers 400, not 404, for any other id: list them with Get-PortalWebhook); at least one of -Url, -Event, -Enabled or -Description is required. " +
                UrlRule + " Events must be known event names (" + WebhookEvents.KnownText + ").",
            VerifyWrite = "list the subscriptions with Get-PortalWebhook",
        };

        public static readonly ErrorRecordFactory.Hints Delete = new ErrorRecordFactory.Hints
        {
            BadRequest = "There is no active subscription with this id in this account (Portal.io answers 400, not 404): list them with Get-PortalWebhook.",
            VerifyWrite = "list the subscriptions with Get-PortalWebhook",
        };
    }
}
