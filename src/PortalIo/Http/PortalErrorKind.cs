namespace PortalIo.Http
{
    public enum PortalErrorKind
    {
        /// <summary>The server answered with a non-success status.</summary>
        HttpStatus,
        /// <summary>No answer: connection refused or reset, DNS failure.</summary>
        Network,
        /// <summary>No answer within the per-request timeout.</summary>
        Timeout,
        /// <summary>A success status whose body could not be read as the expected JSON, or lacks what the route documents.</summary>
        InvalidResponse,
        /// <summary>
        /// A write whose answer was lost (no answer, a server error, an unreadable success) and whose
        /// outcome reading back could not settle: it may or may not have been applied. The lost
        /// answer's failure is the InnerException.
        /// </summary>
        WriteOutcomeUnknown,
    }
}
