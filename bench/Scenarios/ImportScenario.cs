using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using PS = System.Management.Automation.PowerShell;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 2. Import. Cold: a fresh process per repetition (this program with --import-child) opens a
    /// runspace, then times Import-Module of the staged psd1 (PortalIo) or of a one-cmdlet binary
    /// module built the same way (PortalIo.BenchTiny, netstandard2.0 + PowerShellStandard.Library),
    /// alternately. Warm: the same in this process, in a fresh runspace each time (assemblies
    /// already loaded: what remains is PowerShell's own work on the manifest, cmdlets, formats and types).
    /// Lazy loading: the assemblies PortalIo's import loads beyond the baseline's must include
    /// neither System.Text.Json, System.Net.Http nor PortalIo.Sandbox (so no JSON options, no
    /// HttpClient and no sandbox exist before the first call).
    /// </summary>
    public static class ImportScenario
    {
        public const string Name = "import";
        public const string ChildSwitch = "--import-child";
        private const string ResultPrefix = "IMPORT-RESULT ";
        public static readonly string[] HeavyAssemblies = { "System.Text.Json", "System.Net.Http", "PortalIo.Sandbox" };

        public sealed class ChildResult
        {
            public double OpenMs { get; set; }
            public double ImportMs { get; set; }
            public List<string> Loaded { get; set; } = new List<string>();

            /// <summary>PortalIo.Http.PortalJson.IsCreated after the import (null for the baseline module).</summary>
            public bool? JsonOptionsCreated { get; set; }
        }

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            var portalIo = BenchPaths.StagedManifest;
            var tiny = BenchPaths.StageTinyModule();

            // Cold: fresh processes, alternating.
            var last = new Dictionary<string, ChildResult>();
            double Cold(string manifest)
            {
                var result = RunChild(manifest);
                last[manifest] = result;
                return result.ImportMs;
            }
            Cold(tiny); // warm the disk cache and the dotnet host once
            var (coldA, coldB, coldRatios) = Interleaved.Run(config.ImportColdRepetitions, () => Cold(portalIo), () => Cold(tiny));
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "cold Import-Module", Unit = "ms",
                PortalIo = new Stats(coldA), Baseline = new Stats(coldB), Ratio = Stats.MedianOf(coldRatios),
                BaselineLabel = "1-cmdlet module", Budget = 2.0,
                Notes = "fresh process per import, " + config.ImportColdRepetitions + " per side; runspace open " +
                        last[portalIo].OpenMs.ToString("0") + " ms not counted",
            });

            // Warm: fresh runspaces in this process.
            double Warm(string manifest)
            {
                using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                runspace.Open();
                return TimeImport(runspace, manifest);
            }
            Warm(portalIo);
            Warm(tiny);
            var (warmA, warmB, warmRatios) = Interleaved.Run(config.ImportWarmRepetitions, () => Warm(portalIo), () => Warm(tiny));
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "warm Import-Module", Unit = "ms",
                PortalIo = new Stats(warmA), Baseline = new Stats(warmB), Ratio = Stats.MedianOf(warmRatios),
                BaselineLabel = "1-cmdlet module",
                Notes = "fresh runspace, assemblies already loaded (no budget: informational)",
            });

            // Lazy loading: what PortalIo's import loaded that the baseline's did not.
            var extra = last[portalIo].Loaded.Except(last[tiny].Loaded, StringComparer.OrdinalIgnoreCase)
                .Where(n => !n.Equals("PortalIo", StringComparison.OrdinalIgnoreCase)).OrderBy(n => n).ToList();
            var heavy = extra.Where(n => HeavyAssemblies.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
            var jsonCreated = last[portalIo].JsonOptionsCreated;
            if (jsonCreated != false) heavy.Add(jsonCreated == true ? "PortalJson.Options (created at import)" : "PortalJson.IsCreated (not readable)");
            var loadedByEngine = HeavyAssemblies.Where(h => last[tiny].Loaded.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            var result = new BenchResult
            {
                Scenario = Name, Metric = "lazy loading", Unit = "assemblies", PortalIoLabel = "", BaselineLabel = "",
                Notes = (heavy.Count == 0 ? "no heavy assembly loaded and no JSON options created by PortalIo's import" : "LOADED AT IMPORT: " + string.Join(", ", heavy)) +
                        "; extra beyond baseline: [" + string.Join(", ", extra) + "]" +
                        (loadedByEngine.Count > 0 ? "; already loaded by the engine itself: " + string.Join(", ", loadedByEngine) : ""),
            };
            result.Extra["extraAssemblies"] = extra.Count;
            result.Extra["heavyAssembliesLoaded"] = heavy.Count;
            if (config.JudgeBudgets) result.Pass = heavy.Count == 0;
            context.Add(result);
        }

        public static double TimeImport(Runspace runspace, string manifest)
        {
            using var ps = PS.Create();
            ps.Runspace = runspace;
            ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop");
            var sw = Stopwatch.StartNew();
            ps.Invoke();
            var elapsed = sw.Elapsed.TotalMilliseconds;
            if (ps.HadErrors) throw new InvalidOperationException("Import-Module " + manifest + " failed: " + string.Join("; ", ps.Streams.Error));
            return elapsed;
        }

        /// <summary>The child side: open a runspace, time the import, list the loaded assemblies, print one line.</summary>
        public static int ChildMain(string manifest)
        {
            // BENCH_TRACE_LOAD=Name prints the stack that loads that assembly (to find what an import triggers).
            var traced = Environment.GetEnvironmentVariable("BENCH_TRACE_LOAD");
            if (!string.IsNullOrEmpty(traced))
                AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
                {
                    if (string.Equals(e.LoadedAssembly.GetName().Name, traced, StringComparison.OrdinalIgnoreCase))
                        Console.Error.WriteLine("Loaded " + traced + " from:\n" + Environment.StackTrace);
                };
            var sw = Stopwatch.StartNew();
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            var open = sw.Elapsed.TotalMilliseconds;
            var import = TimeImport(runspace, manifest);
            var assemblies = AppDomain.CurrentDomain.GetAssemblies();
            var loaded = assemblies.Select(a => a.GetName().Name ?? "").Distinct().OrderBy(n => n).ToList();
            // Read without side effects: PortalJson has no static initializer, IsCreated only looks at the field.
            var portalIo = assemblies.FirstOrDefault(a => a.GetName().Name == "PortalIo");
            var created = portalIo?.GetType("PortalIo.Http.PortalJson")
                ?.GetProperty("IsCreated", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null) as bool?;
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(new ChildResult { OpenMs = open, ImportMs = import, Loaded = loaded, JsonOptionsCreated = created }));
            return 0;
        }

        public static ChildResult RunChild(string manifest)
        {
            var (host, dll) = ChildCommand();
            var psi = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("exec");
            psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add(ChildSwitch);
            psi.ArgumentList.Add(manifest);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + host);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000)) { process.Kill(); throw new TimeoutException("The import child did not finish."); }
            var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
            if (process.ExitCode != 0 || line is null)
                throw new InvalidOperationException("The import child failed (exit " + process.ExitCode + "): " + stdout + stderr.Result);
            return JsonSerializer.Deserialize<ChildResult>(line.Substring(ResultPrefix.Length))!;
        }

        /// <summary>
        /// The dotnet host and this program's dll, with its runtimeconfig (when the bench is loaded
        /// from another project's output, e.g. the tests, its own build output is used).
        /// </summary>
        private static (string Host, string Dll) ChildCommand()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (string.IsNullOrEmpty(host) || !File.Exists(host))
            {
                var self = Environment.ProcessPath;
                host = self != null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
            }
            var dll = typeof(ImportScenario).Assembly.Location;
            if (HasRuntimeConfig(dll)) return (host, dll);
            var candidates = new[] { "Release", "Debug" }
                .Select(c => Path.Combine(BenchPaths.RepoRoot, "bench", "bin", c, "net10.0", "PortalIo.Bench.dll"))
                .Where(File.Exists).Where(HasRuntimeConfig).OrderByDescending(File.GetLastWriteTimeUtc).ToList();
            if (candidates.Count == 0) throw new FileNotFoundException("No runnable PortalIo.Bench.dll (with its runtimeconfig) was found.");
            return (host, candidates[0]);
        }

        private static bool HasRuntimeConfig(string dll) => File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));
    }
}
