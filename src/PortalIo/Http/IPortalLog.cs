namespace PortalIo.Http
{
    /// <summary>
    /// Where the client reports what it does. Cmdlets route it to -Verbose, -Debug and warnings;
    /// the client itself knows nothing of PowerShell. Implementations must accept calls from any
    /// thread. Nothing passed here may contain a secret: the client scrubs before it calls.
    /// </summary>
    internal interface IPortalLog
    {
        /// <summary>Whether Verbose lines are wanted; when not, the client does not build them.</summary>
        bool IsVerboseEnabled { get; }

        /// <summary>Whether Debug lines are wanted; when not, the client does not build them.</summary>
        bool IsDebugEnabled { get; }

        /// <summary>One line per HTTP call: method, redacted URL, status, time; retries; how a write's unknown outcome was settled.</summary>
        void Verbose(string message);

        /// <summary>Signing details (canonical message with the user key masked), backoff.</summary>
        void Debug(string message);

        /// <summary>
        /// Something the user should know although the call goes on: a listing that ended before
        /// the total the server reported, items the server sent twice, a long wait the server asked for.
        /// Always delivered (PowerShell's $WarningPreference decides what is shown).
        /// </summary>
        void Warning(string message);
    }

    internal sealed class NullPortalLog : IPortalLog
    {
        public static readonly NullPortalLog Instance = new NullPortalLog();
        public bool IsVerboseEnabled => false;
        public bool IsDebugEnabled => false;
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
