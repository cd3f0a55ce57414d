using System;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>
    /// What one cmdlet invocation calls the API with: the session's client, the invocation's log and
    /// its cancellation (Ctrl+C). Built once per invocation and handed to every Api method, so that
    /// no method threads the three by hand. Safe to use from several threads at once (fan-out).
    /// </summary>
    internal sealed class PortalCall
    {
        private readonly PortalClient _client;
        // The thread that blocks on this context's calls, or null: only there may a call be sent inline.
        private readonly int? _blockingThread;

        /// <param name="callerBlocks">
        /// The caller waits for each call's task as soon as it has it, on its own thread, with nothing
        /// to do meanwhile: the client may then send on that thread (see <see cref="BlockingSend"/>).
        /// </param>
        public PortalCall(PortalClient client, IPortalLog? log, CancellationToken cancellation, bool callerBlocks = false)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            Log = log ?? NullPortalLog.Instance;
            Cancellation = cancellation;
            _blockingThread = callerBlocks ? Environment.CurrentManagedThreadId : (int?)null;
        }

        public IPortalLog Log { get; }

        public CancellationToken Cancellation { get; }

        public Uri BaseUri => _client.BaseUri;

        /// <summary>The session's -MaxRetries: also how often a settled write may be sent again.</summary>
        public int MaxRetries => _client.MaxRetries;

        /// <summary>
        /// The same call with another token, for calls that run alongside each other (a fan-out
        /// cancels what is under way on its own): never sent on the caller's thread.
        /// </summary>
        public PortalCall WithCancellation(CancellationToken cancellation) => new PortalCall(_client, Log, cancellation);

        /// <summary>The final response whatever its status, for callers that read the status themselves.</summary>
        public Task<PortalResponse> SendAsync(PortalRequest request) => _client.SendAsync(request, Log, Cancellation, _blockingThread);

        /// <summary>A successful response; its body, if any, is the caller's to read.</summary>
        public Task<PortalResponse> SendForSuccessAsync(PortalRequest request) => _client.SendForSuccessAsync(request, Log, Cancellation, _blockingThread);

        /// <summary>A successful response's body as <typeparamref name="T"/>; an empty body is a failure.</summary>
        public Task<T> SendAsync<T>(PortalRequest request) => _client.SendAsync<T>(request, Log, Cancellation, _blockingThread);

        /// <summary>A successful response's body as <typeparamref name="T"/>, or null when the API answered without one (204).</summary>
        public Task<T?> SendForOptionalAsync<T>(PortalRequest request) where T : class =>
            _client.SendForOptionalAsync<T>(request, Log, Cancellation, _blockingThread);

        /// <summary>The failure for a successful answer that lacks what the route documents.</summary>
        public PortalApiException InvalidResponse(PortalRequest request, int statusCode, string problem) =>
            new PortalApiException(PortalErrorKind.InvalidResponse, statusCode, problem, request.Method.Method, request.DescribeUri(BaseUri));
    }
}
