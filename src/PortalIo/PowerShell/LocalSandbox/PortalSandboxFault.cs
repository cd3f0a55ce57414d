using System.Globalization;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>
    /// A scripted fault of a local sandbox (Set-PortalSandboxFault, Get-PortalSandboxFault): the next
    /// Count requests that match Method and Path are struck as Mode says. A snapshot: Remaining is
    /// what was left when the object was written.
    /// </summary>
    public sealed class PortalSandboxFault
    {
        /// <summary>The HTTP method a request must have, or null for any.</summary>
        public string? Method { get; set; }

        /// <summary>The path wildcard, matched against the path without query, case-insensitive.</summary>
        public string Path { get; set; } = "";

        /// <summary>FailWithStatus, Reset, Stall (not applied), or ApplyThenReset, ApplyThenStall, ApplyThenStatus, ApplyThenUnreadable (applied, answer lost or spoiled).</summary>
        public string Mode { get; set; } = "";

        /// <summary>The status FailWithStatus and ApplyThenStatus answer; null for the other modes.</summary>
        public int? Status { get; set; }

        /// <summary>How many matching requests the fault strikes in all.</summary>
        public int Count { get; set; }

        /// <summary>How many it had still to strike.</summary>
        public int Remaining { get; set; }

        public override string ToString() =>
            (Method ?? "*") + " " + Path + " -> " + Mode + (Status.HasValue ? " " + Status.Value.ToString(CultureInfo.InvariantCulture) : "")
            + " (" + Remaining.ToString(CultureInfo.InvariantCulture) + " of " + Count.ToString(CultureInfo.InvariantCulture) + " left)";
    }
}
