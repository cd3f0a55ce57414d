using System.Management.Automation;
using PortalIo.PowerShell.LocalSandbox;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>The scripted faults of a local sandbox that have requests left to strike, in the order they apply.</summary>
    [Cmdlet(VerbsCommon.Get, "PortalSandboxFault")]
    [OutputType(typeof(PortalSandboxFault))]
    public sealed class GetPortalSandboxFaultCommand : PortalSandboxCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var fault in SandboxBridge.Faults(TargetSandbox.Server)) WriteObject(fault);
        }
    }
}
