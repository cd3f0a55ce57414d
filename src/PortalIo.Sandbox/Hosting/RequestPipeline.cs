using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Sandbox.Diagnostics;
using PortalIo.Sandbox.Dispatch;
using PortalIo.Sandbox.Faults;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Journal;
using PortalIo.Sandbox.RateLimiting;
using PortalIo.Sandbox.Security;
using PortalIo.Sandbox.State;

namespace PortalIo.Sandbox.Hosting
{
    /// <summary>
    /// What happens to each request, in order: read the body (413 beyond the limit), the rate
    /// limit (429), a fault (a scripted rule first, else the random fault rate), dispatch to the
    /// current state unless a fault strikes first, the journal entry (written before answering,
    /// so a client that has its answer also finds the entry), the latency, and the answer as the
    /// fault (if any) delivers it. Each request is counted as held from its arrival until its answer
    /// starts (the journal's InFlightOnArrival).
    /// </summary>
    internal sealed class RequestPipeline
    {
        private readonly NetworkSettings _settings;
        private readonly RequestCounters _counters;
        private readonly RequestJournal _journal;
        private readonly FaultScript _faultScript;
        private readonly FaultInjector _randomFaults;
        private readonly RateLimiter _rateLimiter;
        private readonly SecretRedactor _redactor;
        private readonly Func<EmulatedPortal> _currentState;
        private readonly long _maxBodyBytes;
        private readonly Action<SandboxObservedRequest>? _observer;
        private readonly CancellationToken _stopping;
        private int _held;

        public RequestPipeline(NetworkSettings settings, RequestCounters counters, RequestJournal journal, FaultScript faultScript,
            FaultInjector randomFaults, RateLimiter rateLimiter, SecretRedactor redactor, Func<EmulatedPortal> currentState,
            long maxBodyBytes, Action<SandboxObservedRequest>? observer, CancellationToken stopping)
        {
            _settings = settings;
            _counters = counters;
            _journal = journal;
            _faultScript = faultScript;
            _randomFaults = randomFaults;
            _rateLimiter = rateLimiter;
            _redactor = redactor;
            _currentState = currentState;
            _maxBodyBytes = maxBodyBytes;
            _observer = observer;
            _stopping = stopping;
        }

        /// <summary>Everything decided about one request before its answer is sent.</summary>
        private sealed class Handling
        {
            public EmulatorRequest? Request;
            public EmulatorResponse? Answer;
            public FaultPlan? Fault;
            public DispatchResult? Dispatch;
            public bool RateLimited;
        }

        /// <summary>One request counted in <see cref="_held"/>, released once.</summary>
        private sealed class Hold
        {
            public Hold(int onArrival) { OnArrival = onArrival; }
            public int OnArrival { get; }
            public int Released;
        }

        public async Task HandleAsync(HttpListenerContext context, InFlightRequest inFlight)
        {
            _counters.CountReceived();
            var hold = new Hold(Interlocked.Increment(ref _held));
            try
            {
                await HandleHeldAsync(context, inFlight, hold).ConfigureAwait(false);
            }
            finally
            {
                Release(hold);
            }
        }

        private void Release(Hold hold)
        {
            if (Interlocked.Exchange(ref hold.Released, 1) == 0) Interlocked.Decrement(ref _held);
        }

        private async Task HandleHeldAsync(HttpListenerContext context, InFlightRequest inFlight, Hold hold)
        {
            var received = DateTime.UtcNow;
            var listenerRequest = context.Request;
            var rawUrl = listenerRequest.RawUrl ?? "/";
            int q = rawUrl.IndexOf('?');
            var rawQuery = q < 0 ? "" : rawUrl.Substring(q + 1);
            var path = listenerRequest.Url?.AbsolutePath ?? (q < 0 ? rawUrl : rawUrl.Substring(0, q));
            var handling = new Handling();
            byte[] body = new byte[0];
            try
            {
                var read = await RequestBodyReader.ReadAsync(listenerRequest, _maxBodyBytes).ConfigureAwait(false);
                if (read.TooLarge != null)
                {
                    handling.Answer = read.TooLarge;
                }
                else
                {
                    body = read.Body;
                    handling.Request = new EmulatorRequest(listenerRequest.HttpMethod, path, rawQuery, listenerRequest.Headers["Content-Type"],
                        Encoding.UTF8.GetString(body), received)
                    {
                        BodyBytes = body,
                        Headers = listenerRequest.Headers,
                        UrlWithoutQuery = listenerRequest.Url!.GetLeftPart(UriPartial.Path),
                    };
                    Decide(handling, rawUrl);
                }
            }
            catch (Exception e)
            {
                handling.Answer = ErrorBodies.Structured(500, "InternalServerError", "The local Portal.io emulator failed to process the request: " + e.Message);
            }

            var record = Record(listenerRequest, path, rawQuery, body, received, handling);
            record.InFlightOnArrival = hold.OnArrival;
            _journal.Add(record);
            inFlight.Record = record;
            await DeliverAsync(context, handling, record, hold).ConfigureAwait(false);
        }

        private void Decide(Handling handling, string rawUrl)
        {
            var request = handling.Request!;
            var applicationKey = request.Headers[RequestAuthenticator.AppIdHeader] ?? "";
            if (!_rateLimiter.TryAcquire(applicationKey, out var retryAfter))
            {
                _counters.CountRateLimited();
                handling.RateLimited = true;
                handling.Answer = TooManyRequests(_rateLimiter.Limit, retryAfter);
                Observe(request, rawUrl, null);
                return;
            }

            var rule = _faultScript.Take(request.Method, request.Path);
            if (rule != null) handling.Fault = FaultPlan.For(rule);
            else
            {
                var kind = _randomFaults.Decide(_settings.FaultRate);
                if (kind.HasValue) handling.Fault = FaultPlan.For(kind.Value);
            }
            if (handling.Fault != null) _counters.CountFault();
            Observe(request, rawUrl, handling.Fault);

            if (handling.Fault == null || handling.Fault.ProcessesRequest)
            {
                handling.Dispatch = _currentState().Dispatcher.Dispatch(request, _settings.ServerNow);
                if (handling.Dispatch.Authentication?.IsSignatureMismatch == true) _counters.CountSignatureFailure();
                handling.Answer = handling.Dispatch.Response;
            }
            if (handling.Fault?.Delivery == FaultDelivery.ErrorStatus) handling.Answer = InjectedErrors.For(handling.Fault.Status);
        }

        /// <summary>The API's error shape, with the wait in whole seconds (RFC 9110 delta-seconds).</summary>
        private static EmulatorResponse TooManyRequests(int limit, int retryAfterSeconds)
        {
            var seconds = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ErrorBodies.Structured(429, "TooManyRequests",
                    "Too many requests: the limit is " + limit.ToString(CultureInfo.InvariantCulture) + " requests per second per application key. Retry after "
                    + seconds + (retryAfterSeconds == 1 ? " second." : " seconds."))
                .WithHeader("Retry-After", seconds);
        }

        private SandboxRequestRecord Record(HttpListenerRequest listenerRequest, string path, string rawQuery, byte[] body, DateTime received, Handling handling)
        {
            var contentType = listenerRequest.Headers["Content-Type"];
            var recordedBody = RecordedBody.Read(contentType, handling.Request?.Body ?? "", body, _redactor);
            var fault = handling.Fault;
            var statusSent = fault != null && (fault.Delivery == FaultDelivery.Reset || fault.Delivery == FaultDelivery.Stall) ? 0 : handling.Answer?.StatusCode ?? 0;
            var applicationKey = listenerRequest.Headers[RequestAuthenticator.AppIdHeader];
            return new SandboxRequestRecord
            {
                Method = listenerRequest.HttpMethod,
                Path = path,
                Query = _redactor.RedactUrlEncoded(rawQuery),
                QueryParameters = _redactor.Redact(handling.Request?.Query ?? UrlEncoding.Parse(rawQuery, strict: false) ?? ParameterBag.Empty),
                ContentType = contentType,
                Body = recordedBody.Text,
                BodyKind = recordedBody.Kind,
                ParsedBody = recordedBody.Parsed,
                ApplicationKey = applicationKey == null ? null : _redactor.Scrub(applicationKey),
                UserName = handling.Dispatch?.User?.Email,
                UserKeyPresent = !string.IsNullOrEmpty(listenerRequest.Headers[RequestAuthenticator.UserKeyHeader]),
                SignatureValid = handling.Dispatch?.Authentication?.SignatureValid ?? false,
                StatusCode = statusSent,
                Outcome = fault?.Outcome ?? SandboxRequestOutcome.Answered,
                Fault = fault?.Name,
                FaultScripted = fault?.Scripted ?? false,
                Processed = handling.Dispatch?.Handled ?? false,
                RateLimited = handling.RateLimited,
                ReceivedAtUtc = received,
            };
        }

        private async Task DeliverAsync(HttpListenerContext context, Handling handling, SandboxRequestRecord record, Hold hold)
        {
            try
            {
                var latency = _settings.Latency;
                if (latency > TimeSpan.Zero) await Task.Delay(latency, _stopping).ConfigureAwait(false);
                // Released before the first byte of the answer: the client cannot have sent its next
                // request yet, so the count never exceeds what the client really had under way.
                Release(hold);
                var answer = handling.Answer!;
                switch (handling.Fault?.Delivery)
                {
                    case FaultDelivery.Reset:
                        ConnectionDropper.Drop(context);
                        break;
                    case FaultDelivery.Stall:
                        try { await Task.Delay(_settings.StallDuration, _stopping).ConfigureAwait(false); }
                        catch (OperationCanceledException) { }
                        ConnectionDropper.Drop(context);
                        break;
                    case FaultDelivery.CutOffBody:
                        await AnswerWriter.WriteCutOffAsync(context, answer, _settings.ServerNow).ConfigureAwait(false);
                        break;
                    case FaultDelivery.UnreadableBody:
                        await AnswerWriter.WriteUnreadableAsync(context.Response, answer, _settings.ServerNow).ConfigureAwait(false);
                        break;
                    default:
                        await AnswerWriter.WriteAsync(context.Response, answer, _settings.ServerNow).ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception)
            {
                // The client went away, or the emulator is stopping. Either way the connection ends
                // as a failure: the listener's own Abort would send an empty "200 OK" instead.
                if (_stopping.IsCancellationRequested && record.Outcome == SandboxRequestOutcome.Answered) record.Outcome = SandboxRequestOutcome.AbortedByStop;
                ConnectionDropper.Drop(context);
            }
        }

        private void Observe(EmulatorRequest request, string rawUrl, FaultPlan? fault)
        {
            var observer = _observer;
            if (observer == null) return;
            try
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var name in request.Headers.AllKeys)
                    if (name != null) headers[name] = request.Headers[name] ?? "";
                var body = request.Body.Length > RecordedBody.MaxTextChars ? request.Body.Substring(0, RecordedBody.MaxTextChars) : request.Body;
                observer(new SandboxObservedRequest(request.Method, rawUrl, headers, body, fault?.Name, request.ReceivedAtUtc));
            }
            catch (Exception)
            {
                // A test hook must not break the emulator.
            }
        }
    }
}
