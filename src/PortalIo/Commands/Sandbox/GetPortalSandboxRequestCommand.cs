using System;
using System.Management.Automation;
using PortalIo.PowerShell.Errors;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>What a local sandbox received, oldest first: the request journal, for a test's assertions.</summary>
    [Cmdlet(VerbsCommon.Get, "PortalSandboxRequest")]
    [OutputType(typeof(PortalSandboxRequest))]
    public sealed class GetPortalSandboxRequestCommand : PortalSandboxCmdlet
    {
        /// <summary>Only requests with this HTTP method.</summary>
        [Parameter(Position = 0)]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string? Method { get; set; }

        /// <summary>Only requests whose path (without the query) matches this wildcard.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string? Path { get; set; }

        /// <summary>Only the last n of the matching requests.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        protected override void ProcessRecord()
        {
            var sandbox = TargetSandbox;
            try
            {
                foreach (var request in SandboxBridge.GetRequests(sandbox.Server, Method, Path, Last)) WriteObject(request);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(e.ParamName == "last" ? nameof(Last) : nameof(Path), WithoutParameterSuffix(e), Path));
            }
        }
    }
}
