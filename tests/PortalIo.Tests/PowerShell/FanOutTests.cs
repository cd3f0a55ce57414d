using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>Get-PortalProposal -Id with -ThrottleLimit: bounded concurrency, input order, one error per failed id.</summary>
    public class FanOutTests
    {
        private static int[] Ids(int count) => Enumerable.Range(SandboxSeed.FirstExtraProposalId, count).ToArray();

        [Fact]
        public void Proposals_come_out_in_input_order_and_faster_than_one_after_another()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 24, Latency = TimeSpan.FromMilliseconds(40) });
            using var connected = new ConnectedRunspace(sandbox);
            // Reversed and repeated ids: the order is the input's, not the order of completion.
            var ids = Ids(24).Reverse().Concat(new[] { SandboxSeed.FirstExtraProposalId }).ToArray();
            var vars = new Dictionary<string, object?> { ["ids"] = ids };

            connected.Run("Get-PortalProposal -Id $ids -ThrottleLimit 8", vars); // warm-up: connections, JIT
            var sw = Stopwatch.StartNew();
            var run = connected.Run("Get-PortalProposal -Id $ids -ThrottleLimit 8", vars);
            var concurrent = sw.Elapsed;

            Assert.Empty(run.Errors);
            Assert.Equal(ids, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            // 25 calls of >= 40 ms one after another take >= 1 s; 8 at a time about 4 rounds.
            Assert.True(concurrent < TimeSpan.FromMilliseconds(25 * 40 * 0.75), "took " + concurrent);
        }

        [Fact]
        public void Ids_from_the_pipeline_fan_out_across_records_and_keep_their_order()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 16, Latency = TimeSpan.FromMilliseconds(40) });
            using var connected = new ConnectedRunspace(sandbox);
            var ids = Ids(16);
            // A first run opens the connections and compiles the code, which on a busy machine can
            // take longer than the whole budget; the claim is about the steady state.
            connected.Run("$ids | Get-PortalProposal", new Dictionary<string, object?> { ["ids"] = ids });
            var sw = Stopwatch.StartNew();
            var run = connected.Run("$ids | Get-PortalProposal", new Dictionary<string, object?> { ["ids"] = ids });
            var elapsed = sw.Elapsed;

            Assert.Empty(run.Errors);
            Assert.Equal(ids, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            Assert.True(elapsed < TimeSpan.FromMilliseconds(16 * 40 * 0.75), "took " + elapsed);
        }

        [Fact]
        public void Each_failed_id_is_its_own_error_record_and_the_others_are_still_written()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 4 });
            using var connected = new ConnectedRunspace(sandbox);
            var first = SandboxSeed.FirstExtraProposalId;
            var ids = new[] { first, 999_001, first + 1, SandboxSeed.OtherDealerProposalId, first + 2 };

            var run = connected.Run("Get-PortalProposal -Id $ids", new Dictionary<string, object?> { ["ids"] = ids });

            Assert.Equal(new[] { first, first + 1, first + 2 }, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            Assert.Equal(2, run.Errors.Count);
            Assert.Equal(new object[] { 999_001, SandboxSeed.OtherDealerProposalId }, run.Errors.Select(e => e.TargetObject).ToArray());
            Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        }

        [Fact]
        public void ThrottleLimit_1_sends_one_request_after_another()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 6, Latency = TimeSpan.FromMilliseconds(30) });
            using var connected = new ConnectedRunspace(sandbox);
            var ids = Ids(6);
            sandbox.ClearRequestLog();

            var run = connected.Run("Get-PortalProposal -Id $ids -ThrottleLimit 1", new Dictionary<string, object?> { ["ids"] = ids });

            Assert.Empty(run.Errors);
            Assert.Equal(ids, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            // One at a time: each request was received after the previous answer (>= 30 ms apart), in input order.
            var received = sandbox.RequestLog.Where(r => r.Path.StartsWith("/public/proposals/", StringComparison.Ordinal)).ToList();
            Assert.Equal(ids.Select(i => "/public/proposals/" + i), received.Select(r => r.Path));
            for (var i = 1; i < received.Count; i++)
                Assert.True(received[i].ReceivedAtUtc - received[i - 1].ReceivedAtUtc >= TimeSpan.FromMilliseconds(25),
                    "requests " + (i - 1) + " and " + i + " overlapped");
        }

        [Fact]
        public void Stop_during_a_fan_out_returns_at_once_and_sends_no_further_request()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 200, Latency = TimeSpan.FromMilliseconds(300) });
            using var connected = new ConnectedRunspace(sandbox);
            using var ps = connected.Runspace.Create("Get-PortalProposal -Id $ids -ThrottleLimit 4", new Dictionary<string, object?> { ["ids"] = Ids(200) });
            var output = new PSDataCollection<PSObject>();
            using var firstObject = new ManualResetEventSlim();
            output.DataAdded += (_, _) => firstObject.Set();
            ps.BeginInvoke<PSObject, PSObject>(null, output);

            Assert.True(firstObject.Wait(TimeSpan.FromSeconds(10)), "no object arrived");
            var sw = Stopwatch.StartNew();
            ps.Stop();
            sw.Stop();
            var stoppedAt = DateTime.UtcNow;

            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), "Stop took " + sw.Elapsed);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Thread.Sleep(700);
            // Requests already on the wire when Stop was called may still arrive a moment later; none may be sent after.
            Assert.Empty(sandbox.RequestLog.Where(r => r.ReceivedAtUtc > stoppedAt.AddMilliseconds(100)));
            Assert.True(output.Count < 20);
        }

        [Fact]
        public void ThrottleLimit_is_validated()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions());
            using var connected = new ConnectedRunspace(sandbox);
            var run = connected.Run("Get-PortalProposal -Id 1042 -ThrottleLimit 0");
            Assert.Contains("ParameterArgumentValidationError", run.FirstError.FullyQualifiedErrorId);
        }
    }
}
