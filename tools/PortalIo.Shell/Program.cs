using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using System.Threading;

namespace PortalIo.Shell
{
    /// <summary>
    /// PortalIo.Shell: runs PowerShell (the 7.6 engine from NuGet) with the staged PortalIo module
    /// imported, for machines without pwsh and for the README demo.
    /// <code>
    /// PortalIo.Shell [-NoModule | -Module &lt;psd1&gt;] &lt;script.ps1&gt; [script args...]
    /// PortalIo.Shell [-NoModule | -Module &lt;psd1&gt;] -Command &lt;text&gt;
    /// PortalIo.Shell [-NoModule | -Module &lt;psd1&gt;]                     (interactive prompt)
    /// </code>
    /// Exit codes: 0 success; N from <c>exit N</c>; 1 a terminating error (or Ctrl+C);
    /// 2 usage error, script not found, or the module could not be found or imported.
    /// </summary>
    internal static class Program
    {
        private const int ExitSuccess = 0;
        private const int ExitFailure = 1;
        private const int ExitSetup = 2;

        private const string Usage =
            "Usage: PortalIo.Shell [-NoModule | -Module <path.psd1>] <script.ps1> [script args...]\n" +
            "       PortalIo.Shell [-NoModule | -Module <path.psd1>] -Command <text>\n" +
            "       PortalIo.Shell [-NoModule | -Module <path.psd1>]          (interactive prompt; 'exit' quits)\n" +
            "\n" +
            "Imports the staged module (out/PortalIo/PortalIo.psd1, found by walking up from the shell's\n" +
            "binaries, or $env:" + ModuleLocator.EnvironmentVariable + ") before running anything.\n" +
            "With dotnet: dotnet run --project tools/PortalIo.Shell -- <arguments above>";

        // "-Name", "-Name:" and "-Name:value" are passed to the script as named parameters, as pwsh -File does.
        private static readonly Regex ParameterName = new(@"^-([A-Za-z_?][\w-]*)(?:(:)(.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private static PowerShell? _running;
        private static int _cancelPresses;

        private static int Main(string[] args)
        {
            if (!TryParse(args, out var options, out var usageError))
            {
                Console.Error.WriteLine(usageError);
                Console.Error.WriteLine();
                Console.Error.WriteLine(Usage);
                return ExitSetup;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(Usage);
                return ExitSuccess;
            }

            // Resolve everything that can fail cheaply before paying for the engine's start-up.
            string? modulePath = null;
            if (!options.NoModule)
            {
                if (options.ModulePath is not null)
                {
                    modulePath = Path.GetFullPath(options.ModulePath);
                    if (!File.Exists(modulePath))
                    {
                        Console.Error.WriteLine($"PortalIo.Shell: module manifest '{options.ModulePath}' does not exist.");
                        return ExitSetup;
                    }
                }
                else
                {
                    modulePath = ModuleLocator.Find(out var lookupError);
                    if (modulePath is null)
                    {
                        Console.Error.WriteLine("PortalIo.Shell: " + lookupError);
                        return ExitSetup;
                    }
                }
            }

            string? scriptPath = null;
            if (options.Script is not null)
            {
                scriptPath = Path.GetFullPath(options.Script);
                if (!File.Exists(scriptPath))
                {
                    Console.Error.WriteLine($"PortalIo.Shell: script '{options.Script}' does not exist.");
                    return ExitSetup;
                }
            }

            Console.CancelKeyPress += OnCancelKeyPress;

            var host = new ShellHost();
            var iss = InitialSessionState.CreateDefault2();

            // Execution policy exists only on Windows (setting it elsewhere makes Open() throw
            // PlatformNotSupportedException); there it lets the shell run unsigned local scripts
            // whatever the machine's policy is, as `pwsh -ExecutionPolicy Unrestricted` would.
            if (OperatingSystem.IsWindows())
            {
                iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Unrestricted;
            }

            StandardShims.AddMissing(iss);

            using var runspace = RunspaceFactory.CreateRunspace(host, iss);
            runspace.Open();

            if (modulePath is not null)
            {
                var imported = Invoke(host, runspace, ps => ps
                    .AddCommand("Import-Module")
                    .AddParameter("Name", modulePath)
                    .AddParameter("ErrorAction", ActionPreference.Stop), out _);
                if (!imported)
                {
                    host.UI.WriteErrorLine($"PortalIo.Shell: could not import '{modulePath}'. Run 'dotnet build' at the repository root to restage it.");
                    return ExitSetup;
                }
            }

            if (scriptPath is not null)
            {
                // A script's `exit N` does not escape the script (the engine catches it and sets
                // $LASTEXITCODE), so that is where its exit code is read from, as pwsh -File does.
                runspace.SessionStateProxy.SetVariable("global:LASTEXITCODE", 0);
                var ok = Invoke(host, runspace, ps => AddScriptFile(ps, scriptPath, options.ScriptArgs), out var exitCode);
                if (!ok)
                {
                    return ExitFailure;
                }

                return exitCode ?? ToExitCode(runspace.SessionStateProxy.GetVariable("global:LASTEXITCODE"));
            }

            if (options.Command is not null)
            {
                var ok = Invoke(host, runspace, ps => ps.AddScript(options.Command), out var exitCode);
                return exitCode ?? (ok ? ExitSuccess : ExitFailure);
            }

            return RunInteractive(host, runspace);
        }

        /// <summary>One line at a time; multi-line input is out of scope.</summary>
        private static int RunInteractive(ShellHost host, Runspace runspace)
        {
            if (ShellHostUserInterface.IsInteractive)
            {
                host.UI.WriteLine($"PortalIo.Shell {ShellHost.DisplayVersion} (PowerShell {PSVersionInfo()}). Type 'exit' to quit.");
            }

            while (true)
            {
                host.UI.Write("PS> ");
                var line = Console.ReadLine();
                if (line is null)
                {
                    // EOF (Ctrl+D, or the end of piped input): finish the prompt's line and stop.
                    host.UI.WriteLine();
                    return ExitSuccess;
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (string.Equals(line, "exit", StringComparison.OrdinalIgnoreCase))
                {
                    return ExitSuccess;
                }

                Invoke(host, runspace, ps => ps.AddScript(line), out var exitCode);
                if (exitCode is not null)
                {
                    // `exit N` typed at the prompt ends the shell, as in pwsh.
                    return exitCode.Value;
                }
            }
        }

        private static string PSVersionInfo() =>
            typeof(PowerShell).Assembly.GetName().Version?.ToString(3) ?? "7";

        /// <summary>
        /// Runs what <paramref name="build"/> adds, followed by Out-Default so that the output is
        /// formatted by the host exactly as pwsh would show it (tables, lists, help). The first
        /// command's errors are merged into its output so Out-Default renders them in the usual
        /// error view, in order with the output.
        /// </summary>
        /// <param name="exitCode">The N of an <c>exit N</c>, when the script used one.</param>
        /// <returns>False when a terminating error (or Ctrl+C) stopped the pipeline.</returns>
        private static bool Invoke(ShellHost host, Runspace runspace, Action<PowerShell> build, out int? exitCode)
        {
            exitCode = null;
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            build(ps);
            ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
            ps.AddCommand("Out-Default");

            Interlocked.Exchange(ref _cancelPresses, 0);
            Volatile.Write(ref _running, ps);
            try
            {
                ps.Invoke();
                if (ps.InvocationStateInfo.State == PSInvocationState.Stopped)
                {
                    host.UI.WriteErrorLine("PortalIo.Shell: stopped.");
                    return false;
                }

                return true;
            }
            catch (ExitException exit)
            {
                // `exit N` at the top level of -Command text or of a prompt line.
                exitCode = ToExitCode(exit.Argument);
                return true;
            }
            catch (PipelineStoppedException)
            {
                host.UI.WriteErrorLine("PortalIo.Shell: stopped.");
                return false;
            }
            catch (RuntimeException e)
            {
                WriteTerminatingError(host, e.ErrorRecord);
                return false;
            }
            finally
            {
                Volatile.Write(ref _running, null);
                if (host.ShouldExit)
                {
                    exitCode ??= host.ExitCode;
                }
            }
        }

        /// <summary>
        /// Runs the script as a command, not as script text, so that $PSScriptRoot, $PSCommandPath
        /// and param() behave as with <c>pwsh -File</c>. Arguments that look like "-Name" are
        /// bound as named parameters: a switch on its own, any other parameter with the next
        /// argument as its value ("-Name:" always takes the next argument). The script's own
        /// parameter metadata decides which is which, since the argument list alone cannot tell.
        /// </summary>
        private static void AddScriptFile(PowerShell ps, string scriptPath, IReadOnlyList<string> args)
        {
            var script = ps.Runspace.SessionStateProxy.InvokeCommand.GetCommand(scriptPath, CommandTypes.ExternalScript);
            var parameters = script?.Parameters;

            ps.AddCommand(scriptPath);
            for (var i = 0; i < args.Count; i++)
            {
                var match = ParameterName.Match(args[i]);
                if (!match.Success)
                {
                    ps.AddArgument(args[i]);
                    continue;
                }

                var name = match.Groups[1].Value;
                var explicitValue = match.Groups[2].Success;
                var parameter = parameters is null ? null : ResolveParameter(parameters, name);

                if (explicitValue && match.Groups[3].Length > 0)
                {
                    // "-Name:value" in one argument. For a switch this is how it is turned off
                    // ("-Force:$false"); the string "$false" would convert to true, so map it here.
                    var value = match.Groups[3].Value;
                    ps.AddParameter(
                        parameter?.Name ?? name,
                        parameter is not null && parameter.SwitchParameter ? (object)ParseSwitchValue(value) : value);
                }
                else if (explicitValue && i + 1 < args.Count)
                {
                    ps.AddParameter(parameter?.Name ?? name, args[++i]);
                }
                else if (parameter is not null && parameter.SwitchParameter)
                {
                    ps.AddParameter(parameter.Name, true);
                }
                else if (parameter is not null && i + 1 < args.Count)
                {
                    ps.AddParameter(parameter.Name, args[++i]);
                }
                else if (parameter is not null)
                {
                    // A parameter that needs a value, with nothing after it: let the engine report it.
                    ps.AddParameter(parameter.Name);
                }
                else
                {
                    // Not a parameter of the script: pass the text on as pwsh -File does, into
                    // $args or a ValueFromRemainingArguments parameter.
                    ps.AddArgument(args[i]);
                }
            }
        }

        private static bool ParseSwitchValue(string value) =>
            value.TrimStart('$').ToLowerInvariant() is not ("false" or "0");

        /// <summary>Exact name, alias, or unambiguous prefix, as the parameter binder accepts.</summary>
        private static ParameterMetadata? ResolveParameter(Dictionary<string, ParameterMetadata> parameters, string name)
        {
            ParameterMetadata? prefixMatch = null;
            var prefixMatches = 0;
            foreach (var parameter in parameters.Values)
            {
                if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase) ||
                    parameter.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
                {
                    return parameter;
                }

                if (parameter.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    prefixMatch = parameter;
                    prefixMatches++;
                }
            }

            return prefixMatches == 1 ? prefixMatch : null;
        }

        private static void WriteTerminatingError(ShellHost host, ErrorRecord record)
        {
            var message = record.ErrorDetails?.Message;
            if (string.IsNullOrEmpty(message))
            {
                message = record.Exception?.Message ?? record.ToString();
            }

            var position = record.InvocationInfo?.PositionMessage;
            host.UI.WriteErrorLine(message);
            if (!string.IsNullOrEmpty(position))
            {
                host.UI.WriteErrorLine(position);
            }

            host.UI.WriteErrorLine("    + CategoryInfo          : " + record.CategoryInfo);
            host.UI.WriteErrorLine("    + FullyQualifiedErrorId : " + record.FullyQualifiedErrorId);
        }

        private static int ToExitCode(object? argument)
        {
            try
            {
                return argument is null ? 0 : LanguagePrimitives.ConvertTo<int>(argument);
            }
            catch (PSInvalidCastException)
            {
                return ExitFailure;
            }
        }

        /// <summary>First Ctrl+C stops the running pipeline; a second one (or one at the prompt) ends the process.</summary>
        private static void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            var running = Volatile.Read(ref _running);
            if (running is not null && Interlocked.Increment(ref _cancelPresses) == 1)
            {
                e.Cancel = true;
                running.BeginStop(null, null);
            }
        }

        private sealed class Options
        {
            public bool NoModule { get; set; }

            public string? ModulePath { get; set; }

            public string? Command { get; set; }

            public string? Script { get; set; }

            public List<string> ScriptArgs { get; } = new();

            public bool ShowHelp { get; set; }
        }

        /// <summary>
        /// Shell options come first; the first argument that is not one of them is the script, and
        /// everything after it belongs to the script. "--" ends the shell's options.
        /// </summary>
        private static bool TryParse(string[] args, out Options options, out string? error)
        {
            options = new Options();
            error = null;

            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];

                if (options.Script is not null)
                {
                    options.ScriptArgs.Add(arg);
                    continue;
                }

                if (arg == "--")
                {
                    if (i + 1 < args.Length)
                    {
                        options.Script = args[++i];
                    }

                    continue;
                }

                switch (arg.ToLowerInvariant())
                {
                    case "-nomodule":
                        options.NoModule = true;
                        break;

                    case "-module":
                        if (i + 1 >= args.Length)
                        {
                            error = "-Module needs the path of a module manifest (.psd1).";
                            return false;
                        }

                        options.ModulePath = args[++i];
                        break;

                    case "-command":
                    case "-c":
                        if (i + 1 >= args.Length)
                        {
                            error = "-Command needs the text to run.";
                            return false;
                        }

                        // As with pwsh, everything after -Command is the command text.
                        options.Command = string.Join(' ', args, i + 1, args.Length - i - 1);
                        i = args.Length;
                        break;

                    case "-file":
                    case "-f":
                        if (i + 1 >= args.Length)
                        {
                            error = "-File needs the path of a script.";
                            return false;
                        }

                        options.Script = args[++i];
                        break;

                    case "-help":
                    case "-?":
                    case "--help":
                    case "-h":
                        options.ShowHelp = true;
                        break;

                    default:
                        if (arg.StartsWith('-'))
                        {
                            error = $"Unknown option '{arg}'.";
                            return false;
                        }

                        options.Script = arg;
                        break;
                }
            }

            if (options.NoModule && options.ModulePath is not null)
            {
                error = "-NoModule and -Module cannot be used together.";
                return false;
            }

            return true;
        }
    }
}
