using System;
using System.Linq;
using PortalIo.Bench.Scenarios;

namespace PortalIo.Bench
{
    /// <summary>
    /// dotnet run -c Release --project bench -- [scenario...] [--quick | --tiny] [--no-save]
    /// Scenarios: per-call, import, streaming, fan-out, signing, sandbox (all by default).
    /// Exit code 1 when a budget does not hold.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length >= 2 && args[0] == ImportScenario.ChildSwitch) return ImportScenario.ChildMain(args[1]);
            if (args.Length >= 2 && args[0] == "--ctor-probe")
            {
                // Which public type's constructors make reflection load a given assembly (PowerShell asks each
                // exported type for a default constructor at import). Default: System.Net.Http.
                var watched = args.Length >= 3 ? args[2] : "System.Net.Http";
                bool Loaded() => AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == watched);
                var asm = System.Reflection.Assembly.LoadFrom(args[1]);
                AppDomain.CurrentDomain.AssemblyLoad += (_, e) => { if (e.LoadedAssembly.GetName().Name == watched) Console.WriteLine(Environment.StackTrace); };
                foreach (var t in asm.GetExportedTypes())
                {
                    var before = Loaded();
                    t.GetConstructor(Type.EmptyTypes);
                    if (!before && Loaded()) Console.WriteLine("loads " + watched + ": " + t.FullName);
                }
                return 0;
            }
            if (args.Contains("--diag")) return Diagnostics.Run();
            if (args.Contains("--help") || args.Contains("-h"))
            {
                Console.WriteLine("Usage: dotnet run -c Release --project bench -- [scenario...] [--quick | --tiny] [--no-save]");
                Console.WriteLine("Scenarios: " + string.Join(", ", BenchRunner.Scenarios.Select(s => s.Name)) + " (default: all)");
                return 0;
            }
            var size = args.Contains("--tiny") ? "tiny" : args.Contains("--quick") ? "quick" : "full";
            var config = size == "tiny" ? BenchConfig.Tiny : size == "quick" ? BenchConfig.Quick : BenchConfig.Full;
            var scenarios = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
            // Only a full run of every scenario replaces the published figures.
            var save = !args.Contains("--no-save") && size == "full" && scenarios.Count == 0;
            try
            {
                var report = BenchRunner.Run(config, scenarios, size, save ? BenchPaths.ResultsFile : null);
                return report.AllBudgetsHold ? 0 : 1;
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
        }
    }
}
