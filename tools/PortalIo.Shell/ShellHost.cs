using System;
using System.Globalization;
using System.Management.Automation.Host;
using System.Reflection;

namespace PortalIo.Shell
{
    /// <summary>
    /// The PSHost the shell gives the engine. Without a host, Out-Default has nowhere to render
    /// format views and Get-Help cannot page MAML help; with one, both go through
    /// <see cref="ShellHostUserInterface"/> exactly as they do in pwsh.
    /// </summary>
    internal sealed class ShellHost : PSHost
    {
        private readonly ShellHostUserInterface _ui = new();
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public override string Name => "PortalIo.Shell";

        public override Version Version { get; } =
            typeof(ShellHost).Assembly.GetName().Version ?? new Version(0, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        // Captured once at start-up: the engine expects a stable culture for the host's lifetime.
        public override CultureInfo CurrentCulture => _culture;

        public override CultureInfo CurrentUICulture => _uiCulture;

        /// <summary>Set when the engine asks the host to exit (an <c>exit N</c> at the top level).</summary>
        public bool ShouldExit { get; private set; }

        public int ExitCode { get; private set; }

        public override void SetShouldExit(int exitCode)
        {
            ShouldExit = true;
            ExitCode = exitCode;
        }

        // Nested prompts ($host.EnterNestedPrompt(), Suspend in a debugger) need a REPL of their
        // own; this shell has no use for them, so say so instead of pretending.
        public override void EnterNestedPrompt() =>
            throw new NotSupportedException("PortalIo.Shell does not support nested prompts.");

        public override void ExitNestedPrompt() =>
            throw new NotSupportedException("PortalIo.Shell does not support nested prompts.");

        // Called around native commands; a console host would save/restore console modes here.
        // Nothing to do for a line-based host.
        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        /// <summary>The informational version (e.g. 0.1.0+sha), for the banner.</summary>
        public static string DisplayVersion =>
            typeof(ShellHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ShellHost).Assembly.GetName().Version?.ToString()
            ?? "0.0";
    }
}
