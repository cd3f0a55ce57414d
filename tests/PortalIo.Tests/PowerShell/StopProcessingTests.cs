using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    public class StopProcessingTests
    {
        [Fact]
        public void Stop_during_a_paged_listing_returns_quickly_and_sends_no_further_request()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(300) });
            using var connected = new ConnectedRunspace(sandbox);
            using var ps = connected.Runspace.Create("Get-PortalProposal -PageSize 1");
            var output = new PSDataCollection<PSObject>();
            var firstObject = new ManualResetEventSlim();
            output.DataAdded += (_, _) => firstObject.Set();
            var async = ps.BeginInvoke<PSObject, PSObject>(null, output);

            Assert.True(firstObject.Wait(TimeSpan.FromSeconds(10)), "no object arrived");
            var stopwatch = Stopwatch.StartNew();
            ps.Stop();
            stopwatch.Stop();
            var stoppedAt = DateTime.UtcNow;

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), "Stop took " + stopwatch.Elapsed);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Thread.Sleep(700);
            // A request already on the wire when Stop was called may still arrive a moment later;
            // nothing may be sent after that.
            var late = sandbox.RequestLog.Where(r => r.ReceivedAtUtc > stoppedAt.AddMilliseconds(100)).ToList();
            Assert.Empty(late);
            Assert.True(output.Count < 5);
        }
    }
}
