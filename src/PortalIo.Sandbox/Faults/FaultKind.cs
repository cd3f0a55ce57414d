namespace PortalIo.Sandbox.Faults
{
    /// <summary>
    /// Kinds of random faults (SandboxOptions.FaultRate, SandboxOptions.FaultKinds). The first five
    /// strike before the request is processed, so they never have a side effect; the others process
    /// the request (a write is APPLIED) and then lose or spoil the answer, which is the case a client
    /// must never resend blindly.
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
        /// <summary>Processed (a write is applied); then answered 500 with an error body instead of the route's answer.</summary>
        AppliedThenStatus,
        /// <summary>Processed (a write is applied); then answered with the route's status and a complete body that is not valid JSON.</summary>
        AppliedThenUnreadable,
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
            FaultKind.AppliedThenStatus, FaultKind.AppliedThenUnreadable,
        };

        /// <summary>The kinds that process the request (a write is applied) and then lose or spoil the answer.</summary>
        public static readonly FaultKind[] AppliedThenLost =
        {
            FaultKind.TruncatedBody, FaultKind.AppliedThenReset, FaultKind.AppliedThenStall, FaultKind.AppliedThenStatus, FaultKind.AppliedThenUnreadable,
        };

        /// <summary>True when the request is processed (a write applied) before the fault strikes.</summary>
        public static bool ProcessesRequest(FaultKind kind) => System.Array.IndexOf(AppliedThenLost, kind) >= 0;

        /// <summary>True when the client gets no complete, readable response.</summary>
        public static bool LosesResponse(FaultKind kind) =>
            kind == FaultKind.ConnectionReset || kind == FaultKind.Stall || ProcessesRequest(kind);
    }
}
