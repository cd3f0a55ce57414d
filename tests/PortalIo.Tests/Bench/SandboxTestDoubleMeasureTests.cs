using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PortalIo.Tests.PowerShell;
using Xunit;

namespace PortalIo.Tests.Bench
{
    /// <summary>
    /// bench/Measure-SandboxTestDouble.ps1 (the figures about_PortalIo_Testing quotes) at a tiny size
    /// in the real pwsh, so that it never rots. No timing assertion.
    /// </summary>
    public class SandboxTestDoubleMeasureTests
    {
        [Fact]
        public void The_measure_script_runs_every_measure_and_prints_a_median_and_a_p95_for_each()
        {
            var script = Path.Combine(TestPaths.RepoRoot, "bench", "Measure-SandboxTestDouble.ps1");
            var run = PwshRun.Command("& '" + script.Replace("'", "''") + "' -Iterations 2 -ModulePath $env:PORTALIO_MODULE");

            Assert.True(run.ExitCode == 0, run.All);
            var lines = run.StandardOutput.Split('\n').Where(l => l.Contains(" median ")).ToList();
            Assert.Equal(5, lines.Count);
            Assert.All(lines, l => Assert.Matches(@"median +[0-9]+\.[0-9]{2} ms +p95 +[0-9]+\.[0-9]{2} ms +\(2 runs\)", l));
            Assert.Contains(lines, l => l.StartsWith("Reset-PortalSandbox", System.StringComparison.Ordinal));
            Assert.Matches(@"First Start \+ Connect-Portal \+ Stop in a pwsh +once +[0-9]+\.[0-9]{2} ms", run.StandardOutput);
        }
    }
}
