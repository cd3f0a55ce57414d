using System.Management.Automation;
using PortalIo.PowerShell;
using PortalIo.Session;

namespace PortalIo.Commands.Session
{
    /// <summary>Shows the current session of this runspace (nothing when not connected).</summary>
    [Cmdlet(VerbsCommon.Get, "PortalSession")]
    [OutputType(typeof(PortalSession))]
    public sealed class GetPortalSessionCommand : PortalCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = SessionStore.GetCurrent(this);
            if (current != null) WriteObject(current);
        }
    }
}
