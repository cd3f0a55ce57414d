using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Tests.PowerShell;
using Xunit;

namespace PortalIo.Tests.Reliability
{
    /// <summary>A loopback HTTP server that answers every request with whatever the test sets: a hostile API.</summary>
    internal sealed class HostileServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private volatile Func<HttpListenerContext, Task> _answer = c => { c.Response.StatusCode = 200; c.Response.Close(); return Task.CompletedTask; };
        private long _requests;

        public HostileServer()
        {
            for (var attempt = 0; ; attempt++)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                try
                {
                    _listener.Prefixes.Clear();
                    _listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
                    _listener.Start();
                    BaseUri = new Uri("http://127.0.0.1:" + port + "/");
                    break;
                }
                catch (HttpListenerException) when (attempt < 10) { }
            }
            _ = Task.Run(LoopAsync);
        }

        public Uri BaseUri { get; private set; } = null!;
        public long Requests => Interlocked.Read(ref _requests);

        public void Answer(Func<HttpListenerContext, Task> answer) => _answer = answer;

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                Interlocked.Increment(ref _requests);
                _ = Task.Run(async () =>
                {
                    try { await _answer(context); }
                    catch (Exception) { try { context.Response.Abort(); } catch (Exception) { } }
                });
            }
        }

        /// <summary>Connects the runspace's current session to this server (keys that are no secret) with the given Connect-Portal options.</summary>
        public void ConnectFrom(ModuleRunspace rs, string options)
        {
            var vars = new Dictionary<string, object?> { ["b"] = BaseUri, ["k"] = SandboxFixture.Secure("not-a-secret") };
            Assert.Empty(rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $k " + options, vars).Errors);
        }

        public void Dispose()
        {
            try { _listener.Stop(); _listener.Close(); } catch (Exception) { }
        }
    }
}
