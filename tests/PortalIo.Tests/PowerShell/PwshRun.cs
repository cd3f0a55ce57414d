using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// Runs the real pwsh (the PowerShell dotnet tool pinned in .config/dotnet-tools.json) in a child
    /// process with the staged module imported: what a user at a prompt, or a runbook started with
    /// pwsh -NonInteractive, sees. Output is redirected, so the console is 80 columns wide, as in a
    /// log of pwsh -File; colours are off so that the text can be compared.
    /// </summary>
    internal sealed class PwshRun
    {
        public int ExitCode { get; private init; }
        public string StandardOutput { get; private init; } = string.Empty;
        public string StandardError { get; private init; } = string.Empty;
        public string All => StandardOutput + "\n" + StandardError;

        /// <summary>Runs a script file with the module imported first.</summary>
        public static PwshRun File(string scriptPath, params string[] arguments) =>
            Start(null, "& '" + Path.GetFullPath(scriptPath).Replace("'", "''") + "' @args; exit $(if ($?) { 0 } else { 1 })", arguments);

        /// <summary>Runs a command line with the module imported first.</summary>
        public static PwshRun Command(string command) => Start(null, command, Array.Empty<string>());

        /// <summary>
        /// Runs a command line in a fresh pwsh that has not imported the module ($env:PORTALIO_MODULE
        /// names the staged manifest), with more environment variables.
        /// </summary>
        public static PwshRun Fresh(string command, IReadOnlyDictionary<string, string> environment) =>
            Start(null, command, Array.Empty<string>(), importModule: false, environment);

        /// <summary>Runs the built tools/PortalIo.Run, exactly as README's main command does after its build.</summary>
        public static PwshRun Launcher(params string[] arguments) => Start(TestPaths.LauncherDll, null, arguments);

        private static PwshRun Start(string? launcher, string? command, string[] arguments, bool importModule = true,
            IReadOnlyDictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = TestPaths.RepoRoot,
            };
            info.Environment["PORTALIO_MODULE"] = TestPaths.StagedManifest;
            info.Environment["NO_COLOR"] = "1";
            foreach (var variable in environment ?? new Dictionary<string, string>()) info.Environment[variable.Key] = variable.Value;
            if (launcher != null)
            {
                if (!System.IO.File.Exists(launcher)) throw new FileNotFoundException("Build tools/PortalIo.Run first.", launcher);
                info.ArgumentList.Add(launcher);
            }
            else
            {
                foreach (var a in new[] { "tool", "run", "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command",
                    "$PSStyle.OutputRendering = 'PlainText'\n" + (importModule ? "Import-Module $env:PORTALIO_MODULE -ErrorAction Stop\n" : "") + command })
                    info.ArgumentList.Add(a);
            }
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(180_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("pwsh did not finish within 180 s.");
            }
            Task.WaitAll(output, error);
            return new PwshRun { ExitCode = process.ExitCode, StandardOutput = output.Result, StandardError = error.Result };
        }
    }
}
