namespace PortalIo.Sandbox.Faults
{
    /// <summary>
    /// Kinds of injected faults. The first five happen before the request is processed, so they
    /// never have a side effect; the last three process the request (a write is APPLIED) and then
    /// lose the answer, which is the case a client must never resend blindly.
    /// </summary>
    public enum FaultKind
    {
        /// <summary>503 with Retry-After: 0, before processing.</summary>
        ServiceUnavailable,
        /// <summary>500, before processing.</summary>
        InternalServerError,
        /// <summary>502, before processing.</summary>
        BadGateway,
        /// <summary>The connection is dropped before any response byte, and before processing.</summary>
        ConnectionReset,
        /// <summary>No answer for <see cref="SandboxOptions.StallDuration"/>, then the connection is dropped; before processing.</summary>
        Stall,
        /// <summary>Processed; the response declares its full Content-Length but only part of the body is sent before the connection is dropped.</summary>
        TruncatedBody,
        /// <summary>Processed (a write is applied); then the connection is dropped before any response byte.</summary>
        AppliedThenReset,
        /// <summary>Processed (a write is applied); then no answer for <see cref="SandboxOptions.StallDuration"/> and the connection is dropped.</summary>
        AppliedThenStall,
    }

    /// <summary>Facts about each fault kind.</summary>
    public static class FaultKinds
    {
        /// <summary>The mix used when none is chosen: whole, well-formed error responses.</summary>
        public static readonly FaultKind[] Default = { FaultKind.ServiceUnavailable, FaultKind.InternalServerError, FaultKind.BadGateway };

        /// <summary>Every kind.</summary>
        public static readonly FaultKind[] All =
        {
            FaultKind.ServiceUnavailable, FaultKind.InternalServerError, FaultKind.BadGateway, FaultKind.ConnectionReset,
            FaultKind.Stall, FaultKind.TruncatedBody, FaultKind.AppliedThenReset, FaultKind.AppliedThenStall,
        };

        /// <summary>True when the request is processed (a write applied) before the fault strikes.</summary>
        public static bool ProcessesRequest(FaultKind kind) =>
            kind == FaultKind.TruncatedBody || kind == FaultKind.AppliedThenReset || kind == FaultKind.AppliedThenStall;

        /// <summary>True when no complete response is sent.</summary>
        public static bool LosesResponse(FaultKind kind) =>
            kind == FaultKind.ConnectionReset || kind == FaultKind.Stall || ProcessesRequest(kind);
    }
}
