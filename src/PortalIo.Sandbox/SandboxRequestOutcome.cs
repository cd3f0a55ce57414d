namespace PortalIo.Sandbox
{
    /// <summary>What became of the answer to a request the emulator received (see <see cref="SandboxRequestRecord.Outcome"/>).</summary>
    public enum SandboxRequestOutcome
    {
        /// <summary>A whole, readable response was sent (its status is <see cref="SandboxRequestRecord.StatusCode"/>).</summary>
        Answered,
        /// <summary>A fault reset the connection before any byte of a response: the client sees a connection failure.</summary>
        ConnectionReset,
        /// <summary>A fault held the connection without answering for the stall duration, then dropped it.</summary>
        Stalled,
        /// <summary>The status line and headers were sent, then the connection closed part-way through the body.</summary>
        BodyCutOff,
        /// <summary>A complete response whose body cannot be read (truncated JSON), with the status the route answered.</summary>
        UnreadableBody,
        /// <summary>The emulator was stopped while the request was in flight; its connection was reset.</summary>
        AbortedByStop,
    }
}
