using System;
using PortalIo.Sandbox;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// Writes (information, no budget), in the real pwsh (bench/pwsh/Writes.ps1), the sandbox
    /// answering after <see cref="BenchConfig.WritesLatencyMs"/> ms: one area added to each of
    /// <see cref="BenchConfig.WritesCount"/> proposals by piping them into Add-PortalArea (PortalIo
    /// writes one after another), against the same writes overlapped by the user with
    /// <c>ForEach-Object -Parallel -ThrottleLimit 8</c>. What overlapping writes would gain, and what a
    /// user can do today when the writes are independent (docs/api-decisions.md, 'Fan-out').
    /// </summary>
    public static class WritesScenario
    {
        public const string Name = "writes";

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            using var sandbox = SandboxServer.Start(new SandboxOptions
            {
                ExtraProposalCount = config.WritesCount,
                Latency = TimeSpan.FromMilliseconds(config.WritesLatencyMs),
            });
            var result = PwshChild.Run("Writes.ps1", sandbox,
                new { firstId = SandboxSeed.FirstExtraProposalId, count = config.WritesCount, repetitions = config.WritesRepetitions });
            var sides = PwshChild.Sides(result);
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = config.WritesCount + " Add-PortalArea @" + config.WritesLatencyMs + "ms", Unit = "ms/run",
                PortalIoLabel = "one after another", BaselineLabel = "ForEach-Object -Parallel", PortalIo = new Stats(sides["PortalIo"]),
                Baseline = new Stats(sides["Parallel"]), Ratio = Stats.MedianOf(Interleaved.Ratios(sides["PortalIo"], sides["Parallel"])),
                Notes = "information: " + config.WritesRepetitions + " reps per side in pwsh; one area per proposal, each proposal written once per rep",
            });
        }
    }
}
