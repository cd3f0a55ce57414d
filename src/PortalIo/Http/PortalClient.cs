using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Signing;

namespace PortalIo.Http
{
    /// <summary>
    /// The one HTTP path of the module. Every call is signed here, per attempt (a retry gets a fresh
    /// date and signature), retried here when that is safe, bounded by a per-attempt timeout and a
    /// per-call deadline, cancelled by the caller's token, and turned into a
    /// <see cref="PortalApiException"/> here when it fails, with every known secret scrubbed from
    /// what the server sent back. Safe to use from many threads at once.
    /// </summary>
    internal sealed class PortalClient : IDisposable
    {
        private const string AppIdHeader = "X-MSS-API-APPID";
        private const string UserKeyHeader = "X-MSS-API-USERKEY";
        private const string DateHeader = "X-MSS-CUSTOM-DATE";
        private const string SignatureHeader = "X-MSS-SIGNATURE";

        /// <summary>A Retry-After at least this long is announced as a warning, not only in -Verbose.</summary>
        private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(10);

        private readonly HttpClient _http;
        // Calls sent on their caller's thread: _http, or a client of blocking connections (null: none are sent so).
        private readonly HttpClient? _inlineHttp;
        private readonly RequestSigner _signer;
        private readonly string _applicationKey;
        private readonly string _userKey;
        private readonly ClientSettings _settings;
        private readonly RetryPolicy _retryPolicy;
        private readonly AdaptiveRateLimiter _rateLimiter;
        private readonly SecretScrubber _scrubber;
        private readonly long _maxResponseBytes;
        private readonly Random _jitter = new Random();
        private volatile bool _getSucceeded;
        // Cleared if the inline client refuses a synchronous send (HTTP/2): asynchronous from then on.
        private volatile bool _sendsInline;

        /// <param name="handler">An HttpMessageHandler (tests), or null for the default one.</param>
        /// <exception cref="ArgumentException">A key that cannot be sent as a header value (the message never holds the key).</exception>
        public PortalClient(Uri baseUri, string applicationKey, RequestSigner signer, string userKey,
            ClientSettings? settings = null, HttpMessageHandler? handler = null)
        {
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
            _applicationKey = applicationKey ?? throw new ArgumentNullException(nameof(applicationKey));
            _signer = signer ?? throw new ArgumentNullException(nameof(signer));
            _userKey = userKey ?? string.Empty;
            // The last guard: Connect-Portal and the exchange check first, naming where a bad key came from.
            var problem = HeaderValueRule.Problem(_applicationKey);
            if (problem != null) throw new ArgumentException("The application key " + problem + ".", nameof(applicationKey));
            problem = _userKey.Length == 0 ? null : HeaderValueRule.Problem(_userKey);
            if (problem != null) throw new ArgumentException("The user key " + problem + ".", nameof(userKey));
            _settings = (settings ?? new ClientSettings()).Clone();
            _retryPolicy = new RetryPolicy(_settings.MaxRetries) { BaseDelay = _settings.RetryBaseDelay };
            _rateLimiter = new AdaptiveRateLimiter(_settings.Delay);
            _maxResponseBytes = ResponseSizeLimit.Clamp(_settings.MaxResponseBytes);
            _scrubber = new SecretScrubber(new[] { signer.KeyTextForScrubbing(), _userKey });
            _http = NewHttpClient(handler ?? DefaultHandler.Create(), disposeHandler: handler is null);
            // Only the module's own handlers are known to send synchronously; a handler given in (tests) may not.
            // A blocking socket would be made non-blocking for good by one asynchronous call (fan-out,
            // -Verbose), so the calls sent inline keep to a handler of their own (see DefaultHandler).
            if (handler is null && BlockingSend.IsAvailable)
            {
                var blocking = DefaultHandler.CreateBlocking(baseUri, _settings.Timeout);
                _inlineHttp = blocking is null ? _http : NewHttpClient(blocking, disposeHandler: true);
                _sendsInline = true;
            }
        }

        // Each attempt has its own timeout (see SendOnceAsync); the client-wide one would count
        // retries and backoff against the same budget.
        private static HttpClient NewHttpClient(HttpMessageHandler handler, bool disposeHandler) =>
            new HttpClient(handler, disposeHandler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

        public Uri BaseUri { get; }

        /// <summary>This client's pacing, learned from the server's 429s (one per session).</summary>
        internal AdaptiveRateLimiter RateLimiter => _rateLimiter;

        /// <summary>Retries after the first attempt of an idempotent call; also how often a settled write may be resent.</summary>
        public int MaxRetries => _settings.MaxRetries;

        /// <summary>The response size limit in effect (the one asked for, clamped to what the process can hold).</summary>
        public long MaxResponseBytes => _maxResponseBytes;

        /// <summary>What a successful answer's body must be read as.</summary>
        private enum BodyUse
        {
            /// <summary>Not read here: the caller reads the status and body itself.</summary>
            None,
            /// <summary>JSON of the expected type; an empty body is a failure.</summary>
            Required,
            /// <summary>JSON of the expected type, or no body at all (204).</summary>
            Optional,
        }

        private sealed class Answer<T>
        {
            public Answer(PortalResponse response, T? value)
            {
                Response = response;
                Value = value;
            }

            public PortalResponse Response { get; }
            public T? Value { get; }
        }

        /// <summary>Sends, retrying where safe, and returns the final response whatever its status.</summary>
        /// <param name="blockingThread">
        /// The thread that blocks on the returned task at once, or null: on that thread (and no other,
        /// such as a pool thread a pacing wait continued on) the request is sent synchronously (see
        /// <see cref="BlockingSend"/>), so the task may be complete when returned.
        /// </param>
        internal async Task<PortalResponse> SendAsync(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken, int? blockingThread = null) =>
            (await SendCoreAsync<object>(request, log, BodyUse.None, cancellationToken, blockingThread).ConfigureAwait(false)).Response;

        /// <summary>Sends and returns a successful response; any failure throws.</summary>
        internal async Task<PortalResponse> SendForSuccessAsync(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken, int? blockingThread = null)
        {
            var response = await SendAsync(request, log, cancellationToken, blockingThread).ConfigureAwait(false);
            EnsureSuccess(request, response);
            return response;
        }

        /// <summary>Sends and reads a successful JSON body as <typeparamref name="T"/>; any failure, an empty body too, throws.</summary>
        internal async Task<T> SendAsync<T>(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken, int? blockingThread = null)
        {
            var answer = await SendCoreAsync<T>(request, log, BodyUse.Required, cancellationToken, blockingThread).ConfigureAwait(false);
            EnsureSuccess(request, answer.Response);
            return answer.Value!;
        }

        /// <summary>As <see cref="SendAsync{T}"/>, for routes that may answer without a body (204): null then.</summary>
        internal async Task<T?> SendForOptionalAsync<T>(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken, int? blockingThread = null) where T : class
        {
            var answer = await SendCoreAsync<T>(request, log, BodyUse.Optional, cancellationToken, blockingThread).ConfigureAwait(false);
            EnsureSuccess(request, answer.Response);
            return answer.Value;
        }

        /// <summary>
        /// The attempt loop: send, read the answer, and retry while the outcome allows it, the
        /// retries last and the deadline has time left. A success answer whose body cannot be
        /// read counts as a failure of the attempt, so an idempotent request is sent again for it.
        /// </summary>
        private async Task<Answer<T>> SendCoreAsync<T>(PortalRequest request, IPortalLog? callerLog, BodyUse use, CancellationToken cancellationToken, int? blockingThread)
        {
            var scrubber = request.HasSecrets ? _scrubber.With(request.SecretValues()) : _scrubber;
            var log = callerLog is null || callerLog is NullPortalLog ? NullPortalLog.Instance : ScrubbingLog.Over(callerLog, scrubber);
            var uri = request.BuildUri(BaseUri);
            var method = request.Method.Method;
            var deadline = CallDeadline.Start(_settings);
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The rate limiter spaces attempts, not retries: the backoff below waits outside it.
                if (!_rateLimiter.TryStartNow(out var startedAt))
                    startedAt = await _rateLimiter.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
                var stopwatch = Stopwatch.StartNew();
                var inline = blockingThread == Environment.CurrentManagedThreadId;
                var outcome = await SendOnceAsync(request, uri, scrubber, log, deadline, inline, cancellationToken).ConfigureAwait(false);
                var elapsed = stopwatch.ElapsedMilliseconds;

                var response = outcome.Response;
                var failure = outcome.Failure;
                if (response != null)
                {
                    var learned = _rateLimiter.OnAnswer(startedAt, response.StatusCode, response.RetryAfter);
                    if (learned != null && log.IsDebugEnabled) log.Debug(learned);
                }
                var value = default(T);
                if (failure is null && response!.IsSuccess && use != BodyUse.None)
                {
                    try
                    {
                        value = Read<T>(request, response, scrubber, use == BodyUse.Optional);
                    }
                    catch (PortalApiException unreadable)
                    {
                        failure = unreadable;
                    }
                }

                bool retryable, mayHaveBeenProcessed;
                if (failure != null)
                {
                    // A body over the size limit, or of the wrong shape, would be the same the next time.
                    retryable = failure.Kind == PortalErrorKind.InvalidResponse ? failure.BodyUnreadable : true;
                    mayHaveBeenProcessed = failure.MayHaveReachedServer;
                }
                else
                {
                    retryable = RetryPolicy.IsRetryableStatus(response!.StatusCode);
                    mayHaveBeenProcessed = !RetryPolicy.IsNotProcessedStatus(response.StatusCode);
                }

                if (log.IsVerboseEnabled)
                {
                    log.Verbose(method + " " + Describe(request, scrubber) + " -> " +
                        (failure is null ? response!.StatusCode + " " + response.ReasonPhrase
                            : response != null ? response.StatusCode + " with an unreadable body"
                            : "no response (" + failure.ApiMessage + ")") +
                        " (" + elapsed + " ms" + (attempt > 1 ? ", attempt " + attempt : string.Empty) + ")");
                }

                var closed = ClosedEndpoints.Explain(BaseUri, failure);
                if (closed != null) throw closed;

                if (retryable && attempt <= _retryPolicy.MaxRetries && _retryPolicy.AllowsRetry(request.IsIdempotent, mayHaveBeenProcessed))
                {
                    var retryAfter = failure is null ? response!.RetryAfter : null;
                    var wait = _retryPolicy.DelayBeforeRetry(attempt, retryAfter, _jitter);
                    if (retryAfter.HasValue && (!wait.HasValue || !deadline.Allows(wait.Value, _settings.Timeout)))
                        throw RetryAfterRefused(request, response!, retryAfter.Value, wait.HasValue ? deadline : null, scrubber);
                    if (wait.HasValue && deadline.Allows(wait.Value, _settings.Timeout))
                    {
                        var because = failure != null ? failure.ApiMessage : response!.StatusCode + " " + PortalApiException.StatusName(response.StatusCode);
                        var described = Describe(request, scrubber);
                        var line = "Retrying " + method + " " + described + " in " + CallDeadline.Describe(wait.Value) +
                            (retryAfter.HasValue ? " (the server's Retry-After)" : string.Empty) + ", retry " + attempt + " of " + _retryPolicy.MaxRetries +
                            ", after " + because + "; the call has " + CallDeadline.Describe(deadline.Remaining) + " of its " + CallDeadline.Describe(deadline.Budget) + " left.";
                        if (retryAfter.HasValue && wait.Value >= LongWait) log.Warning("Portal.io asked to wait " + CallDeadline.Describe(wait.Value) + " before " + method + " " + described + " is sent again; waiting.");
                        if (log.IsVerboseEnabled) log.Verbose(line);
                        await _settings.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    // The backoff would outlast the deadline: the last failure is the answer.
                }

                if (failure != null)
                {
                    failure.RequestIdempotent = request.IsIdempotent;
                    throw failure;
                }
                if (response!.IsSuccess && request.Method == HttpMethod.Get) _getSucceeded = true;
                response.Attempts = attempt;
                return new Answer<T>(response, value);
            }
        }

        /// <summary>The request's URL for messages: redacted values as ***, and every known secret scrubbed. Built only when needed.</summary>
        private string Describe(PortalRequest request, SecretScrubber scrubber) => scrubber.Scrub(request.DescribeUri(BaseUri));

        /// <summary>Throws the <see cref="PortalApiException"/> for a non-success response.</summary>
        private void EnsureSuccess(PortalRequest request, PortalResponse response)
        {
            if (response.IsSuccess) return;
            var parsed = response.Error ?? ParsedError.EmptyBody(response.StatusCode);
            throw new PortalApiException(PortalErrorKind.HttpStatus, response.StatusCode, StatusMessage(request, response, parsed),
                request.Method.Method, Describe(request, _scrubber.With(request.SecretValues())), parsed.ErrorCode, parsed.FieldErrors)
            {
                ServerDate = response.Date,
                SignedAt = response.SignedAt,
                EarlierGetSucceeded = _getSucceeded,
                RequestIdempotent = request.IsIdempotent,
            };
        }

        /// <summary>
        /// The API's message, or, where a status says more than an empty or generic body: what a
        /// redirect is (never followed, and where it pointed) and what a too-long URL is.
        /// </summary>
        private string StatusMessage(PortalRequest request, PortalResponse response, ParsedError parsed)
        {
            var status = response.StatusCode;
            var body = parsed.IsEmpty ? string.Empty : " (" + parsed.Message + ")";
            if (status >= 300 && status < 400)
            {
                return "a redirect" + (response.RedirectHost != null ? " to " + response.RedirectHost : " without a Location") +
                    ", which is not followed: the signed headers would travel with it" + body;
            }
            if (status == 414)
            {
                return "the request's URL (" + request.BuildUri(BaseUri).AbsoluteUri.Length + " characters) is longer than the server accepts" + body;
            }
            return parsed.Message;
        }

        /// <param name="deadline">The call's deadline when the wait outlasts it; null when it is longer than any wait the client makes (RetryPolicy.MaxRetryAfter).</param>
        private PortalApiException RetryAfterRefused(PortalRequest request, PortalResponse response, TimeSpan retryAfter,
            CallDeadline? deadline, SecretScrubber scrubber)
        {
            var parsed = response.Error ?? ParsedError.EmptyBody(response.StatusCode);
            var message = parsed.Message + ". Portal.io asked to wait " + CallDeadline.Describe(retryAfter) + " (Retry-After) before the next attempt, " +
                (deadline != null
                    ? "longer than this call may still take (" + CallDeadline.Describe(deadline.Remaining) + " of " + CallDeadline.Describe(deadline.Budget) + ")"
                    : "longer than the " + CallDeadline.Describe(_retryPolicy.MaxRetryAfter) + " the module ever waits between attempts") +
                ", so it was not retried";
            return new PortalApiException(PortalErrorKind.HttpStatus, response.StatusCode, scrubber.Scrub(message), request.Method.Method, Describe(request, scrubber),
                parsed.ErrorCode, parsed.FieldErrors)
            {
                ServerDate = response.Date,
                SignedAt = response.SignedAt,
                RefusedRetryAfter = retryAfter,
                RequestIdempotent = request.IsIdempotent,
            };
        }

        private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        /// <summary>
        /// Reads the body as <typeparamref name="T"/> straight from its segments (no copy), and
        /// checks what the serializer accepts but the module cannot use (<see cref="ResponseShape"/>).
        /// </summary>
        private T? Read<T>(PortalRequest request, PortalResponse response, SecretScrubber scrubber, bool optional)
        {
            if (response.Body.Length == 0)
            {
                if (optional) return default;
                throw Unreadable(request, response, Describe(request, scrubber), "the body is empty where " + ResponseShape.Describe(typeof(T)) + " was expected", unreadable: false);
            }
            try
            {
                T? value;
                var unknownBefore = Models.PortalObject.ReadWithUnknownFieldsOnThisThread;
                var whole = response.Body.SingleSegment;
                if (whole != null)
                {
                    // From a span the serializer reads the body once, and refuses anything after its value itself;
                    // from a reader it would first read the value through to find its end, then again.
                    value = JsonSerializer.Deserialize<T>(whole, PortalJson.Options);
                }
                else
                {
                    var reader = new Utf8JsonReader(response.Body.AsSequence(), ReaderOptions);
                    value = JsonSerializer.Deserialize<T>(ref reader, PortalJson.Options);
                    if (reader.Read()) throw new JsonException("The body has more after its JSON value.");
                }
                if (value is null) throw new JsonException("The body is null where " + ResponseShape.Describe(typeof(T)) + " was expected.");
                if (value is Models.PortalObject root && Models.PortalObject.ReadWithUnknownFieldsOnThisThread == unknownBefore) root.NoUnknownFieldsInTree = true;
                ResponseShape.Check(value);
                return value;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // InvalidOperationException: a string that is not valid UTF-8 cannot be read as text.
                throw Unreadable(request, response, Describe(request, scrubber), scrubber.Scrub(ex.Message), !ResponseShape.IsWellFormedJson(response.Body), ex);
            }
            catch (OutOfMemoryException ex)
            {
                throw Unreadable(request, response, Describe(request, scrubber), "the body (" + response.Body.Length + " bytes) does not fit in this process's memory as objects", unreadable: false, ex);
            }
        }

        private static PortalApiException Unreadable(PortalRequest request, PortalResponse response, string described, string problem, bool unreadable, Exception? inner = null) =>
            new PortalApiException(PortalErrorKind.InvalidResponse, response.StatusCode, problem, request.Method.Method, described, inner: inner)
            {
                BodyUnreadable = unreadable,
                ServerDate = response.Date,
                SignedAt = response.SignedAt,
            };

        private sealed class AttemptOutcome
        {
            public PortalResponse? Response;
            public PortalApiException? Failure;
        }

        private async Task<AttemptOutcome> SendOnceAsync(PortalRequest request, Uri uri, SecretScrubber scrubber,
            IPortalLog log, CallDeadline deadline, bool inline, CancellationToken cancellationToken)
        {
            var method = request.Method.Method;
            using var message = new HttpRequestMessage(request.Method, uri);
            var contentType = request.Body?.ContentType;
            var signedAt = _settings.Clock();
            var date = PortalDate.Format(signedAt);
            var userKey = request.IsCredentialExchange ? string.Empty : _userKey;
            var canonical = CanonicalMessage.Build(method, uri, contentType, date, userKey);
            if (log.IsDebugEnabled)
                log.Debug("Canonical message: " + CanonicalMessage.BuildMasked(method, uri, contentType, date, userKey));
            var signature = _signer.Sign(canonical);

            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            message.Headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
            // Validated when the client was made (HeaderValueRule): no value here can end its header line.
            message.Headers.TryAddWithoutValidation(AppIdHeader, _applicationKey);
            message.Headers.TryAddWithoutValidation(UserKeyHeader, userKey);
            message.Headers.TryAddWithoutValidation(DateHeader, date);
            message.Headers.TryAddWithoutValidation(SignatureHeader, signature);
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body.Content);
                // Set without validation so the header is exactly the string that was signed.
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.Body.ContentType);
            }

            var attemptTimeout = deadline.AttemptTimeout(_settings.Timeout);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(attemptTimeout);
            try
            {
                using var response = await SendMessageAsync(message, inline, timeout.Token, out var overBlockingSockets).ConfigureAwait(false);
                var declared = response.Content.Headers.ContentLength;
                ResponseBody? body = null;
                if (!declared.HasValue || declared.Value <= _maxResponseBytes)
                {
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    body = overBlockingSockets
                        ? ReadBlocking(response, stream, declared, timeout.Token)
                        : await ResponseBody.ReadAsync(stream, declared, _maxResponseBytes, timeout.Token).ConfigureAwait(false);
                }
                if (body is null)
                {
                    return new AttemptOutcome
                    {
                        Failure = new PortalApiException(PortalErrorKind.InvalidResponse, (int)response.StatusCode,
                            "the response is larger than the limit of " + _maxResponseBytes + " bytes (Connect-Portal -MaxResponseSizeMB)",
                            method, Describe(request, scrubber)),
                    };
                }
                // Not every handler notices a connection that closed early: a short body is a network failure, not bad JSON.
                if (declared.HasValue && body.Length != declared.Value)
                    throw new IOException("the connection closed after " + body.Length + " of " + declared.Value + " bytes");
                var answered = ToResponse(response, body, scrubber, signature);
                answered.SignedAt = signedAt;
                return new AttemptOutcome { Response = answered };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                var limit = attemptTimeout < _settings.Timeout
                    ? CallDeadline.Describe(attemptTimeout) + " (what was left of the " + CallDeadline.Describe(deadline.Budget) + " this call may take, retries included)"
                    : CallDeadline.Describe(attemptTimeout) + " (the per-request timeout)";
                return new AttemptOutcome
                {
                    Failure = new PortalApiException(PortalErrorKind.Timeout, 0, "no complete response within " + limit, method, Describe(request, scrubber), inner: ex),
                };
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
            {
                return new AttemptOutcome
                {
                    Failure = new PortalApiException(PortalErrorKind.Network, 0, scrubber.Scrub(Innermost(ex).Message),
                        method, Describe(request, scrubber), inner: ex, mayHaveReachedServer: !IsConnectFailure(ex)),
                };
            }
            catch (OutOfMemoryException ex)
            {
                return new AttemptOutcome
                {
                    Failure = new PortalApiException(PortalErrorKind.InvalidResponse, 0,
                        "the response does not fit in this process's memory; lower Connect-Portal -MaxResponseSizeMB", method, Describe(request, scrubber), inner: ex),
                };
            }
        }

        /// <summary>
        /// Sends one message, on the calling thread when <paramref name="inline"/> and this client can
        /// (<see cref="BlockingSend"/>); the body is read afterwards either way, with the attempt's
        /// timeout. <paramref name="overBlockingSockets"/>: sent over the blocking connections of
        /// <see cref="DefaultHandler"/>, whose body is read with blocking reads too.
        /// </summary>
        private Task<HttpResponseMessage> SendMessageAsync(HttpRequestMessage message, bool inline, CancellationToken cancellationToken, out bool overBlockingSockets)
        {
            overBlockingSockets = false;
            if (inline && _sendsInline && _inlineHttp != null)
            {
                try
                {
                    var response = BlockingSend.Send(_inlineHttp, message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    // Read blocking only from the blocking connections: HttpClientHandler would drain a
                    // stalled body for up to 2 s before the closing that ends a blocking read.
                    overBlockingSockets = _inlineHttp != _http;
                    return Task.FromResult(response);
                }
                catch (NotSupportedException)
                {
                    // Refused before anything was sent (e.g. an HTTP/2 connection): this client sends asynchronously from now on.
                    _sendsInline = false;
                }
            }
            return _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        /// <summary>
        /// Reads the body of a response sent inline on this thread, as it was sent: a blocking read
        /// keeps the connection's socket blocking (see <see cref="DefaultHandler"/>), where an
        /// asynchronous one would make it non-blocking for good. A blocking read cannot watch a token,
        /// so the attempt's timeout and Ctrl+C end it by closing the response (and its connection).
        /// </summary>
        private ResponseBody? ReadBlocking(HttpResponseMessage response, Stream stream, long? declared, CancellationToken cancellationToken)
        {
            try
            {
                using (cancellationToken.Register(r => ((HttpResponseMessage)r!).Dispose(), response))
                    return ResponseBody.Read(stream, declared, _maxResponseBytes);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
            {
                throw new OperationCanceledException("The response was closed when its time ran out or the call was stopped.", ex, cancellationToken);
            }
        }

        /// <summary>
        /// The response as the module keeps it. A failure status's body is cut to its first MB
        /// (no error message needs more), scrubbed of every known secret and parsed once, so that
        /// nothing the server echoes reaches a message.
        /// </summary>
        private PortalResponse ToResponse(HttpResponseMessage response, ResponseBody body, SecretScrubber requestScrubber, string signature)
        {
            TimeSpan? retryAfter = null;
            var retry = response.Headers.RetryAfter;
            if (retry?.Delta != null) retryAfter = retry.Delta;
            else if (retry?.Date != null) retryAfter = retry.Date.Value - DateTimeOffset.UtcNow;
            var status = (int)response.StatusCode;
            if (status >= 200 && status < 300)
                return new PortalResponse(status, response.ReasonPhrase ?? string.Empty, body, response.Headers.Date, retryAfter);

            // Only a failure's body is read as text, so only then is this attempt's signature added to what is scrubbed.
            var scrubber = requestScrubber.With(new[] { signature });
            var text = scrubber.Scrub(body.ReadText(ResponseBody.MaxErrorTextBytes));
            var answered = new PortalResponse(status, scrubber.Scrub(response.ReasonPhrase ?? string.Empty), ResponseBody.FromText(text), response.Headers.Date, retryAfter)
            {
                Error = ErrorBodyParser.Parse(text, status).ScrubbedWith(scrubber),
            };
            if (status >= 300 && status < 400)
            {
                var location = response.Headers.Location;
                if (location != null)
                    answered.RedirectHost = scrubber.Scrub(location.IsAbsoluteUri ? location.Authority : BaseUri.Authority + " (a path of the same host)");
            }
            return answered;
        }

        /// <summary>True when the failure happened before any byte of the request could reach the server.</summary>
        internal static bool IsConnectFailure(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }
            return false;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        public void Dispose()
        {
            _http.Dispose();
            if (_inlineHttp != null && _inlineHttp != _http) _inlineHttp.Dispose();
        }

        public override string ToString() => "PortalClient " + BaseUri;
    }
}
