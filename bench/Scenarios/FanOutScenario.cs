using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PortalIo.Models;
using PortalIo.Sandbox;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 4. Fan-out. The sandbox adds <see cref="BenchConfig.FanOutLatencyMs"/> ms before every answer.
    /// PortalIo: <c>Get-PortalProposal -Id $ids</c> (the default -ThrottleLimit, 8). Baseline: the
    /// same calls made one after another, <c>Get-PortalProposal -Id $ids -ThrottleLimit 1</c>.
    /// Both outputs are checked to be the proposals of $ids in input order. Measure: ms per run.
    /// </summary>
    public static class FanOutScenario
    {
        public const string Name = "fan-out";

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            var sandbox = context.Sandbox;
            var ids = Enumerable.Range(SandboxSeed.FirstExtraProposalId, config.FanOutIds).ToArray();
            using var engine = context.NewConnectedEngine();
            var vars = new Dictionary<string, object?> { ["ids"] = ids, ["limit"] = config.FanOutThrottleLimit };

            double Measure(string script)
            {
                var sw = Stopwatch.StartNew();
                var output = engine.Invoke(script, vars);
                var elapsed = sw.Elapsed.TotalMilliseconds;
                var got = output.Select(o => ((Proposal)o.BaseObject).Id).ToArray();
                if (!got.SequenceEqual(ids)) throw new InvalidOperationException("The proposals are not the ids in input order: " + script);
                return elapsed;
            }

            var saved = sandbox.Latency;
            sandbox.Latency = TimeSpan.FromMilliseconds(config.FanOutLatencyMs);
            try
            {
                const string concurrent = "Get-PortalProposal -Id $ids -ThrottleLimit $limit";
                const string sequential = "Get-PortalProposal -Id $ids -ThrottleLimit 1";
                engine.Invoke("Get-PortalProposal -Id $ids[0..7]", vars); // warm-up
                var (a, b, ratios) = Interleaved.Run(config.FanOutRepetitions, () => Measure(concurrent), () => Measure(sequential));
                context.Add(new BenchResult
                {
                    Scenario = Name, Metric = "ids " + config.FanOutIds + " @" + config.FanOutLatencyMs + "ms", Unit = "ms/run",
                    PortalIoLabel = "-ThrottleLimit " + config.FanOutThrottleLimit, BaselineLabel = "one after another",
                    PortalIo = new Stats(a), Baseline = new Stats(b), Ratio = Stats.MedianOf(ratios), Budget = 0.2,
                    Notes = config.FanOutRepetitions + " reps per side; ideal ratio 1/" + config.FanOutThrottleLimit,
                });
            }
            finally
            {
                sandbox.Latency = saved;
            }
        }
    }
}
