using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// A webhook receiver on a free loopback port: answers every request with one status and keeps
    /// what it received (path, body, X-Webhook-Signature). For sandbox webhook routes to point at.
    /// </summary>
    public sealed class LoopbackReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public LoopbackReceiver(int status = 200)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = new Uri("http://127.0.0.1:" + port + "/");
            _listener.Prefixes.Add(Address.AbsoluteUri);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception) { return; }
                    string body;
                    using (var reader = new StreamReader(context.Request.InputStream)) body = await reader.ReadToEndAsync();
                    var received = (context.Request.Url!.AbsolutePath, body, context.Request.Headers["X-Webhook-Signature"] ?? string.Empty);
                    Received.Enqueue(received);
                    context.Response.StatusCode = status;
                    context.Response.Close();
                    First.TrySetResult(received);
                }
            });
        }

        public Uri Address { get; }

        /// <summary>Every request received, in order.</summary>
        public ConcurrentQueue<(string Path, string Body, string Signature)> Received { get; } = new();

        /// <summary>Completes with the first request received.</summary>
        public TaskCompletionSource<(string Path, string Body, string Signature)> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose() => _listener.Close();
    }
}
