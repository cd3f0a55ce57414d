using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PortalIo.Models;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 1. Per-call overhead. PortalIo: one script in a connected runspace of the hosted engine runs
    /// <c>foreach ($id in $ids) { $p = Get-PortalProposal -Id $id }</c>: one id per call, so one
    /// request at a time. Baseline: a C# loop of the raw client (sign by hand, GET, deserialize the
    /// same JSON into the same Proposal type), each call waited for synchronously. Measure: µs per call.
    /// </summary>
    public static class PerCallScenario
    {
        public const string Name = "per-call";

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            var ids = Enumerable.Range(0, config.PerCallCalls).Select(i => 1042 + i % 64).ToArray();
            using var engine = context.NewConnectedEngine();
            using var raw = context.NewRawClient();
            var vars = new Dictionary<string, object?> { ["ids"] = ids };
            const string script = "foreach ($id in $ids) { $p = Get-PortalProposal -Id $id }";

            double RunPortalIo()
            {
                var sw = Stopwatch.StartNew();
                engine.Invoke(script, vars);
                return sw.Elapsed.TotalMilliseconds * 1000 / ids.Length;
            }

            double RunBaseline()
            {
                var sw = Stopwatch.StartNew();
                foreach (var id in ids)
                {
                    var p = raw.GetAsync<Proposal>("public/proposals/" + id).GetAwaiter().GetResult();
                    if (p.Id != id) throw new InvalidOperationException("The baseline read proposal " + p.Id + " for " + id + ".");
                }
                return sw.Elapsed.TotalMilliseconds * 1000 / ids.Length;
            }

            // Warm-up: JIT and tiered compilation, connection pools, the sandbox's own first calls. A
            // single round left the first repetitions up to twice as slow on both sides (the ratio's
            // spread was ±35%); four rounds reach the steady state (±10%).
            var check = engine.Invoke("Get-PortalProposal -Id 1042,1043");
            if (check.Count != 2 || !(check[0].BaseObject is Proposal first) || first.Id != 1042)
                throw new InvalidOperationException("Get-PortalProposal -Id did not return the expected proposals.");
            for (var i = 0; i < 4; i++)
            {
                RunPortalIo();
                RunBaseline();
            }

            var (a, b, ratios) = Interleaved.Run(config.PerCallRepetitions, RunPortalIo, RunBaseline);
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "time per call", Unit = "µs/call",
                PortalIo = new Stats(a), Baseline = new Stats(b), Ratio = Stats.MedianOf(ratios),
                BaselineLabel = "raw HttpClient", Budget = 1.25,
                Notes = config.PerCallCalls + " sequential calls x " + config.PerCallRepetitions + " reps per side",
            });

            // Where the difference comes from (informational, no budget): the same ids through one
            // invocation, which pays the engine's per-command cost once; and the engine's cost of a
            // command that makes no request at all.
            const string oneInvocation = "$p = Get-PortalProposal -Id $ids -ThrottleLimit 1";
            double RunOneInvocation()
            {
                var sw = Stopwatch.StartNew();
                engine.Invoke(oneInvocation, vars);
                return sw.Elapsed.TotalMilliseconds * 1000 / ids.Length;
            }
            RunOneInvocation();
            var (single, raw2, singleRatios) = Interleaved.Run(config.PerCallRepetitions, RunOneInvocation, RunBaseline);
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "per id, one invocation", Unit = "µs/call",
                PortalIo = new Stats(single), Baseline = new Stats(raw2), Ratio = Stats.MedianOf(singleRatios),
                BaselineLabel = "raw HttpClient",
                Notes = "informational: '" + oneInvocation + "' (the client path without the per-command cost)",
            });

            const string engineOnly = "foreach ($id in $ids) { $p = Get-PortalSession }";
            engine.Invoke(engineOnly, vars);
            var floor = new List<double>();
            for (var i = 0; i < config.PerCallRepetitions; i++)
            {
                var sw = Stopwatch.StartNew();
                engine.Invoke(engineOnly, vars);
                floor.Add(sw.Elapsed.TotalMilliseconds * 1000 / ids.Length);
            }
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "engine cost per command", Unit = "µs/call",
                PortalIo = new Stats(floor), PortalIoLabel = "Get-PortalSession",
                Notes = "informational: '" + engineOnly + "', a command that sends nothing",
            });
        }
    }
}
