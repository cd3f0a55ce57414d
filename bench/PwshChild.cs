using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PortalIo.Sandbox;

namespace PortalIo.Bench
{
    /// <summary>
    /// Runs one of bench/pwsh/*.ps1 in the real pwsh of the tool manifest (dotnet tool run pwsh), as a
    /// user's shell: the staged module, a session to a sandbox of this process, the scenario's sizes.
    /// The script measures in its own process and prints one "BENCH-RESULT {json}" line.
    /// </summary>
    public static class PwshChild
    {
        private const string ResultPrefix = "BENCH-RESULT ";

        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

        /// <summary>Runs the script against a sandbox, signed in with the demo user's key (exchanged here, outside any measure).</summary>
        public static JsonElement Run(string script, SandboxServer sandbox, object config) =>
            Run(script, sandbox, BenchContext.ExchangeUserKey(sandbox), config);

        public static JsonElement Run(string script, SandboxServer sandbox, string userKey, object config)
        {
            var path = Path.Combine(BenchPaths.RepoRoot, "bench", "pwsh", script);
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                // dotnet tool run finds the manifest (.config/dotnet-tools.json) from here.
                WorkingDirectory = BenchPaths.RepoRoot,
            };
            foreach (var argument in new[] { "tool", "run", "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", path })
                info.ArgumentList.Add(argument);
            info.Environment["PORTALIO_BENCH_BASEURI"] = sandbox.BaseUri.ToString();
            info.Environment["PORTALIO_BENCH_APPKEY"] = sandbox.ApplicationKey;
            info.Environment["PORTALIO_BENCH_SECRET"] = sandbox.SecretKey;
            info.Environment["PORTALIO_BENCH_USERKEY"] = userKey;
            info.Environment["PORTALIO_BENCH_MODULE"] = BenchPaths.PwshModule;
            info.Environment["PORTALIO_BENCH_DLL"] = typeof(PwshChild).Assembly.Location;
            info.Environment["PORTALIO_BENCH_CONFIG"] = JsonSerializer.Serialize(config);
            info.Environment["NO_COLOR"] = "1";

            using var process = Process.Start(info) ?? throw new InvalidOperationException("pwsh did not start.");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(script + " did not finish within " + Timeout.TotalSeconds + " s.");
            }
            Task.WaitAll(output, error);
            var line = output.Result.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
            if (process.ExitCode != 0 || line is null)
                throw new InvalidOperationException(script + " failed (exit code " + process.ExitCode + "):\n" + output.Result + "\n" + error.Result);
            using var document = JsonDocument.Parse(line.Substring(ResultPrefix.Length));
            return document.RootElement.Clone();
        }

        /// <summary>Per side, the list of numbers the script measured (one per repetition).</summary>
        public static Dictionary<string, List<double>> Sides(JsonElement result, string property = "sides") =>
            result.GetProperty(property).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetDouble()).ToList());
    }
}
