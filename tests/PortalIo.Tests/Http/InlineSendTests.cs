using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Tests.PowerShell;
using PortalIo.Tests.Reliability;
using Xunit;

namespace PortalIo.Tests.Http
{
    /// <summary>
    /// A call whose caller blocks on it at once is sent on the caller's thread (BlockingSend), so its
    /// task is done when handed back; a call that runs alongside others (fan-out) is not, or it could
    /// not overlap. The sandbox answers 30 ms late, so an asynchronous send cannot be done on return.
    /// Calls sent inline use connections of their own, opened in blocking mode (DefaultHandler), and
    /// read their body with blocking reads, which a timeout or Ctrl+C ends by closing the response.
    /// </summary>
    public sealed class InlineSendTests : IDisposable
    {
        private readonly SandboxServer _sandbox = SandboxServer.Start(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(30) });

        [Fact]
        public void A_call_whose_caller_blocks_is_sent_on_its_thread_and_done_when_returned()
        {
            var session = Demo.Session(_sandbox, new ClientSettings());
            var blocking = new PortalCall(session.Client!, null, CancellationToken.None, callerBlocks: true);

            var task = ProposalsApi.GetAsync(blocking, 1042);

            Assert.True(BlockingSend.IsAvailable);
            Assert.True(task.IsCompleted, "the blocking caller's call came back before its answer");
            Assert.Equal(1042, task.GetAwaiter().GetResult().Id);
        }

        [Fact]
        public void A_fan_out_call_is_not_sent_inline_even_from_a_blocking_context()
        {
            var session = Demo.Session(_sandbox, new ClientSettings());
            var fanOut = new PortalCall(session.Client!, null, CancellationToken.None, callerBlocks: true).WithCancellation(CancellationToken.None);

            var first = ProposalsApi.GetAsync(fanOut, 1042);
            var second = ProposalsApi.GetAsync(fanOut, 1043);

            Assert.False(first.IsCompleted, "a fan-out call blocked its caller until its answer came");
            Assert.Equal(new[] { 1042, 1043 }, new[] { first.GetAwaiter().GetResult().Id, second.GetAwaiter().GetResult().Id });
        }

        [Fact]
        public async Task A_blocking_context_used_from_another_thread_does_not_block_that_thread()
        {
            var session = Demo.Session(_sandbox, new ClientSettings());
            // The context is made on a thread of its own that stays alive, so no pool thread can have its id.
            PortalCall? blocking = null;
            using var made = new ManualResetEventSlim();
            using var done = new ManualResetEventSlim();
            var owner = new Thread(() =>
            {
                blocking = new PortalCall(session.Client!, null, CancellationToken.None, callerBlocks: true);
                made.Set();
                done.Wait();
            });
            owner.Start();
            made.Wait();
            try
            {
                // Task.Run would unwrap a task: the array hands back the call's task itself, as the pool thread got it.
                var fromPool = (await Task.Run(() => new[] { ProposalsApi.GetAsync(blocking!, 1043) }))[0];

                Assert.False(fromPool.IsCompleted, "a pool thread was blocked for the answer");
                Assert.Equal(1043, (await fromPool).Id);
            }
            finally
            {
                done.Set();
                owner.Join();
            }
        }

        [Fact]
        public void On_PowerShell_7_calls_sent_inline_get_a_handler_that_opens_blocking_sockets()
        {
            // Where the runtime lacks a piece the module falls back to HttpClientHandler without a word: this catches that on .NET 10.
            using var handler = DefaultHandler.CreateBlocking(_sandbox.BaseUri, TimeSpan.FromSeconds(5));
            var sockets = Assert.IsType<SocketsHttpHandler>(handler);
            // Over HTTPS the handshake would make the socket non-blocking at once: no handler of its own there.
            Assert.Null(DefaultHandler.CreateBlocking(new Uri("https://api.portal.io/"), TimeSpan.FromSeconds(5)));
            // The pool's scavenger would make an idle connection's socket non-blocking every 15 s by default.
            Assert.True(sockets.PooledConnectionIdleTimeout >= TimeSpan.FromHours(4));
            Assert.False(sockets.AllowAutoRedirect);
            Assert.True(sockets.UseProxy);
            Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, sockets.AutomaticDecompression);
            Assert.Equal(0, sockets.MaxResponseDrainSize);
            var connecting = DefaultHandler.ConnectAsync(new DnsEndPoint(_sandbox.BaseUri.Host, _sandbox.BaseUri.Port), CancellationToken.None);
            using var stream = Assert.IsType<NetworkStream>(connecting.GetAwaiter().GetResult());
            Assert.True(stream.Socket.NoDelay);
            // Socket.Blocking says only what .NET was asked; the descriptor's own flags say what the kernel does.
            Assert.False(IsNonBlockingInTheKernel(stream.Socket), "the connection's socket is non-blocking");
        }

        [Fact]
        public void A_connect_to_a_host_that_never_answers_holds_up_no_caller_and_ends_when_cancelled()
        {
            // A listener whose queue is full: the kernel drops further SYNs, so those connects hang.
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(0);
            var endPoint = (IPEndPoint)listener.LocalEndPoint!;
            var fillers = new List<Socket>();
            using var stop = new CancellationTokenSource();
            var connects = new List<Task<Stream>>();
            try
            {
                for (var i = 0; i < 3; i++)
                {
                    var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                    try { filler.Connect(endPoint); } catch (SocketException) { }
                    fillers.Add(filler);
                }
                // The handler calls this from a pool thread: each connect must wait on a thread of its own, not the caller's.
                var calling = Stopwatch.StartNew();
                for (var i = 0; i < 16; i++)
                    connects.Add(DefaultHandler.ConnectAsync(new DnsEndPoint("127.0.0.1", endPoint.Port), stop.Token));
                calling.Stop();
                Thread.Sleep(200);

                Assert.True(calling.Elapsed < TimeSpan.FromSeconds(1), "16 connects held their caller for " + calling.Elapsed);
                Assert.All(connects, c => Assert.False(c.IsCompleted, "a connect to a host that never answers ended by itself"));
                stop.Cancel();
                foreach (var connect in connects)
                {
                    var ended = Assert.ThrowsAnyAsync<Exception>(() => connect).Wait(TimeSpan.FromSeconds(5));
                    Assert.True(ended, "a cancelled connect did not end");
                }
                Assert.All(connects, c => Assert.True(c.IsCanceled || c.IsFaulted));
            }
            finally
            {
                stop.Cancel();
                foreach (var filler in fillers) filler.Dispose();
            }
        }

        private static bool IsNonBlockingInTheKernel(Socket socket)
        {
            const int ONonBlock = 0x800; // 04000 octal, Linux
            var fd = socket.SafeHandle.DangerousGetHandle().ToInt32();
            foreach (var line in File.ReadAllLines("/proc/self/fdinfo/" + fd))
                if (line.StartsWith("flags:", StringComparison.Ordinal))
                    return (Convert.ToInt32(line.Substring(6).Trim(), 8) & ONonBlock) != 0;
            throw new InvalidOperationException("no flags line for descriptor " + fd);
        }

        [Fact]
        public void Inline_and_fan_out_calls_take_turns_on_one_session_and_each_reads_its_own_proposal()
        {
            var session = Demo.Session(_sandbox, new ClientSettings());
            var blocking = new PortalCall(session.Client!, null, CancellationToken.None, callerBlocks: true);
            var fanOut = blocking.WithCancellation(CancellationToken.None);

            var first = ProposalsApi.GetAsync(blocking, 1042);
            Assert.True(first.IsCompleted);
            var overlapping = new[] { ProposalsApi.GetAsync(fanOut, 1043), ProposalsApi.GetAsync(fanOut, 1044) };
            var ids = new List<int> { first.GetAwaiter().GetResult().Id };
            foreach (var call in overlapping) ids.Add(call.GetAwaiter().GetResult().Id);
            var after = ProposalsApi.GetAsync(blocking, 1045);
            Assert.True(after.IsCompleted, "an inline call after a fan-out was not sent inline");
            ids.Add(after.GetAwaiter().GetResult().Id);

            Assert.Equal(new[] { 1042, 1043, 1044, 1045 }, ids);
        }

        [Fact]
        public void A_body_that_stalls_after_its_headers_ends_at_the_timeout_as_PortalIo_Timeout()
        {
            using var server = new HostileServer();
            server.Answer(StallMidBody);
            using var rs = new ModuleRunspace();
            server.ConnectFrom(rs, "-TimeoutSec 1 -MaxRetries 0");

            var stopwatch = Stopwatch.StartNew();
            var run = rs.Run("Get-PortalUser");
            stopwatch.Stop();

            Assert.Equal("PortalIo.Timeout", HostileWorldTally.ErrorId(run.FirstError));
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), "the stalled body held the call for " + stopwatch.Elapsed);
            Assert.Equal(1, server.Requests);
        }

        [Fact]
        public void Stop_during_a_body_that_stalls_after_its_headers_returns_at_once()
        {
            using var server = new HostileServer();
            server.Answer(StallMidBody);
            using var rs = new ModuleRunspace();
            server.ConnectFrom(rs, "-TimeoutSec 60 -MaxRetries 0");
            using var ps = rs.Create("Get-PortalUser");
            var running = ps.BeginInvoke();
            var waited = Stopwatch.StartNew();
            while (server.Requests == 0 && waited.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(10);
            // Time for the headers and the first bytes to arrive: the cmdlet is now in its blocking read.
            Thread.Sleep(300);

            var stopwatch = Stopwatch.StartNew();
            ps.Stop();
            stopwatch.Stop();

            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), "Stop took " + stopwatch.Elapsed);
            Assert.True(running.IsCompleted);
        }

        // Headers and 10 of 1,000 declared bytes, then nothing for 20 s.
        private static async Task StallMidBody(HttpListenerContext c)
        {
            c.Response.StatusCode = 200;
            c.Response.ContentType = "application/json";
            c.Response.ContentLength64 = 1000;
            await c.Response.OutputStream.WriteAsync(Encoding.ASCII.GetBytes("{\"users\": ["));
            await c.Response.OutputStream.FlushAsync();
            try { await Task.Delay(TimeSpan.FromSeconds(20)); } catch (Exception) { }
            c.Response.Abort();
        }

        public void Dispose() => _sandbox.Dispose();
    }
}
