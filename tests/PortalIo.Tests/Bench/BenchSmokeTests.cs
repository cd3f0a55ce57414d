using System.Linq;
using PortalIo.Bench;
using Xunit;

namespace PortalIo.Tests.Bench
{
    /// <summary>
    /// Every benchmark scenario at a tiny size, so that the harness (bench/) never rots. No timing
    /// assertion: the figures of a tiny run mean nothing; `dotnet run -c Release --project bench` judges the budgets.
    /// </summary>
    public class BenchSmokeTests
    {
        [Fact]
        public void Every_scenario_runs_at_a_tiny_size_and_reports_figures()
        {
            var lines = new System.Collections.Generic.List<string>();
            var report = BenchRunner.Run(BenchConfig.Tiny, only: null, size: "tiny", resultsFile: null, log: lines.Add);

            foreach (var (name, _) in BenchRunner.Scenarios)
                Assert.Contains(report.Results, r => r.Scenario == name);
            var measured = report.Results.Where(r => r.PortalIo != null).ToList();
            // A figure may be negative (a difference of memory growths), never missing.
            Assert.All(measured, r => Assert.True(!double.IsNaN(r.PortalIo!.Median) && !double.IsInfinity(r.PortalIo.Median), r.ToString()));
            // A ratio to a baseline of 0 is left out on purpose (streaming: the small run's peak growth can be 0.0 MB at this size).
            Assert.All(report.Results.Where(r => r.Baseline != null && r.Baseline.Median != 0), r => Assert.NotNull(r.Ratio));
            Assert.Null(report.Results.FirstOrDefault(r => r.Pass != null)); // not judged at this size
            Assert.Contains(lines, l => l.StartsWith("per-call/", System.StringComparison.Ordinal));
        }
    }
}
