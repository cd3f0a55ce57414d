using System;
using System.Management.Automation;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Sandbox
{
    /// <summary>-HostName of the webhook route cmdlets: a host name alone, never a URL.</summary>
    internal static class WebhookRouteHost
    {
        /// <summary>Writes an InvalidArgument error and returns false when the value is not a host name.</summary>
        public static bool Check(Cmdlet cmdlet, string hostName)
        {
            var trimmed = hostName.Trim().TrimEnd('.');
            if (Uri.CheckHostName(trimmed) != UriHostNameType.Unknown) return true;
            var hint = Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
                ? " Give the host alone, e.g. " + uri.Host + "."
                : " Give a host name such as hooks.example.com.";
            cmdlet.WriteError(ErrorRecordFactory.InvalidArgument("HostName", "'" + hostName + "' is not a host name." + hint, hostName));
            return false;
        }
    }
}
