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

        /// <summary>Probability (0..1) that a request gets a random fault of one of <see cref="FaultKinds"/>.</summary>
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

        /// <summary>
        /// The fault kinds to draw from when a request is faulted (see <see cref="FaultRate"/>), equally
        /// likely (a kind listed twice is twice as likely); null or empty: 500, 502 and 503 only (the
        /// kinds that never lose a response). <see cref="Faults.FaultKinds.All"/> includes the kinds that
        /// apply a write and then lose or spoil the answer (<see cref="Faults.FaultKinds.AppliedThenLost"/>).
        /// </summary>
        public IList<Faults.FaultKind>? FaultKinds { get; set; }

        /// <summary>How long a Stall fault keeps the connection open without answering before dropping it.</summary>
        public TimeSpan StallDuration { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// Larger request bodies are refused with 413 and a structured body before being read
        /// (default 30,000,000 bytes, the IIS default request limit).
        /// </summary>
        public long MaxRequestBodyBytes { get; set; } = 30000000;

        /// <summary>
        /// Test hook: called for every request with its headers, raw URL and body exactly as received
        /// (secrets included), before it is processed. Exceptions thrown by the observer are ignored.
        /// </summary>
        public Action<Diagnostics.SandboxObservedRequest>? RequestObserver { get; set; }

        /// <summary>Skews the server's clock by this much (see SandboxServer.ClockOffset).</summary>
        public TimeSpan ClockOffset { get; set; }

        /// <summary>
        /// Start with the demo dealer account and its users only: no contacts, proposals, catalog
        /// items or webhooks (the catalog's category tree is always there). Not with <see cref="Data"/>.
        /// </summary>
        public bool Empty { get; set; }

        /// <summary>
        /// Start with the demo dealer account, its users and this fixture's data (see
        /// <see cref="SandboxData"/> and docs/sandbox-fixture.md); null for the seeded demo data.
        /// </summary>
        public SandboxData? Data { get; set; }

        /// <summary>Requests per second per application key; beyond it 429 with Retry-After (see SandboxServer.RateLimit). 0: no limit.</summary>
        public int RateLimit { get; set; }

        /// <summary>The rate limit's clock (UTC); tests step it by hand so that the windows need no waiting.</summary>
        internal Func<DateTime>? RateLimitClock { get; set; }
    }
}
