using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
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
    /// date and signature), retried here when that is safe, bounded by a per-attempt timeout,
    /// cancelled by the caller's token, and turned into a <see cref="PortalApiException"/> here
    /// when it fails. Safe to use from many threads at once.
    /// </summary>
    internal sealed class PortalClient : IDisposable
    {
        private const string AppIdHeader = "X-MSS-API-APPID";
        private const string UserKeyHeader = "X-MSS-API-USERKEY";
        private const string DateHeader = "X-MSS-CUSTOM-DATE";
        private const string SignatureHeader = "X-MSS-SIGNATURE";

        private readonly HttpClient _http;
        private readonly RequestSigner _signer;
        private readonly string _applicationKey;
        private readonly string _userKey;
        private readonly ClientSettings _settings;
        private readonly RetryPolicy _retryPolicy;
        private readonly AdaptiveRateLimiter _rateLimiter;
        private readonly Random _jitter = new Random();
        private volatile bool _getSucceeded;

        /// <param name="handler">An HttpMessageHandler (tests), or null for the default one.</param>
        public PortalClient(Uri baseUri, string applicationKey, RequestSigner signer, string userKey,
            ClientSettings? settings = null, HttpMessageHandler? handler = null)
        {
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
            _applicationKey = applicationKey ?? throw new ArgumentNullException(nameof(applicationKey));
            _signer = signer ?? throw new ArgumentNullException(nameof(signer));
            _userKey = userKey ?? string.Empty;
            _settings = (settings ?? new ClientSettings()).Clone();
            _retryPolicy = new RetryPolicy(_settings.MaxRetries) { BaseDelay = _settings.RetryBaseDelay };
            _rateLimiter = new AdaptiveRateLimiter(_settings.Delay);
            _http = new HttpClient(handler ?? CreateDefaultHandler(), disposeHandler: handler is null)
            {
                // Each attempt has its own timeout (see SendOnceAsync); the client-wide one would
                // count retries and backoff against the same budget.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
        }

        public Uri BaseUri { get; }

        /// <summary>This client's pacing, learned from the server's 429s (one per session).</summary>
        internal AdaptiveRateLimiter RateLimiter => _rateLimiter;

        private static HttpMessageHandler CreateDefaultHandler() => new HttpClientHandler
        {
            // Never follow a redirect: the signed headers would travel to wherever it points.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseProxy = true,
        };

        /// <summary>Sends, retrying where safe, and returns the final response whatever its status.</summary>
        internal async Task<PortalResponse> SendAsync(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken)
        {
            log ??= NullPortalLog.Instance;
            var uri = request.BuildUri(BaseUri);
            var method = request.Method.Method;
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The rate limiter spaces attempts, not retries: the backoff below waits outside it.
                if (!_rateLimiter.TryStartNow(out var startedAt))
                    startedAt = await _rateLimiter.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
                var stopwatch = Stopwatch.StartNew();
                var outcome = await SendOnceAsync(request, uri, log, cancellationToken).ConfigureAwait(false);
                var elapsed = stopwatch.ElapsedMilliseconds;

                var response = outcome.Response;
                var failure = outcome.Failure;
                if (response != null)
                {
                    var learned = _rateLimiter.OnAnswer(startedAt, response.StatusCode, response.RetryAfter);
                    if (learned != null && log.IsDebugEnabled) log.Debug(learned);
                }
                // A body over the size limit would be as large the next time: not worth resending.
                var retryable = failure != null
                    ? failure.Kind != PortalErrorKind.InvalidResponse
                    : RetryPolicy.IsRetryableStatus(response!.StatusCode);
                var mayHaveReached = failure?.MayHaveReachedServer ?? true;

                if (log.IsVerboseEnabled)
                {
                    log.Verbose(method + " " + request.DescribeUri(BaseUri) + " -> " +
                        (failure != null ? "no response (" + failure.ApiMessage + ")" : response!.StatusCode + " " + response.ReasonPhrase) +
                        " (" + elapsed + " ms" + (attempt > 1 ? ", attempt " + attempt : string.Empty) + ")");
                }

                var closed = ClosedEndpoints.Explain(BaseUri, failure);
                if (closed != null) throw closed;

                if (retryable && attempt <= _retryPolicy.MaxRetries &&
                    _retryPolicy.AllowsRetry(request.IsIdempotent, mayHaveReached))
                {
                    var wait = _retryPolicy.DelayBeforeRetry(attempt, response?.RetryAfter, _jitter);
                    if (wait.HasValue)
                    {
                        if (log.IsDebugEnabled)
                        {
                            log.Debug("Retrying " + method + " " + request.DescribeUri(BaseUri) + " in " + (int)wait.Value.TotalMilliseconds +
                                " ms (retry " + attempt + " of " + _retryPolicy.MaxRetries + ").");
                        }
                        await _settings.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                if (failure != null) throw failure;
                if (response!.IsSuccess && request.IsIdempotent) _getSucceeded = true;
                response.Attempts = attempt;
                return response;
            }
        }

        /// <summary>Sends and returns a successful response; any failure throws.</summary>
        internal async Task<PortalResponse> SendForSuccessAsync(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken)
        {
            var response = await SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            EnsureSuccess(request, response);
            return response;
        }

        /// <summary>Sends and reads a successful JSON body as <typeparamref name="T"/>; any failure, an empty body too, throws.</summary>
        internal async Task<T> SendAsync<T>(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken)
        {
            var response = await SendForSuccessAsync(request, log, cancellationToken).ConfigureAwait(false);
            return Deserialize<T>(request, response);
        }

        /// <summary>As <see cref="SendAsync{T}"/>, for routes that may answer without a body (204): null then.</summary>
        internal async Task<T?> SendForOptionalAsync<T>(PortalRequest request, IPortalLog? log, CancellationToken cancellationToken) where T : class
        {
            var response = await SendForSuccessAsync(request, log, cancellationToken).ConfigureAwait(false);
            return response.Body.Length == 0 ? null : Deserialize<T>(request, response);
        }

        /// <summary>Throws the <see cref="PortalApiException"/> for a non-success response.</summary>
        private void EnsureSuccess(PortalRequest request, PortalResponse response)
        {
            if (response.IsSuccess) return;
            var parsed = ErrorBodyParser.Parse(response.Body, response.StatusCode);
            throw new PortalApiException(PortalErrorKind.HttpStatus, response.StatusCode, parsed.Message,
                request.Method.Method, request.DescribeUri(BaseUri), parsed.ErrorCode, parsed.FieldErrors)
            {
                ServerDate = response.Date,
                SignedAt = response.SignedAt,
                EarlierGetSucceeded = _getSucceeded,
            };
        }

        private T Deserialize<T>(PortalRequest request, PortalResponse response)
        {
            try
            {
                var value = response.Body.Length == 0 ? default : JsonSerializer.Deserialize<T>(response.Body, PortalJson.Options);
                if (value is null)
                    throw new JsonException("The body is empty or null where a " + typeof(T).Name + " was expected.");
                ResponseShape.Check(value);
                return value;
            }
            catch (JsonException ex)
            {
                throw new PortalApiException(PortalErrorKind.InvalidResponse, response.StatusCode, ex.Message,
                    request.Method.Method, request.DescribeUri(BaseUri), inner: ex);
            }
        }

        private sealed class AttemptOutcome
        {
            public PortalResponse? Response;
            public PortalApiException? Failure;
        }

        private async Task<AttemptOutcome> SendOnceAsync(PortalRequest request, Uri uri, IPortalLog log,
            CancellationToken cancellationToken)
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

            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            message.Headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
            message.Headers.TryAddWithoutValidation(AppIdHeader, _applicationKey);
            message.Headers.TryAddWithoutValidation(UserKeyHeader, userKey);
            message.Headers.TryAddWithoutValidation(DateHeader, date);
            message.Headers.TryAddWithoutValidation(SignatureHeader, _signer.Sign(canonical));
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body.Content);
                // Set without validation so the header is exactly the string that was signed.
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.Body.ContentType);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_settings.Timeout);
            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var body = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
                if (body is null)
                {
                    return new AttemptOutcome
                    {
                        Failure = new PortalApiException(PortalErrorKind.InvalidResponse, (int)response.StatusCode,
                            "the response is larger than the limit of " + _settings.MaxResponseBytes + " bytes",
                            method, request.DescribeUri(BaseUri)),
                    };
                }
                var answered = ToResponse(response, body);
                answered.SignedAt = signedAt;
                return new AttemptOutcome { Response = answered };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                return new AttemptOutcome
                {
                    Failure = new PortalApiException(PortalErrorKind.Timeout, 0,
                        "no complete response within " + _settings.Timeout.TotalSeconds + " s (the per-request timeout)",
                        method, request.DescribeUri(BaseUri), inner: ex),
                };
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
            {
                return new AttemptOutcome
                {
                    Failure = new PortalApiException(PortalErrorKind.Network, 0, Innermost(ex).Message,
                        method, request.DescribeUri(BaseUri), inner: ex, mayHaveReachedServer: !IsConnectFailure(ex)),
                };
            }
        }

        /// <summary>The whole body, or null when it is larger than the limit (refused before reading when its length is declared).</summary>
        private async Task<byte[]?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var declared = response.Content.Headers.ContentLength;
            if (declared.HasValue && declared.Value > _settings.MaxResponseBytes) return null;
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            if (declared.HasValue) return await ReadDeclaredAsync(stream, declared.Value, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            while (true)
            {
                var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                if (buffer.Length + read > _settings.MaxResponseBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }

        /// <summary>
        /// A body of declared length, read straight into one array of that size (no chunk, no copy:
        /// most answers declare theirs). Not every handler notices a connection that closed early: a
        /// body shorter or longer than declared is a network failure, not bad JSON.
        /// </summary>
        private static async Task<byte[]> ReadDeclaredAsync(Stream stream, long declared, CancellationToken cancellationToken)
        {
            var body = new byte[declared];
            var filled = 0;
            while (filled < body.Length)
            {
                var read = await stream.ReadAsync(body, filled, body.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0) throw new IOException("the connection closed after " + filled + " of " + declared + " bytes");
                filled += read;
            }
            if (await stream.ReadAsync(new byte[1], 0, 1, cancellationToken).ConfigureAwait(false) != 0)
                throw new IOException("the response is longer than its declared " + declared + " bytes");
            return body;
        }

        private static PortalResponse ToResponse(HttpResponseMessage response, byte[] body)
        {
            TimeSpan? retryAfter = null;
            var retry = response.Headers.RetryAfter;
            if (retry?.Delta != null) retryAfter = retry.Delta;
            else if (retry?.Date != null) retryAfter = retry.Date.Value - DateTimeOffset.UtcNow;
            return new PortalResponse((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, body, response.Headers.Date, retryAfter);
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

        public void Dispose() => _http.Dispose();

        public override string ToString() => "PortalClient " + BaseUri;
    }
}
