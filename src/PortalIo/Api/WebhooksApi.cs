using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.Webhooks;

namespace PortalIo.Api
{
    /// <summary>Webhook subscription routes: create, list, update, delete. Bodies are forms.</summary>
    internal static class WebhooksApi
    {
        public static async Task<IReadOnlyList<Webhook>> ListAsync(PortalCall call) =>
            await call.SendAsync<List<Webhook>>(PortalRequest.Get("public/webhook/subscriptions")).ConfigureAwait(false);

        public static Task<Webhook> CreateAsync(PortalCall call, string url, IEnumerable<string> events, string? description,
            WebhookEventEncoding encoding)
        {
            var fields = new List<KeyValuePair<string, string>> { Wire.Field("Url", url.Trim()) };
            fields.AddRange(WebhookEvents.Encode(events, encoding));
            if (!string.IsNullOrEmpty(description)) fields.Add(Wire.Field("Description", description!));
            return call.SendAsync<Webhook>(PortalRequest.PostForm("public/webhook/subscribe", fields));
        }

        /// <summary>Patch-style: only the given values are sent (at least one is required: the caller checks).</summary>
        public static Task<Webhook> UpdateAsync(PortalCall call, long subscriptionId, string? url, IEnumerable<string>? events, bool? enabled,
            string? description, WebhookEventEncoding encoding)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (url != null) fields.Add(Wire.Field("Url", url.Trim()));
            if (events != null) fields.AddRange(WebhookEvents.Encode(events, encoding));
            if (enabled.HasValue) fields.Add(Wire.Field("Enabled", Wire.Text(enabled.Value)));
            if (description != null) fields.Add(Wire.Field("Description", description));
            return call.SendAsync<Webhook>(PortalRequest.PostForm("public/webhook/subscription/" + Wire.Text(subscriptionId), fields));
        }

        public static Task<PortalResponse> DeleteAsync(PortalCall call, long subscriptionId) =>
            call.SendForSuccessAsync(new PortalRequest(HttpMethod.Delete, "public/webhook/unsubscribe/" + Wire.Text(subscriptionId)));
    }
}
