namespace PortalIo.Sandbox
{
    /// <summary>
    /// How a scripted fault (SandboxServer.AddFault) strikes a matching request. The Fail/Reset/Stall
    /// modes strike before the request is processed, so a write is NOT applied. The ApplyThen modes
    /// process the request first (a write IS applied) and then lose or spoil the answer: the case a
    /// client must settle before it reports or resends.
    /// </summary>
    public enum SandboxFaultMode
    {
        /// <summary>Answered with the rule's status (default 500; 400-599) and an error body in the API's shape; not applied.</summary>
        FailWithStatus,
        /// <summary>The connection is reset before any response byte; not applied.</summary>
        Reset,
        /// <summary>No answer for the stall duration (SandboxServer.StallDuration), then the connection is dropped; not applied.</summary>
        Stall,
        /// <summary>Applied; then the connection is reset before any response byte.</summary>
        ApplyThenReset,
        /// <summary>Applied; then no answer for the stall duration, and the connection is dropped.</summary>
        ApplyThenStall,
        /// <summary>Applied; then answered with the rule's 5xx status (default 500) and an error body instead of the route's answer.</summary>
        ApplyThenStatus,
        /// <summary>Applied; then answered with the route's status and a complete body that is not valid JSON (the first half of the real one).</summary>
        ApplyThenUnreadable,
    }
}
