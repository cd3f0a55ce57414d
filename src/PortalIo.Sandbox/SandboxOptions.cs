using System;
using System.Collections.Generic;

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

        /// <summary>
        /// Delays before the retries of a failed webhook delivery, each measured from the previous
        /// failed attempt. Default: the documented 1 min, 5 min, 30 min, 2 h, 12 h. Tests use
        /// milliseconds; an empty list means no retry.
        /// </summary>
        public IList<TimeSpan> WebhookRetryDelays { get; set; } = new List<TimeSpan>
        {
            TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12),
        };

        /// <summary>How long a webhook receiver may take to answer before the attempt counts as failed (not documented; 10 s).</summary>
        public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Duration of each AI Builder processing step: content goes Uploaded → Processing after one
        /// step and → Transcribed after two; an outline or build completes one step after it starts.
        /// </summary>
        public TimeSpan AiStepDuration { get; set; } = TimeSpan.FromSeconds(3);
    }
}
