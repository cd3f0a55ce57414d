using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Webhooks
{
    /// <summary>
    /// Delivers webhook events for real: a signed JSON POST per matching enabled subscription, in
    /// the background (an API request never waits for a receiver), retried after the documented
    /// delays (1 min, 5 min, 30 min, 2 h, 12 h unless SandboxOptions.WebhookRetryDelays says
    /// otherwise). A failure is a non-2xx answer, a connection error or the timeout. After the
    /// last retry the delivery is dropped: the documentation does not say what Portal.io does then
    /// (see docs/api-decisions.md, 'Webhook deliveries'). One dispatcher per emulator state: a Reset
    /// ends its pending retries and starts an empty delivery list.
    /// </summary>
    internal sealed class WebhookDispatcher
    {
        private readonly EmulatorStore _store;
        private readonly IReadOnlyList<TimeSpan> _retryDelays;
        private readonly TimeSpan _timeout;
        private readonly CancellationToken _stopping;
        private readonly HttpClient _http;
        private readonly WebhookHostRoutes _routes;
        private readonly List<SandboxWebhookDelivery> _deliveries = new List<SandboxWebhookDelivery>();
        private int _pending;
        private int _attemptsInProgress;

        /// <param name="http">Shared by every state of the emulator, made by <see cref="NewHttpClient"/>.</param>
        /// <param name="stopping">Cancelled when this state ends (Reset or Stop).</param>
        public WebhookDispatcher(EmulatorStore store, HttpClient http, WebhookHostRoutes routes, IEnumerable<TimeSpan> retryDelays, TimeSpan timeout,
            CancellationToken stopping)
        {
            _store = store;
            _http = http;
            _routes = routes;
            _retryDelays = retryDelays.Select(d => d < TimeSpan.Zero ? TimeSpan.Zero : d).ToList();
            _timeout = timeout <= TimeSpan.Zero ? TimeSpan.FromSeconds(10) : timeout;
            _stopping = stopping;
        }

        /// <summary>
        /// No proxy: a routed delivery goes to a loopback listener, and a proxy from the environment
        /// would otherwise swallow it. No redirects: a receiver must answer 2xx itself. No client
        /// timeout: each attempt has its own.
        /// </summary>
        public static HttpClient NewHttpClient() =>
            new HttpClient(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };

        public IReadOnlyList<SandboxWebhookDelivery> Deliveries
        {
            get { lock (_deliveries) return _deliveries.ToList(); }
        }

        public void ClearDeliveries()
        {
            lock (_deliveries) _deliveries.Clear();
        }

        /// <summary>Deliveries started and not yet finished (including ones waiting for a retry).</summary>
        public int Pending => Volatile.Read(ref _pending);

        /// <summary>Deliveries whose attempt is due or being made (published, or retry delay over, and not yet recorded).</summary>
        public int AttemptsInProgress => Volatile.Read(ref _attemptsInProgress);

        /// <summary>
        /// Fires an event of the account. Call it while holding the store lock: the subscriptions and
        /// the payload are captured at that instant, and the sending happens later on the thread pool.
        /// </summary>
        public void Publish(DealerAccount account, string eventType, Action<Utf8JsonWriter> writeData)
        {
            var targets = _store.Subscriptions.Where(s => s.Account == account && s.Enabled && s.Events.Contains(eventType)).ToList();
            if (targets.Count == 0) return;
            var data = JsonOutput.Write(writeData);
            var created = DateTime.UtcNow;
            foreach (var subscription in targets)
            {
                var eventId = NewEventId();
                var body = Encoding.UTF8.GetString(JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", eventId);
                    w.WriteString("type", eventType);
                    w.WriteDate("created", created);
                    w.WritePropertyName("data");
                    w.WriteRawValue(data, skipInputValidation: true);
                    w.WriteEndObject();
                }));
                Interlocked.Increment(ref _pending);
                Interlocked.Increment(ref _attemptsInProgress);
                var job = new Job(subscription, subscription.Url, subscription.SecretKey, eventId, eventType, body);
                _ = Task.Run(() => DeliverAsync(job));
            }
        }

        private async Task DeliverAsync(Job job)
        {
            // Counted in _attemptsInProgress from Publish until this attempt is recorded, and again once a retry is due.
            var attemptInProgress = true;
            try
            {
                for (int attempt = 1; ; attempt++)
                {
                    if (_stopping.IsCancellationRequested || !IsStillSubscribed(job)) return;
                    var target = _routes.Resolve(job.Url);
                    var signature = WebhookSigner.Header(job.SecretKey, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), job.Body);
                    var attemptedAt = DateTime.UtcNow;
                    var (status, error) = await PostAsync(target, job.Body, signature).ConfigureAwait(false);
                    bool willRetry = error != null && attempt <= _retryDelays.Count;
                    lock (_deliveries)
                        _deliveries.Add(new SandboxWebhookDelivery(job.EventId, job.EventType, job.Subscription.Id, job.Url, target,
                            attempt, status, error, attemptedAt, job.Body, signature, willRetry));
                    attemptInProgress = false;
                    Interlocked.Decrement(ref _attemptsInProgress);
                    if (!willRetry) return;
                    // Measured from the failed attempt, as the docs say.
                    await Task.Delay(_retryDelays[attempt - 1], _stopping).ConfigureAwait(false);
                    attemptInProgress = true;
                    Interlocked.Increment(ref _attemptsInProgress);
                }
            }
            catch (OperationCanceledException)
            {
                // The emulator is stopping: pending retries die with it.
            }
            finally
            {
                if (attemptInProgress) Interlocked.Decrement(ref _attemptsInProgress);
                Interlocked.Decrement(ref _pending);
            }
        }

        /// <summary>A subscription disabled or deleted in the meantime gets no further attempts.</summary>
        private bool IsStillSubscribed(Job job)
        {
            lock (_store.SyncRoot)
                return job.Subscription.Enabled && _store.Subscriptions.Contains(job.Subscription);
        }

        private async Task<(int? Status, string? Error)> PostAsync(Uri target, string body, string signature)
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping))
            using (var request = new HttpRequestMessage(HttpMethod.Post, target))
            {
                timeout.CancelAfter(_timeout);
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                // "application/json" exactly, as documented, without the "; charset=utf-8" StringContent adds.
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(WebhookSigner.HeaderName, signature);
                request.Headers.TryAddWithoutValidation("User-Agent", "PortalIo.Sandbox-Webhooks/1.0");
                try
                {
                    using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        var code = (int)response.StatusCode;
                        return code >= 200 && code < 300 ? (code, (string?)null) : (code, "HTTP " + code);
                    }
                }
                catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    return (null, "Timeout after " + _timeout.TotalSeconds + " s");
                }
                catch (HttpRequestException e)
                {
                    return (null, "Connection error: " + (e.InnerException?.Message ?? e.Message));
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    return (null, e.GetType().Name + ": " + e.Message);
                }
            }
        }

        private static string NewEventId()
        {
            var bytes = new byte[12];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return "evt_" + string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        private sealed class Job
        {
            public Job(WebhookSubscription subscription, string url, string secretKey, string eventId, string eventType, string body)
            {
                Subscription = subscription;
                Url = url;
                SecretKey = secretKey;
                EventId = eventId;
                EventType = eventType;
                Body = body;
            }

            public WebhookSubscription Subscription { get; }
            /// <summary>Captured at publish time: a later URL change does not redirect an event already under way.</summary>
            public string Url { get; }
            public string SecretKey { get; }
            public string EventId { get; }
            public string EventType { get; }
            public string Body { get; }
        }
    }
}
