using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>Runs tools/PortalIo.Shell in a child process, exactly as README's first command does.</summary>
    internal sealed class ShellRun
    {
        public int ExitCode { get; private init; }
        public string StandardOutput { get; private init; } = string.Empty;
        public string StandardError { get; private init; } = string.Empty;
        public string All => StandardOutput + "\n" + StandardError;

        public static ShellRun Start(params string[] arguments)
        {
            if (!File.Exists(TestPaths.ShellDll)) throw new FileNotFoundException("Build tools/PortalIo.Shell first.", TestPaths.ShellDll);
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = TestPaths.RepoRoot,
            };
            info.ArgumentList.Add(TestPaths.ShellDll);
            info.ArgumentList.Add("-Module");
            info.ArgumentList.Add(TestPaths.StagedManifest);
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The shell did not finish within 120 s.");
            }
            Task.WaitAll(output, error);
            return new ShellRun { ExitCode = process.ExitCode, StandardOutput = output.Result, StandardError = error.Result };
        }
    }
}
