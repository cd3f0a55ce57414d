using System;
using System.IO;
using System.Linq.Expressions;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>
    /// The HTTP handlers a <see cref="PortalClient"/> makes for itself: redirects never followed (the
    /// signed headers would travel to wherever one points), gzip and deflate answers unpacked, the
    /// system proxy used.
    /// <para>
    /// Calls sent on the caller's thread (<see cref="BlockingSend"/>) to a plain-HTTP address (the
    /// local sandbox, a test double) get a handler of their own where the runtime has
    /// SocketsHttpHandler with a ConnectCallback (.NET 5 and later: PowerShell 7.1+): its sockets are
    /// connected in blocking mode, so such a call waits in the kernel, which wakes the caller's thread
    /// when the answer arrives. A socket that has seen one asynchronous operation stays non-blocking
    /// for good, and .NET emulates each blocking read on it by waiting for a thread-pool thread to
    /// report the socket readable: one more thread to wake per call. Hence a handler apart from the
    /// one asynchronous calls (fan-out, -Verbose) use. Over HTTPS the handler's TLS handshake is
    /// asynchronous, so the socket would be non-blocking from the start: HTTPS keeps the one
    /// HttpClientHandler. The module is built for netstandard2.0 (Windows PowerShell 5.1), which lacks
    /// these types, so they are found by reflection; where any piece is missing, inline calls share
    /// the HttpClientHandler too.
    /// </para>
    /// </summary>
    internal static class DefaultHandler
    {
        private const DecompressionMethods Unpacked = DecompressionMethods.GZip | DecompressionMethods.Deflate;

        /// <summary>How long a connection of the blocking handler may stay idle (see where it is set, for why so long).</summary>
        internal static readonly TimeSpan IdleConnectionTimeout = TimeSpan.FromDays(1);

        private static readonly Func<TimeSpan, HttpMessageHandler>? s_blockingSockets = FindBlockingSockets();

        /// <summary>The handler for calls sent asynchronously (and for every call where <see cref="CreateBlocking"/> gives none).</summary>
        public static HttpMessageHandler Create() =>
            new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = Unpacked, UseProxy = true };

        /// <summary>A SocketsHttpHandler that connects blocking sockets, for a plain-HTTP address; null for HTTPS or where the runtime lacks one.</summary>
        /// <param name="baseUri">The address calls go to.</param>
        /// <param name="connectTimeout">How long a connection may take to open (the per-request timeout).</param>
        public static HttpMessageHandler? CreateBlocking(Uri baseUri, TimeSpan connectTimeout) =>
            baseUri.Scheme == Uri.UriSchemeHttp ? s_blockingSockets?.Invoke(connectTimeout) : null;

        /// <summary>
        /// Opens a connection in blocking mode on a thread of its own: what the handler's
        /// ConnectCallback calls (public for the expression that adapts it). The handler calls it from
        /// a thread-pool thread; a blocking connect there would hold that thread as long as an
        /// unanswering host takes, and many at once would starve the pool (its timers too, so
        /// timeouts would fire late).
        /// </summary>
        public static Task<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
        {
            var connected = new TaskCompletionSource<Stream>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    connected.TrySetResult(Connect(endPoint, cancellationToken));
                }
                catch (OperationCanceledException)
                {
                    connected.TrySetCanceled(cancellationToken);
                }
                catch (Exception ex)
                {
                    connected.TrySetException(ex);
                }
            })
            {
                IsBackground = true,
                Name = "PortalIo connect",
            };
            thread.Start();
            return connected.Task;
        }

        /// <summary>
        /// Opens a connection in blocking mode on the calling thread. A cancelled connect closes the
        /// socket, which ends the wait (a host name is resolved first, which nothing can cut short).
        /// </summary>
        public static Stream Connect(DnsEndPoint endPoint, CancellationToken cancellationToken)
        {
            // The socket the handler itself would make: dual-mode where the OS has IPv6, Nagle off.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using (cancellationToken.Register(s => ((Socket)s!).Dispose(), socket))
                    socket.Connect(endPoint.Host, endPoint.Port);
                cancellationToken.ThrowIfCancellationRequested();
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
            {
                socket.Dispose();
                throw new OperationCanceledException(cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>A maker of SocketsHttpHandlers that connect through <see cref="ConnectAsync"/>; null where the runtime lacks a piece.</summary>
        private static Func<TimeSpan, HttpMessageHandler>? FindBlockingSockets()
        {
            try
            {
                var type = typeof(HttpClient).Assembly.GetType("System.Net.Http.SocketsHttpHandler", throwOnError: false);
                if (type is null || !typeof(HttpMessageHandler).IsAssignableFrom(type)) return null;
                if (type.GetProperty("IsSupported", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is false) return null;
                var callbackProperty = type.GetProperty("ConnectCallback");
                var invoke = callbackProperty?.PropertyType.GetMethod("Invoke");
                var parameters = invoke?.GetParameters();
                var connectTimeoutProperty = type.GetProperty("ConnectTimeout");
                var drainSizeProperty = type.GetProperty("MaxResponseDrainSize");
                var drainTimeoutProperty = type.GetProperty("ResponseDrainTimeout");
                var idleTimeoutProperty = type.GetProperty("PooledConnectionIdleTimeout");
                if (callbackProperty is null || invoke is null || parameters is null || parameters.Length != 2 || connectTimeoutProperty is null
                    || drainSizeProperty is null || drainTimeoutProperty is null || idleTimeoutProperty is null)
                    return null;

                // (context, token) => new ValueTask<Stream>(ConnectAsync(context.DnsEndPoint, token)), in the runtime's own types.
                var context = Expression.Parameter(parameters[0].ParameterType, "context");
                var token = Expression.Parameter(parameters[1].ParameterType, "cancellationToken");
                var connect = Expression.Call(typeof(DefaultHandler).GetMethod(nameof(ConnectAsync))!, Expression.Property(context, "DnsEndPoint"), token);
                var wrap = invoke.ReturnType.GetConstructor(new[] { typeof(Task<Stream>) });
                if (wrap is null) return null;
                var callback = Expression.Lambda(callbackProperty.PropertyType, Expression.New(wrap, connect), context, token).Compile();

                return connectTimeout =>
                {
                    var handler = (HttpMessageHandler)Activator.CreateInstance(type)!;
                    type.GetProperty("AllowAutoRedirect")!.SetValue(handler, false);
                    type.GetProperty("AutomaticDecompression")!.SetValue(handler, Unpacked);
                    type.GetProperty("UseProxy")!.SetValue(handler, true);
                    callbackProperty.SetValue(handler, callback);
                    // A blocking connect holds the thread that opens the connection until it is open
                    // or refused: the timeout bounds that as it bounds every attempt.
                    connectTimeoutProperty.SetValue(handler, connectTimeout);
                    // A response closed before its end closes its connection at once. Drained instead
                    // (up to 2 s by default), the connection would keep a blocking read of its body
                    // waiting that long after a timeout or Ctrl+C closed the response to end it.
                    drainSizeProperty.SetValue(handler, 0);
                    drainTimeoutProperty.SetValue(handler, TimeSpan.Zero);
                    // The pool's scavenger checks every idle connection with an asynchronous
                    // zero-byte read, which makes its socket non-blocking for good; it runs every
                    // quarter of the idle timeout (15 s by default, so a blocking socket would not
                    // last a minute of use with pauses). A day puts the checks 6 h apart. A
                    // connection the server closed meanwhile is found closed when next taken (a
                    // synchronous poll) and replaced.
                    idleTimeoutProperty.SetValue(handler, IdleConnectionTimeout);
                    return handler;
                };
            }
            catch (Exception)
            {
                // Any surprise in a runtime's types leaves the handler every runtime has.
                return null;
            }
        }
    }
}
