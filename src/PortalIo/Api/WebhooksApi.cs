using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.Webhooks;

namespace PortalIo.Api
{
    /// <summary>Webhook subscription routes: create (25), list (26), update (27), delete (28). Bodies are forms.</summary>
    public static class WebhooksApi
    {
        public static async Task<IReadOnlyList<Webhook>> ListAsync(PortalClient client, IPortalLog? log, CancellationToken cancellationToken)
        {
            var list = await client.SendAsync<List<Webhook>>(PortalRequest.Get("public/webhook/subscriptions"), log, cancellationToken).ConfigureAwait(false);
            return list.FindAll(w => w != null);
        }

        public static Task<Webhook> CreateAsync(PortalClient client, string url, IEnumerable<string> events, string? description,
            WebhookEventEncoding encoding, IPortalLog? log, CancellationToken cancellationToken)
        {
            var fields = new List<KeyValuePair<string, string>> { ProposalsApi.Field("Url", url.Trim()) };
            fields.AddRange(WebhookEvents.Encode(events, encoding));
            if (!string.IsNullOrEmpty(description)) fields.Add(ProposalsApi.Field("Description", description!));
            return client.SendAsync<Webhook>(PortalRequest.PostForm("public/webhook/subscribe", fields), log, cancellationToken);
        }

        /// <summary>Patch-style: only the given values are sent (at least one is required: the caller checks).</summary>
        public static Task<Webhook> UpdateAsync(PortalClient client, long subscriptionId, string? url, IEnumerable<string>? events, bool? enabled,
            string? description, WebhookEventEncoding encoding, IPortalLog? log, CancellationToken cancellationToken)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (url != null) fields.Add(ProposalsApi.Field("Url", url.Trim()));
            if (events != null) fields.AddRange(WebhookEvents.Encode(events, encoding));
            if (enabled.HasValue) fields.Add(ProposalsApi.Field("Enabled", enabled.Value ? "true" : "false"));
            if (description != null) fields.Add(ProposalsApi.Field("Description", description));
            var request = PortalRequest.PostForm("public/webhook/subscription/" + subscriptionId.ToString(CultureInfo.InvariantCulture), fields);
            return client.SendAsync<Webhook>(request, log, cancellationToken);
        }

        public static async Task<bool> DeleteAsync(PortalClient client, long subscriptionId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = new PortalRequest(HttpMethod.Delete, "public/webhook/unsubscribe/" + subscriptionId.ToString(CultureInfo.InvariantCulture));
            var response = await client.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            client.EnsureSuccess(request, response);
            return true;
        }
    }
}
