using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using PortalIo.Models;
using PortalIo.Sandbox;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 3. Streaming. A sandbox seeded with <see cref="BenchConfig.StreamLargeCount"/> extra proposals;
    /// <c>Get-PortalProposal -PageSize P -First N | &amp; { process { $probe.Tick() } }</c> for N = the
    /// small and the large count. The probe samples GC.GetTotalMemory(false) every 64 objects and a
    /// background thread every 5 ms (peak: garbage not yet collected included), and forces a full
    /// collection ten times per run (live: what is really kept). Growth is against a collected heap
    /// just before the run, so the sandbox's seeded store (same process) is not counted; its own
    /// per-request garbage is (conservative). Time to first object: a fresh pipeline running
    /// <c>Get-PortalProposal</c> (default page size) until its first object arrives, against the raw
    /// client fetching and deserializing that same first page, interleaved.
    /// </summary>
    public static class StreamingScenario
    {
        public const string Name = "streaming";
        private const double MB = 1024 * 1024;

        public sealed class ProposalPage
        {
            public List<Proposal>? Proposals { get; set; }
            public long ProposalCount { get; set; }
        }

        /// <summary>The pipeline's consumer: counts objects and samples managed memory.</summary>
        public sealed class MemoryProbe
        {
            private readonly long _liveEvery;
            private long _peak;
            private long _livePeak;

            public MemoryProbe(long liveEvery) => _liveEvery = Math.Max(1, liveEvery);

            public long Count { get; private set; }
            public long Peak => Interlocked.Read(ref _peak);
            public long LivePeak => _livePeak;
            public TimeSpan? FirstAt { get; private set; }
            public Stopwatch Clock { get; } = new Stopwatch();

            public void Tick()
            {
                if (Count++ == 0) FirstAt = Clock.Elapsed;
                if ((Count & 63) == 0) Sample();
                if (Count % _liveEvery == 0) _livePeak = Math.Max(_livePeak, GC.GetTotalMemory(forceFullCollection: true));
            }

            public void Sample()
            {
                var now = GC.GetTotalMemory(false);
                long seen;
                while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
            }
        }

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = config.StreamLargeCount });
            using var engine = context.NewConnectedEngine(sandbox);
            using var raw = context.NewRawClient(sandbox);

            // Warm-up: JIT of the listing path and of the consumer.
            Stream(engine, config.StreamPageSize, Math.Min(config.StreamSmallCount, config.StreamPageSize * 2));

            var small = Stream(engine, config.StreamPageSize, config.StreamSmallCount);
            var large = Stream(engine, config.StreamPageSize, config.StreamLargeCount);
            var growthNote = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "peak growth {0:0.0} MB at {1:N0} vs {2:0.0} MB at {3:N0}; live {4:0.0} vs {5:0.0} MB; {6:0} vs {7:0} objects/s",
                large.PeakGrowth / MB, config.StreamLargeCount, small.PeakGrowth / MB, config.StreamSmallCount,
                large.LiveGrowth / MB, small.LiveGrowth / MB, large.ObjectsPerSecond, small.ObjectsPerSecond);
            var memory = new BenchResult
            {
                Scenario = Name, Metric = "peak memory growth", Unit = "MB",
                PortalIoLabel = config.StreamLargeCount + " objects", BaselineLabel = config.StreamSmallCount + " objects",
                PortalIo = new Stats(new[] { large.PeakGrowth / MB }), Baseline = new Stats(new[] { small.PeakGrowth / MB }),
                Ratio = small.PeakGrowth > 0 ? large.PeakGrowth / small.PeakGrowth : (double?)null,
                BudgetOn = "value", Budget = 64, Notes = growthNote,
            };
            memory.Extra["peakGrowthLargeMB"] = large.PeakGrowth / MB;
            memory.Extra["peakGrowthSmallMB"] = small.PeakGrowth / MB;
            memory.Extra["liveGrowthLargeMB"] = large.LiveGrowth / MB;
            memory.Extra["liveGrowthSmallMB"] = small.LiveGrowth / MB;
            memory.Extra["objectsPerSecondLarge"] = large.ObjectsPerSecond;
            context.Add(memory);

            // Growth must not scale with the count: ten times the objects may keep at most 8 MB more alive.
            var scaling = new BenchResult
            {
                Scenario = Name, Metric = "live growth, large-small", Unit = "MB",
                PortalIoLabel = "difference", BaselineLabel = "",
                PortalIo = new Stats(new[] { (large.LiveGrowth - small.LiveGrowth) / MB }),
                BudgetOn = "value", Budget = 8,
                Notes = "a leak of 90 bytes per object would show as 8 MB at 100,000",
            };
            context.Add(scaling);

            double RunPortalIo()
            {
                Settle();
                using var ps = engine.Create("Get-PortalProposal");
                var output = new PSDataCollection<PSObject>();
                using var first = new ManualResetEventSlim();
                output.DataAdded += (_, _) => first.Set();
                var sw = Stopwatch.StartNew();
                var async = ps.BeginInvoke<PSObject, PSObject>(null, output);
                if (!first.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("No proposal arrived.");
                var elapsed = sw.Elapsed.TotalMilliseconds;
                ps.Stop();
                WaitUntilSandboxIdle();
                return elapsed;
            }

            // A few milliseconds are measured here, on a heap the 100,000-proposal sandbox keeps busy:
            // collect before each sample so that a pause lands in neither side's figure.
            static void Settle()
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            // Stopping the listing leaves the next page's request running in the sandbox (which sorts
            // 100,000 proposals for it); let it finish so it does not slow the next measurement.
            void WaitUntilSandboxIdle()
            {
                for (var i = 0; i < 500 && sandbox.RequestLog.Count < sandbox.RequestCount; i++) Thread.Sleep(2);
            }

            double RunBaseline()
            {
                Settle();
                var sw = Stopwatch.StartNew();
                var page = raw.GetAsync<ProposalPage>("public/proposals?PageNumber=1&PageSize=" + PortalIo.Api.ProposalsApi.DefaultPageSize).GetAwaiter().GetResult();
                var elapsed = sw.Elapsed.TotalMilliseconds;
                if (page.Proposals is null || page.Proposals.Count == 0) throw new InvalidOperationException("The baseline page is empty.");
                return elapsed;
            }

            RunPortalIo();
            RunBaseline();
            var (a, b, ratios) = Interleaved.Run(config.FirstObjectRepetitions, RunPortalIo, RunBaseline);
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "time to first object", Unit = "ms",
                PortalIo = new Stats(a), Baseline = new Stats(b), Ratio = Stats.MedianOf(ratios),
                BaselineLabel = "raw page fetch", Budget = 1.5,
                Notes = "default page size " + PortalIo.Api.ProposalsApi.DefaultPageSize + ", sandbox of " + config.StreamLargeCount + " proposals",
            });
        }

        private sealed class StreamRun
        {
            public double PeakGrowth;
            public double LiveGrowth;
            public double ObjectsPerSecond;
        }

        private static StreamRun Stream(HostedEngine engine, int pageSize, int count)
        {
            var probe = new MemoryProbe(Math.Max(1, count / 10));
            var vars = new Dictionary<string, object?> { ["probe"] = probe, ["pageSize"] = pageSize, ["count"] = count };
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            using var stop = new ManualResetEventSlim();
            var sampler = new Thread(() => { while (!stop.Wait(5)) probe.Sample(); }) { IsBackground = true, Name = "memory sampler" };
            sampler.Start();
            probe.Clock.Start();
            engine.Invoke("Get-PortalProposal -PageSize $pageSize -First $count | & { process { $probe.Tick() } }", vars);
            var elapsed = probe.Clock.Elapsed.TotalSeconds;
            stop.Set();
            sampler.Join();
            if (probe.Count != count) throw new InvalidOperationException("The listing wrote " + probe.Count + " objects, expected " + count + ".");
            return new StreamRun
            {
                PeakGrowth = Math.Max(0, probe.Peak - baseline),
                LiveGrowth = Math.Max(0, probe.LivePeak - baseline),
                ObjectsPerSecond = count / elapsed,
            };
        }
    }
}
