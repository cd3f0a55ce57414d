namespace PortalIo.Sandbox.Faults
{
    /// <summary>How a fault that struck one request delivers (or withholds) the answer.</summary>
    internal enum FaultDelivery
    {
        /// <summary>An error response with <see cref="FaultPlan.Status"/> instead of the route's answer.</summary>
        ErrorStatus,
        /// <summary>Reset the connection before any response byte.</summary>
        Reset,
        /// <summary>Hold the connection for the stall duration, then drop it.</summary>
        Stall,
        /// <summary>Send the status, headers and part of the body, then close the connection.</summary>
        CutOffBody,
        /// <summary>Send a complete response whose body is not valid JSON.</summary>
        UnreadableBody,
    }

    /// <summary>
    /// The decision for one request, whichever source made it (a scripted rule or the random fault
    /// rate): its name for the journal, whether the request is processed first, and how the answer
    /// is delivered.
    /// </summary>
    internal sealed class FaultPlan
    {
        private FaultPlan(string name, bool scripted, bool processesRequest, FaultDelivery delivery, int status)
        {
            Name = name;
            Scripted = scripted;
            ProcessesRequest = processesRequest;
            Delivery = delivery;
            Status = status;
        }

        public string Name { get; }
        public bool Scripted { get; }
        public bool ProcessesRequest { get; }
        public FaultDelivery Delivery { get; }
        public int Status { get; }

        public SandboxRequestOutcome Outcome
        {
            get
            {
                switch (Delivery)
                {
                    case FaultDelivery.Reset: return SandboxRequestOutcome.ConnectionReset;
                    case FaultDelivery.Stall: return SandboxRequestOutcome.Stalled;
                    case FaultDelivery.CutOffBody: return SandboxRequestOutcome.BodyCutOff;
                    case FaultDelivery.UnreadableBody: return SandboxRequestOutcome.UnreadableBody;
                    default: return SandboxRequestOutcome.Answered;
                }
            }
        }

        public static FaultPlan For(FaultKind kind)
        {
            var name = kind.ToString();
            switch (kind)
            {
                case FaultKind.ServiceUnavailable: return new FaultPlan(name, false, false, FaultDelivery.ErrorStatus, 503);
                case FaultKind.InternalServerError: return new FaultPlan(name, false, false, FaultDelivery.ErrorStatus, 500);
                case FaultKind.BadGateway: return new FaultPlan(name, false, false, FaultDelivery.ErrorStatus, 502);
                case FaultKind.ConnectionReset: return new FaultPlan(name, false, false, FaultDelivery.Reset, 0);
                case FaultKind.Stall: return new FaultPlan(name, false, false, FaultDelivery.Stall, 0);
                case FaultKind.TruncatedBody: return new FaultPlan(name, false, true, FaultDelivery.CutOffBody, 0);
                case FaultKind.AppliedThenReset: return new FaultPlan(name, false, true, FaultDelivery.Reset, 0);
                case FaultKind.AppliedThenStall: return new FaultPlan(name, false, true, FaultDelivery.Stall, 0);
                case FaultKind.AppliedThenStatus: return new FaultPlan(name, false, true, FaultDelivery.ErrorStatus, 500);
                default: return new FaultPlan(name, false, true, FaultDelivery.UnreadableBody, 0);
            }
        }

        public static FaultPlan For(SandboxFaultRule rule)
        {
            var name = rule.Mode.ToString();
            var status = rule.Status ?? 0;
            switch (rule.Mode)
            {
                case SandboxFaultMode.FailWithStatus: return new FaultPlan(name, true, false, FaultDelivery.ErrorStatus, status);
                case SandboxFaultMode.Reset: return new FaultPlan(name, true, false, FaultDelivery.Reset, 0);
                case SandboxFaultMode.Stall: return new FaultPlan(name, true, false, FaultDelivery.Stall, 0);
                case SandboxFaultMode.ApplyThenReset: return new FaultPlan(name, true, true, FaultDelivery.Reset, 0);
                case SandboxFaultMode.ApplyThenStall: return new FaultPlan(name, true, true, FaultDelivery.Stall, 0);
                case SandboxFaultMode.ApplyThenStatus: return new FaultPlan(name, true, true, FaultDelivery.ErrorStatus, status);
                default: return new FaultPlan(name, true, true, FaultDelivery.UnreadableBody, 0);
            }
        }
    }
}
