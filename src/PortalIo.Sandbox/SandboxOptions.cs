using System;

namespace PortalIo.Sandbox
{
    /// <summary>Start-up settings of a <see cref="SandboxServer"/>.</summary>
    public sealed class SandboxOptions
    {
        /// <summary>TCP port to bind; 0 picks a free port above 1024 (HttpListener cannot bind port 0 itself).</summary>
        public int Port { get; set; }

        /// <summary>Loopback host to bind. Never a wildcard, so that Windows needs no URL reservation or admin rights.</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>Delay added before every response.</summary>
        public TimeSpan Latency { get; set; }

        /// <summary>Probability (0..1) that a request is answered by an injected fault instead of being processed.</summary>
        public double FaultRate { get; set; }

        /// <summary>Seed for fault injection, so that a failing run can be replayed.</summary>
        public int? RandomSeed { get; set; }

        /// <summary>Extra generated proposals in the primary demo account, for paging and performance runs.</summary>
        public int ExtraProposalCount { get; set; }
    }
}
