namespace PortalIo.Sandbox.Faults
{
    /// <summary>
    /// Kinds of injected faults. Only whole, well-formed error responses for now; connection
    /// resets, stalls, truncated bodies and faults after a write are planned additions.
    /// </summary>
    public enum FaultKind
    {
        /// <summary>503 with Retry-After: 0.</summary>
        ServiceUnavailable,
        /// <summary>500.</summary>
        InternalServerError,
        /// <summary>502.</summary>
        BadGateway,
    }
}
