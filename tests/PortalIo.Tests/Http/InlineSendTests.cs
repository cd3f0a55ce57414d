using System;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Tests.Reliability;
using Xunit;

namespace PortalIo.Tests.Http
{
    /// <summary>
    /// A call whose caller blocks on it at once is sent on the caller's thread (BlockingSend), so its
    /// task is done when handed back; a call that runs alongside others (fan-out) is not, or it could
    /// not overlap. The sandbox answers 30 ms late, so an asynchronous send cannot be done on return.
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

        public void Dispose() => _sandbox.Dispose();
    }
}
