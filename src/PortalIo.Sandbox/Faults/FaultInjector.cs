using System;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Faults
{
    /// <summary>
    /// Decides per request whether to answer with a fault instead of processing it. The decision
    /// happens before any processing, so a faulted request never has a side effect. One Random
    /// behind a lock: seeded runs replay the same fault sequence for the same request order.
    /// </summary>
    internal sealed class FaultInjector
    {
        private static readonly FaultKind[] Kinds = { FaultKind.ServiceUnavailable, FaultKind.InternalServerError, FaultKind.BadGateway };

        private readonly Random _random;
        private readonly object _gate = new object();

        public FaultInjector(int? seed)
        {
            _random = seed.HasValue ? new Random(seed.Value) : new Random();
        }

        public FaultKind? Decide(double faultRate)
        {
            if (faultRate <= 0) return null;
            lock (_gate)
            {
                if (_random.NextDouble() >= faultRate) return null;
                return Kinds[_random.Next(Kinds.Length)];
            }
        }

        public static SandboxResponse ResponseFor(FaultKind kind)
        {
            switch (kind)
            {
                case FaultKind.ServiceUnavailable:
                    return ErrorBodies.Structured(503, "ServiceUnavailable", "The service is temporarily unavailable (injected by the sandbox).")
                        .WithHeader("Retry-After", "0");
                case FaultKind.BadGateway:
                    return ErrorBodies.Structured(502, "BadGateway", "Bad gateway (injected by the sandbox).");
                default:
                    return ErrorBodies.Structured(500, "InternalServerError", "An unexpected error occurred (injected by the sandbox).");
            }
        }
    }
}
