using System;
using System.Linq;
using System.Management.Automation;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// A cmdlet that works on a local sandbox as a test double: it takes -Sandbox (from the
    /// pipeline), defaulting to the sandbox most recently started in this runspace that still runs.
    /// </summary>
    public abstract class PortalSandboxCmdlet : PortalCmdlet
    {
        private protected PortalSandboxCmdlet()
        {
        }

        /// <summary>
        /// <para type="description">The sandbox (from Start-PortalSandbox). Default: the sandbox most recently started in this runspace that still runs.</para>
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PortalSandbox? Sandbox { get; set; }

        /// <summary>The sandbox to work on; a terminating PortalIo.NoSandbox error when none was given and none runs.</summary>
        private protected PortalSandbox TargetSandbox
        {
            get
            {
                if (Sandbox != null) return Sandbox;
                var latest = SessionStore.Sandboxes(this).LastOrDefault(s => s.IsRunning);
                if (latest is null)
                {
                    const string message = "No sandbox runs in this runspace.";
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), ErrorIds.NoSandbox, ErrorCategory.ObjectNotFound, null)
                    {
                        ErrorDetails = new ErrorDetails(message)
                        {
                            RecommendedAction = "Start one first (Start-PortalSandbox), or pass -Sandbox: a sandbox started in another runspace (a job, a ForEach-Object -Parallel block) is not known here.",
                        },
                    });
                }
                return latest!;
            }
        }

        /// <summary>
        /// The target sandbox when it still runs; otherwise writes PortalIo.SandboxStopped as this
        /// input's error and returns null. For the cmdlets that change it: a stopped sandbox's
        /// journal and data can still be read, but it cannot be changed.
        /// </summary>
        private protected PortalSandbox? RunningSandbox()
        {
            var sandbox = TargetSandbox;
            if (sandbox.IsRunning) return sandbox;
            WriteError(Stopped(sandbox));
            return null;
        }

        private protected static ErrorRecord Stopped(PortalSandbox sandbox)
        {
            var message = "The sandbox at " + sandbox.BaseUri + " was stopped.";
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.SandboxStopped, ErrorCategory.ResourceUnavailable, sandbox)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Start a new one with Start-PortalSandbox; a stopped sandbox cannot be started again." },
            };
        }

        /// <summary>
        /// Runs a change the sandbox checks itself; a rule it refuses (ArgumentException) becomes this
        /// input's PortalIo.InvalidArgument error, naming the parameter. False when it was refused.
        /// </summary>
        private protected bool Refused(Action change, object? target, Func<string?, string> parameterOf)
        {
            try
            {
                change();
                return false;
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(parameterOf(e.ParamName), WithoutParameterSuffix(e), target));
                return true;
            }
        }

        /// <summary>The exception's own message, without the " (Parameter 'x')" that .NET appends.</summary>
        private protected static string WithoutParameterSuffix(ArgumentException e)
        {
            var message = e.Message;
            if (e.ParamName != null)
            {
                var suffix = " (Parameter '" + e.ParamName + "')";
                if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message.Substring(0, message.Length - suffix.Length);
                var oldSuffix = Environment.NewLine + "Parameter name: " + e.ParamName;
                if (message.EndsWith(oldSuffix, StringComparison.Ordinal)) message = message.Substring(0, message.Length - oldSuffix.Length);
            }
            return message;
        }

        /// <summary>The PowerShell parameter for a parameter name of the sandbox's methods (e.g. proposalId: ProposalId).</summary>
        private protected static string Capitalized(string? name) =>
            string.IsNullOrEmpty(name) ? "Sandbox" : char.ToUpperInvariant(name![0]) + name.Substring(1);
    }
}
