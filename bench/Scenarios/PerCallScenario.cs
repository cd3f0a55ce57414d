using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PortalIo.Models;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 1. Per-call overhead. PortalIo: <c>foreach ($id in $ids) { $p = Get-PortalProposal -Id $id }</c> in a
    /// connected runspace of the hosted engine: one id per command, one request at a time. Baseline: a
    /// C# loop of the raw client (sign by hand, GET, deserialize the same JSON into the same type),
    /// each call waited for synchronously. Measure: µs per call; budget on PortalIo / raw C# loop.
    /// </summary>
    /// <remarks>
    /// Every side runs the same batches of ids in turn (<see cref="Interleaved.RoundRobin"/>), so the
    /// VM's slow seconds hit all sides alike. Three more sides say where the difference comes from:
    /// the raw client inside the thinnest binary cmdlet (what the engine charges any module per
    /// command), PortalIo with all ids in one command, and the hand-rolled PowerShell script a user
    /// would write instead.
    /// </remarks>
    public static class PerCallScenario
    {
        public const string Name = "per-call";

        private const string Functions = @"
function global:Invoke-BenchPortalIo([int[]] $ids) { foreach ($id in $ids) { $p = Get-PortalProposal -Id $id } }
function global:Invoke-BenchFloor([int[]] $ids) { foreach ($id in $ids) { $p = Get-BenchRawProposal -Id $id } }
function global:Invoke-BenchOneCommand([int[]] $ids) { $null = Get-PortalProposal -Id $ids -ThrottleLimit 1 }";

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            var ids = Enumerable.Range(0, config.PerCallCalls).Select(i => 1042 + i % 64).ToArray();
            var batches = ids.Chunk(Math.Max(1, config.PerCallBatch)).ToArray();
            using var engine = context.NewConnectedEngine();
            using var raw = context.NewRawClient();
            PrepareEngine(engine, context, raw);

            double Time(Action run)
            {
                var sw = Stopwatch.StartNew();
                run();
                return sw.Elapsed.TotalMilliseconds * 1000;
            }
            double RawLoop(int[] batch) => Time(() =>
            {
                foreach (var id in batch)
                {
                    var p = raw.GetAsync<Proposal>("public/proposals/" + id).GetAwaiter().GetResult();
                    if (p.Id != id) throw new InvalidOperationException("The baseline read proposal " + p.Id + " for " + id + ".");
                }
            });
            Func<int[], double> Command(string function) => batch => Time(() => engine.InvokeCommand(function, "ids", batch));

            var sides = new List<Func<int[], double>>
            {
                RawLoop,
                Command("Invoke-BenchPortalIo"),
                Command("Invoke-BenchFloor"),
                Command("Invoke-BenchOneCommand"),
                Command(HandRolledScript.FunctionName),
            };
            // Warm-up: JIT and tiered compilation, connection pools, the sandbox's own first calls.
            Interleaved.RoundRobin(2, batches, sides);
            var r = Interleaved.RoundRobin(config.PerCallRepetitions, batches, sides);
            var (rawC, portalIo, floor, oneCommand, script) = (r[0], r[1], r[2], r[3], r[4]);
            var notes = config.PerCallCalls + " calls per side x " + config.PerCallRepetitions + " reps, in batches of " + config.PerCallBatch + " taken in turn";

            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "time per call", Unit = "µs/call",
                PortalIo = new Stats(portalIo), Baseline = new Stats(rawC), Ratio = Stats.MedianOf(Interleaved.Ratios(portalIo, rawC)),
                BaselineLabel = "raw C# loop", Budget = 1.25, Notes = notes,
            });
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "engine floor", Unit = "µs/call",
                PortalIoLabel = "raw client in a cmdlet", PortalIo = new Stats(floor), Baseline = new Stats(rawC),
                Ratio = Stats.MedianOf(Interleaved.Ratios(floor, rawC)), BaselineLabel = "raw C# loop",
                Notes = "informational: the hand-rolled client in a one-line binary cmdlet, one command per id: what the engine costs any module",
            });
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "over the floor", Unit = "µs/call",
                PortalIo = new Stats(portalIo), Baseline = new Stats(floor),
                Ratio = Stats.MedianOf(Interleaved.Ratios(portalIo, floor)), BaselineLabel = "raw client in a cmdlet",
                Notes = "informational: PortalIo's own cost, cmdlet against cmdlet",
            });
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "one command", Unit = "µs/call",
                PortalIo = new Stats(oneCommand), Baseline = new Stats(rawC),
                Ratio = Stats.MedianOf(Interleaved.Ratios(oneCommand, rawC)), BaselineLabel = "raw C# loop",
                Notes = "informational: '$null = Get-PortalProposal -Id $ids -ThrottleLimit 1', the per-command cost paid once per batch",
            });
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "vs hand-rolled script", Unit = "µs/call",
                PortalIo = new Stats(portalIo), Baseline = new Stats(script),
                Ratio = Stats.MedianOf(Interleaved.Ratios(portalIo, script)), BaselineLabel = "PowerShell script",
                Notes = "informational: the same calls as a hand-rolled PowerShell script (HttpClient and HMAC from the script)",
            });
        }

        /// <summary>Defines the sides' functions once, checks each returns the right proposal, and gives the floor cmdlet its client.</summary>
        private static void PrepareEngine(HostedEngine engine, BenchContext context, RawPortalClient raw)
        {
            GetBenchRawProposalCommand.ImportInto(engine, raw);
            var sandbox = context.Sandbox;
            engine.Invoke(Functions);
            engine.Invoke(HandRolledScript.Definition, new Dictionary<string, object?>
            {
                ["BenchBaseUri"] = sandbox.BaseUri,
                ["BenchAppKey"] = sandbox.ApplicationKey,
                ["BenchUserKey"] = context.UserKey,
                ["BenchSecret"] = Encoding.ASCII.GetBytes(sandbox.SecretKey),
            });
            foreach (var check in new[] { "Get-PortalProposal -Id 1042", "Get-BenchRawProposal -Id 1042" })
            {
                var output = engine.Invoke(check);
                if (output.Count != 1 || !(output[0].BaseObject is Proposal p) || p.Id != 1042)
                    throw new InvalidOperationException("'" + check + "' did not return proposal 1042.");
            }
            engine.InvokeCommand(HandRolledScript.FunctionName, "ids", new[] { 1042 });
        }
    }
}
