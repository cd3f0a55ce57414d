namespace PortalIo.Models
{
    public enum CheckStatus
    {
        Passed,
        Failed,
        Skipped,
    }

    /// <summary>One step of Test-PortalConnection: what was checked, how it went, and what to fix.</summary>
    public sealed class ConnectionCheck
    {
        public ConnectionCheck(string name, CheckStatus status, string detail, string? fix = null)
        {
            Name = name;
            Status = status;
            Detail = detail;
            Fix = fix;
        }

        /// <summary>Reachability, Clock, Signature, Subscription or Permissions.</summary>
        public string Name { get; }
        public CheckStatus Status { get; }
        public string Detail { get; }

        /// <summary>What to do when the check failed; null when it passed.</summary>
        public string? Fix { get; }

        public override string ToString() => Name + ": " + Status + " - " + Detail;
    }
}
