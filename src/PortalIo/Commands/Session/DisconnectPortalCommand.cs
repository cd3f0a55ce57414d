using System.Management.Automation;
using PortalIo.PowerShell;

namespace PortalIo.Commands.Session
{
    /// <summary>Forgets the current session of this runspace (sessions held in variables keep working).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Portal")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPortalCommand : PortalCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = SessionStore.GetCurrent(this);
            if (current is null)
            {
                WriteVerbose("There was no current Portal.io session.");
                return;
            }
            SessionStore.SetCurrent(this, null);
            WriteVerbose("Disconnected from " + current.BaseUri + ".");
        }
    }
}
