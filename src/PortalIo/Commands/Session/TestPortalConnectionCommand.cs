using System.Management.Automation;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.Session;

namespace PortalIo.Commands.Session
{
    /// <summary>
    /// Diagnoses a session: reachability, clock skew against the server's Date, the signature, the
    /// subscription and the user's read permissions, each with what to fix.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PortalConnection")]
    [OutputType(typeof(ConnectionCheck), typeof(bool))]
    public sealed class TestPortalConnectionCommand : PortalApiCmdlet
    {
        /// <summary>Writes only $true (every check passed) or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var checks = Await(ConnectionDiagnostics.RunAsync(Call, ActiveSession.Roles));
            if (Quiet)
            {
                Emit(ConnectionDiagnostics.AllPassed(checks));
                return;
            }
            foreach (var check in checks) Emit(check);
        }
    }
}
