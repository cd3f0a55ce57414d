using System;
using System.Linq;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 1. Per call, in the real pwsh (bench/pwsh/PerCall.ps1): one proposal per command, one command
    /// after another, <c>foreach ($id in $ids) { $p = Get-PortalProposal -Id $id }</c>, against the
    /// same loop over the thinnest binary cmdlet around a hand-rolled client (the engine's floor), a
    /// script with Invoke-RestMethod and its own HMAC, an expert's script (one HttpClient,
    /// ConvertFrom-Json), and the raw C# loop called once per batch from the same shell. All sides
    /// take the same batches of ids in turn. Measure: µs per call (the medians of the repetitions);
    /// each ratio is the median of the per-batch ratios, the sides of a batch having run next to
    /// each other (a busy machine slows a few batches, not a whole side).
    /// </summary>
    public static class PerCallScenario
    {
        public const string Name = "per-call";
        public const double FloorBudget = 1.05;
        public const double InvokeRestMethodBudget = 0.4;
        public const double ExpertBudget = 0.8;

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            var result = PwshChild.Run("PerCall.ps1", context.Sandbox, context.UserKey,
                new { calls = config.PerCallCalls, batch = config.PerCallBatch, repetitions = config.PerCallRepetitions, warmup = 1 });
            var sides = PwshChild.Sides(result);
            var batches = PwshChild.Sides(result, "batches");
            var notes = config.PerCallCalls + " calls per side x " + config.PerCallRepetitions + " reps in pwsh, batches of " + config.PerCallBatch + " taken in turn";

            BenchResult Row(string metric, string a, string label, string b, string baselineLabel, double? budget, string note)
            {
                var row = new BenchResult
                {
                    Scenario = Name, Metric = metric, Unit = "µs/call", PortalIoLabel = label, BaselineLabel = baselineLabel,
                    PortalIo = new Stats(sides[a]), Baseline = new Stats(sides[b]), Ratio = Stats.MedianOf(Interleaved.Ratios(batches[a], batches[b])),
                    Budget = budget, Notes = note,
                };
                row.Extra["ratioOfRepetitionMedians"] = Stats.MedianOf(Interleaved.Ratios(sides[a], sides[b]));
                return row;
            }
            context.Add(Row("over the floor", "PortalIo", "PortalIo", "Floor", "raw client in a cmdlet", FloorBudget,
                notes + "; the floor: the hand-rolled client in a one-line binary cmdlet"));
            context.Add(Row("vs Invoke-RestMethod", "PortalIo", "PortalIo", "Irm", "Invoke-RestMethod script", InvokeRestMethodBudget,
                "Invoke-RestMethod with the HMAC done in the script (bench/pwsh/UserScripts.ps1)"));
            context.Add(Row("vs expert script", "PortalIo", "PortalIo", "Expert", "expert script", ExpertBudget,
                "one HttpClient and one HMAC for the script, ConvertFrom-Json (bench/pwsh/UserScripts.ps1)"));
            context.Add(Row("vs raw C# loop", "PortalIo", "PortalIo", "RawLoop", "raw C# loop", null,
                "information: the hand-rolled client in a C# loop, one .NET call per batch from the same shell"));
            context.Add(Row("engine floor", "Floor", "raw client in a cmdlet", "RawLoop", "raw C# loop", null,
                "information: what the engine charges any binary module per command"));
            context.Add(Row("parameter surface", "Shaped", "floor with PortalIo's parameters", "Floor", "raw client in a cmdlet", null,
                "information: the floor cmdlet behind Get-PortalProposal's two parameter sets, paging and parameters"));
            context.Add(Row("client", "Client", "PortalIo's client, C# loop", "RawLoop", "raw C# loop", null,
                "information: PortalIo's client (signing, pacing, retries, response checks) without a cmdlet"));
            context.Add(Row("cmdlet", "PortalIo", "PortalIo", "Client", "PortalIo's client, C# loop", null,
                "information: what Get-PortalProposal costs around its client, to set against 'engine floor'"));
        }
    }
}
