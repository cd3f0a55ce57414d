using System;
using System.Globalization;
using System.Management.Automation;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>
    /// Makes a local sandbox strike the next matching requests in a chosen way: fail before
    /// processing (a status, a reset, a stall), or apply the request and then lose or spoil the answer.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PortalSandboxFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PortalSandboxFault))]
    public sealed class SetPortalSandboxFaultCommand : PortalSandboxCmdlet
    {
        /// <summary>The modes of the sandbox's SandboxFaultMode (a test checks that the two lists agree).</summary>
        internal static readonly string[] Modes =
        {
            "FailWithStatus", "Reset", "Stall", "ApplyThenReset", "ApplyThenStall", "ApplyThenStatus", "ApplyThenUnreadable",
        };

        /// <summary>Only requests with this HTTP method; omitted: any method.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string? Method { get; set; }

        /// <summary>Requests whose path (without the query) matches this wildcard.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>How the requests are struck.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("FailWithStatus", "Reset", "Stall", "ApplyThenReset", "ApplyThenStall", "ApplyThenStatus", "ApplyThenUnreadable", IgnoreCase = true)]
        public string Mode { get; set; } = "";

        /// <summary>The status FailWithStatus (400-599) and ApplyThenStatus (500-599) answer; default 500.</summary>
        [Parameter]
        public int? Status { get; set; }

        /// <summary>How many matching requests to strike.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; } = 1;

        /// <summary>Writes the fault.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var sandbox = RunningSandbox();
            if (sandbox is null) return;
            var what = (Method?.ToUpperInvariant() ?? "any method") + " " + Path;
            var action = "Strike the next " + (Count == 1 ? "request" : Count.ToString(CultureInfo.InvariantCulture) + " requests")
                + " with " + Mode + (Status.HasValue ? " " + Status.Value.ToString(CultureInfo.InvariantCulture) : "");
            if (!ShouldProcess(what + " on " + sandbox.BaseUri, action)) return;
            PortalSandboxFault fault;
            try
            {
                fault = SandboxBridge.AddFault(sandbox.Server, Method, Path, Mode, Status, Count);
            }
            catch (ArgumentException e)
            {
                // Status that does not fit the mode, or a malformed wildcard: nothing was added.
                WriteError(ErrorRecordFactory.InvalidArgument(e.ParamName == "pattern" ? nameof(Path) : Capitalized(e.ParamName), WithoutParameterSuffix(e), Path));
                return;
            }
            WriteVerbose("Scripted fault added: " + fault + ".");
            if (PassThru) WriteObject(fault);
        }
    }
}
