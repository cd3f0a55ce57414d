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
        /// <summary>A success status whose body could not be read as the expected JSON.</summary>
        InvalidResponse,
    }
}
