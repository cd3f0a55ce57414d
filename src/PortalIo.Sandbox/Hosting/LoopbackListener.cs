using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Sandbox.Faults;

namespace PortalIo.Sandbox.Hosting
{
    /// <summary>
    /// The emulator's socket side: an HttpListener bound to one loopback prefix, an accept loop that
    /// hands each request to its own task, and a Stop that ends every request still in flight as a
    /// connection failure (never an empty "200 OK", which is what the managed listener's own
    /// Abort and Close send).
    /// </summary>
    internal sealed class LoopbackListener
    {
        private const int MaxBindAttempts = 10;

        private readonly HttpListener _listener;
        private readonly Func<HttpListenerContext, InFlightRequest, Task> _handle;
        private readonly CancellationTokenSource _stopping;
        private readonly ConcurrentDictionary<InFlightRequest, byte> _inFlight = new ConcurrentDictionary<InFlightRequest, byte>();
        private int _running;
        private int _closed;

        /// <exception cref="InvalidOperationException">No port could be bound.</exception>
        public LoopbackListener(string host, int port, Func<HttpListenerContext, InFlightRequest, Task> handle, CancellationTokenSource stopping)
        {
            _handle = handle;
            _stopping = stopping;
            _listener = Bind(host, port, out var bound);
            BaseUri = new Uri("http://" + host + ":" + bound.ToString(CultureInfo.InvariantCulture) + "/");
        }

        public Uri BaseUri { get; }

        public bool IsRunning => Volatile.Read(ref _running) == 1;

        public void Start()
        {
            if (Volatile.Read(ref _closed) == 1 || Interlocked.Exchange(ref _running, 1) == 1) return;
            _ = Task.Run(AcceptLoopAsync);
        }

        /// <summary>Also closes a listener that was bound but never started (its owner failed to start).</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1) return;
            Volatile.Write(ref _running, 0);
            _stopping.Cancel();
            foreach (var request in _inFlight.Keys) EndAsFailure(request);
            ConnectionDropper.ResetAll(_listener);
            // Closing can fail on a connection that is being torn down at that moment; the
            // listener is stopped either way and the port is released.
            try { _listener.Stop(); } catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException) { }
            try { _listener.Close(); } catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException) { }
        }

        private static void EndAsFailure(InFlightRequest request)
        {
            var record = request.Record;
            if (record != null && record.Outcome == SandboxRequestOutcome.Answered) record.Outcome = SandboxRequestOutcome.AbortedByStop;
            ConnectionDropper.Drop(request.Context);
        }

        private async Task AcceptLoopAsync()
        {
            while (IsRunning)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (!IsRunning)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                // Each request on its own task: a slow (latency) or large request never blocks the others.
                _ = Task.Run(() => RunAsync(context));
            }
        }

        private async Task RunAsync(HttpListenerContext context)
        {
            var request = new InFlightRequest(context);
            _inFlight[request] = 0;
            try
            {
                // Stop may have swept the in-flight requests just before this one was registered.
                if (!IsRunning)
                {
                    ConnectionDropper.Drop(context);
                    return;
                }
                await _handle(context, request).ConfigureAwait(false);
            }
            finally
            {
                _inFlight.TryRemove(request, out _);
            }
        }

        /// <summary>
        /// HttpListener cannot bind port 0, so a free port is found with a TcpListener first; another
        /// process may take it in between, hence the retries.
        /// </summary>
        private static HttpListener Bind(string host, int requestedPort, out int port)
        {
            HttpListenerException? last = null;
            for (int attempt = 0; attempt < (requestedPort == 0 ? MaxBindAttempts : 1); attempt++)
            {
                port = requestedPort == 0 ? FindFreePort() : requestedPort;
                var listener = new HttpListener();
                listener.Prefixes.Add("http://" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + "/");
                try
                {
                    listener.Start();
                    return listener;
                }
                catch (HttpListenerException e)
                {
                    last = e;
                    listener.Close();
                }
            }
            throw new InvalidOperationException("The local Portal.io emulator could not bind a port on " + host + ": " + last?.Message, last);
        }

        private static int FindFreePort()
        {
            for (int attempt = 0; attempt < 100; attempt++)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                if (port > 1024) return port;
            }
            throw new InvalidOperationException("No free port above 1024 was found.");
        }
    }
}
