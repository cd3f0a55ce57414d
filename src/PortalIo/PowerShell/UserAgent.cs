using System.Management.Automation;
using System.Runtime.InteropServices;

namespace PortalIo.PowerShell
{
    /// <summary>Names the module, PowerShell and .NET versions in every request (no telemetry, just the header).</summary>
    internal static class UserAgent
    {
        public static readonly string Value =
            "PortalIo/" + typeof(UserAgent).Assembly.GetName().Version!.ToString(3) +
            " PowerShell/" + typeof(PSObject).Assembly.GetName().Version!.ToString(3) +
            " (" + RuntimeInformation.FrameworkDescription.Trim() + "; " + RuntimeInformation.OSDescription.Trim() + ")";
    }
}
