using System.Collections.Generic;
using System.Management.Automation;
using PortalIo.PowerShell.LocalSandbox;
using PortalIo.Session;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// The current session (and the sandboxes started) of this runspace, kept in the runspace's
    /// global scope, never in a static field: parallel runspaces, jobs and runbooks don't share it.
    /// </summary>
    internal static class SessionStore
    {
        public const string SessionVariable = "global:PortalIoSession";
        public const string SandboxesVariable = "global:PortalIoSandboxes";

        public static PortalSession? GetCurrent(PSCmdlet cmdlet) =>
            cmdlet.SessionState.PSVariable.GetValue(SessionVariable) as PortalSession;

        public static void SetCurrent(PSCmdlet cmdlet, PortalSession? session)
        {
            if (session is null) cmdlet.SessionState.PSVariable.Remove(SessionVariable);
            else cmdlet.SessionState.PSVariable.Set(SessionVariable, session);
        }

        public static List<PortalSandbox> Sandboxes(PSCmdlet cmdlet)
        {
            if (cmdlet.SessionState.PSVariable.GetValue(SandboxesVariable) is List<PortalSandbox> list) return list;
            var created = new List<PortalSandbox>();
            cmdlet.SessionState.PSVariable.Set(SandboxesVariable, created);
            return created;
        }
    }
}
