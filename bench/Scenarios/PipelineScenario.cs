using System;
using System.Linq;
using PortalIo.PowerShell;
using PortalIo.Sandbox;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// Pipeline, in the real pwsh (bench/pwsh/Pipeline.ps1), the sandbox answering after
    /// <see cref="BenchConfig.PipelineLatencyMs"/> ms: <c>Get-PortalProposal -First N | Get-PortalArea</c>
    /// against its ideal, the listing alone (measured in the same repetition) plus ceil(N / 8) rounds
    /// of the latency (Get-PortalArea's default -ThrottleLimit of 8 reads at once). Measure: ms per
    /// run; the budget is on pipeline / ideal.
    /// </summary>
    public static class PipelineScenario
    {
        public const string Name = "pipeline";
        public const double Budget = 1.3;

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            using var sandbox = SandboxServer.Start(new SandboxOptions
            {
                ExtraProposalCount = config.PipelineFirst,
                Latency = TimeSpan.FromMilliseconds(config.PipelineLatencyMs),
            });
            var result = PwshChild.Run("Pipeline.ps1", sandbox, new { first = config.PipelineFirst, repetitions = config.PipelineRepetitions });
            var sides = PwshChild.Sides(result);
            var rounds = (config.PipelineFirst + PortalFanOutCmdlet.DefaultThrottleLimit - 1) / PortalFanOutCmdlet.DefaultThrottleLimit;
            var ideal = sides["Listing"].Select(listing => listing + rounds * config.PipelineLatencyMs).ToList();
            var pipeline = sides["Pipeline"];
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "-First " + config.PipelineFirst + " | Get-PortalArea @" + config.PipelineLatencyMs + "ms", Unit = "ms/run",
                PortalIoLabel = "pipeline", BaselineLabel = "ideal", PortalIo = new Stats(pipeline), Baseline = new Stats(ideal),
                Ratio = Stats.MedianOf(Interleaved.Ratios(pipeline, ideal)), Budget = Budget,
                Notes = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "ideal = the listing alone ({0:0} ms) + {1} x {2} ms; {3} reps in pwsh; {4} areas written",
                    Stats.MedianOf(sides["Listing"]), rounds, config.PipelineLatencyMs, config.PipelineRepetitions, result.GetProperty("areas").GetInt32()),
            });
        }
    }
}
