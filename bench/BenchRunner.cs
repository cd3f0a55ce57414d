using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using PortalIo.Bench.Scenarios;

namespace PortalIo.Bench
{
    /// <summary>Runs the scenarios in one process, prints one line per metric, writes bench/results/latest.json.</summary>
    public static class BenchRunner
    {
        public static readonly IReadOnlyList<(string Name, Action<BenchContext> Run)> Scenarios = new (string, Action<BenchContext>)[]
        {
            (PerCallScenario.Name, PerCallScenario.Run),
            (ListingScenario.Name, ListingScenario.Run),
            (PipelineScenario.Name, PipelineScenario.Run),
            (RateLimitScenario.Name, RateLimitScenario.Run),
            (WritesScenario.Name, WritesScenario.Run),
            (ImportScenario.Name, ImportScenario.Run),
            (StreamingScenario.Name, StreamingScenario.Run),
            (SigningScenario.Name, SigningScenario.Run),
            (SandboxScenario.Name, SandboxScenario.Run),
        };

        public sealed class Report
        {
            public string StartedUtc { get; set; } = "";
            public double DurationSeconds { get; set; }
            public string Size { get; set; } = "";
            public Dictionary<string, string> Machine { get; set; } = new Dictionary<string, string>();
            public BenchConfig Config { get; set; } = new BenchConfig();
            public List<BenchResult> Results { get; set; } = new List<BenchResult>();
            public bool AllBudgetsHold { get; set; }
        }

        /// <summary>Runs the named scenarios (all when empty); <paramref name="resultsFile"/> null writes nothing.</summary>
        public static Report Run(BenchConfig config, IEnumerable<string>? only, string size, string? resultsFile, Action<string>? log = null)
        {
            log ??= Console.WriteLine;
            var names = only?.ToList() ?? new List<string>();
            var unknown = names.Where(n => Scenarios.All(s => !s.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException("Unknown scenario(s): " + string.Join(", ", unknown) + ". Known: " + string.Join(", ", Scenarios.Select(s => s.Name)) + ".");

            var report = new Report { StartedUtc = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture), Size = size, Config = config, Machine = Machine() };
            log("PortalIo benchmark (" + size + "): " + string.Join(", ", report.Machine.Select(p => p.Key + "=" + p.Value)));
            log(string.Format(CultureInfo.InvariantCulture, "{0,-26} {1,-22} {2,18} {3,18}  {4}", "scenario/metric", "[unit]", "PortalIo median", "baseline median", "ratio = PortalIo/baseline"));
            var total = Stopwatch.StartNew();
            using (var context = new BenchContext(config, log))
            {
                foreach (var (name, run) in Scenarios)
                {
                    if (names.Count > 0 && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
                    var sw = Stopwatch.StartNew();
                    run(context);
                    log(string.Format(CultureInfo.InvariantCulture, "  ({0} took {1:0.0} s)", name, sw.Elapsed.TotalSeconds));
                }
                report.Results = context.Results;
            }
            report.DurationSeconds = Math.Round(total.Elapsed.TotalSeconds, 1);
            report.Machine["loadAverageAfter"] = LoadAverage();
            report.AllBudgetsHold = report.Results.All(r => r.Pass != false);
            log(string.Format(CultureInfo.InvariantCulture, "{0} in {1:0.0} s; budgets: {2}", report.Results.Count + " results", report.DurationSeconds,
                !config.JudgeBudgets ? "not judged" : report.AllBudgetsHold ? "all hold" : "FAILED: " + string.Join(", ", report.Results.Where(r => r.Pass == false).Select(r => r.Scenario + "/" + r.Metric))));

            if (resultsFile != null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(resultsFile)!);
                File.WriteAllText(resultsFile, JsonSerializer.Serialize(report, new JsonSerializerOptions
                {
                    WriteIndented = true,
                    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
                }));
                log("Wrote " + resultsFile);
            }
            return report;
        }

        public static Dictionary<string, string> Machine() => new Dictionary<string, string>
        {
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["os"] = RuntimeInformation.OSDescription.Trim(),
            ["arch"] = RuntimeInformation.OSArchitecture.ToString(),
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["powershell"] = typeof(System.Management.Automation.PSObject).Assembly.GetName().Version?.ToString() ?? "?",
            // The hosted engine binds PortalIo.dll by name to the copy next to the bench (same build as
            // out/PortalIo, staged by the same build); its configuration is what was measured.
            ["module"] = "PortalIo.dll " + (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyConfigurationAttribute>(
                typeof(PortalIo.Signing.RequestSigner).Assembly)?.Configuration ?? "?"),
            // What the pwsh scenarios import: out/PortalIo as the last build of any configuration staged it, unless told otherwise.
            ["pwshModule"] = Path.GetRelativePath(BenchPaths.RepoRoot, BenchPaths.PwshModule).Replace('\\', '/') + " "
                + BenchPaths.Configuration(Path.Combine(Path.GetDirectoryName(BenchPaths.PwshModule)!, "PortalIo.dll")),
            ["gc"] = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
            ["loadAverageBefore"] = LoadAverage(),
        };

        /// <summary>The 1-minute load average (Linux), to tell a quiet machine from a busy one.</summary>
        private static string LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
            }
            catch (IOException)
            {
                return "n/a";
            }
        }
    }
}
