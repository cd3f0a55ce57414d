using System;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>
        /// Subscribes an endpoint. A subscription is known by its URL and its events, so a lost
        /// answer is settled by reading the list back: one with this URL and these events is this
        /// one (its secret key only if the list carries it: the create's answer, which held it, was
        /// lost); no subscription with this URL at all means it was not made, and it is sent again.
        /// </summary>
        public static Task<Webhook> CreateAsync(PortalCall call, string url, IEnumerable<string> events, string? description,
            WebhookEventEncoding encoding) =>
            new Subscribe(url.Trim(), events.ToList(), description, encoding).RunAsync(call);

        /// <summary>Patch-style: only the given values are sent (at least one is required: the caller checks). Idempotent: retried like a GET.</summary>
        public static Task<Webhook> UpdateAsync(PortalCall call, long subscriptionId, string? url, IEnumerable<string>? events, bool? enabled,
            string? description, WebhookEventEncoding encoding)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (url != null) fields.Add(Wire.Field("Url", url.Trim()));
            if (events != null) fields.AddRange(WebhookEvents.Encode(events, encoding));
            if (enabled.HasValue) fields.Add(Wire.Field("Enabled", Wire.Text(enabled.Value)));
            if (description != null) fields.Add(Wire.Field("Description", description));
            var request = PortalRequest.PostForm("public/webhook/subscription/" + Wire.Text(subscriptionId), fields);
            // Setting the same values again changes nothing.
            request.IsIdempotent = true;
            return call.SendAsync<Webhook>(request);
        }

        /// <summary>Deletes a subscription. A lost answer is settled by reading the list back: gone means deleted; still there means not, and it is sent again.</summary>
        public static Task<WriteDone> DeleteAsync(PortalCall call, long subscriptionId) => new Unsubscribe(subscriptionId).RunAsync(call);

        private static bool SameUrl(string? stored, string sent)
        {
            if (stored is null) return false;
            if (Uri.TryCreate(stored.Trim(), UriKind.Absolute, out var a) && Uri.TryCreate(sent, UriKind.Absolute, out var b))
                return Uri.Compare(a, b, UriComponents.AbsoluteUri, UriFormat.SafeUnescaped, StringComparison.Ordinal) == 0;
            return string.Equals(stored.Trim(), sent, StringComparison.Ordinal);
        }

        private sealed class Subscribe : SettledWrite<Webhook>
        {
            private readonly string _url;
            private readonly List<string> _events;
            private readonly string? _description;
            private readonly WebhookEventEncoding _encoding;

            public Subscribe(string url, List<string> events, string? description, WebhookEventEncoding encoding)
            {
                _url = url;
                _events = events;
                _description = description;
                _encoding = encoding;
            }

            protected override string What => "the subscription of " + _url;

            protected override Task<Webhook> SendOnceAsync(PortalCall call)
            {
                var fields = new List<KeyValuePair<string, string>> { Wire.Field("Url", _url) };
                fields.AddRange(WebhookEvents.Encode(_events, _encoding));
                if (!string.IsNullOrEmpty(_description)) fields.Add(Wire.Field("Description", _description!));
                return call.SendAsync<Webhook>(PortalRequest.PostForm("public/webhook/subscribe", fields));
            }

            protected override async Task<ReadBack<Webhook>> ReadBackAsync(PortalCall call)
            {
                var sameUrl = (await ListAsync(call).ConfigureAwait(false)).Where(w => SameUrl(w.Url, _url)).ToList();
                if (sameUrl.Count == 0) return ReadBack<Webhook>.NotAppliedYet();
                var same = sameUrl.Where(w => WebhookEvents.SameEvents(w.Events ?? new List<string>(), _events)).OrderByDescending(w => w.SubscriptionId).FirstOrDefault();
                return same != null
                    ? ReadBack<Webhook>.Applied(same)
                    : ReadBack<Webhook>.CannotTell("subscription(s) " + string.Join(", ", sameUrl.Select(w => w.SubscriptionId)) + " have this URL but other events");
            }
        }

        private sealed class Unsubscribe : SettledWrite<WriteDone>
        {
            private readonly long _subscriptionId;

            public Unsubscribe(long subscriptionId) => _subscriptionId = subscriptionId;

            protected override string What => "the deletion of webhook " + _subscriptionId;

            protected override async Task<WriteDone> SendOnceAsync(PortalCall call)
            {
                await call.SendForSuccessAsync(new PortalRequest(HttpMethod.Delete, "public/webhook/unsubscribe/" + Wire.Text(_subscriptionId))).ConfigureAwait(false);
                return WriteDone.Instance;
            }

            protected override async Task<ReadBack<WriteDone>> ReadBackAsync(PortalCall call) =>
                (await ListAsync(call).ConfigureAwait(false)).Any(w => w.SubscriptionId == _subscriptionId)
                    ? ReadBack<WriteDone>.NotAppliedYet()
                    : ReadBack<WriteDone>.Applied(WriteDone.Instance);
        }
    }
}
