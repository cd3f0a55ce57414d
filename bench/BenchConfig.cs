namespace PortalIo.Bench
{
    /// <summary>Sizes of every scenario. <see cref="Full"/> is the sizes; <see cref="Tiny"/> the smoke test's.</summary>
    public sealed class BenchConfig
    {
        /// <summary>Scenario 1: sequential calls per side and repetition, repetitions, and the batch size the sides take in turn.</summary>
        public int PerCallCalls { get; set; } = 2000;
        public int PerCallRepetitions { get; set; } = 7;
        public int PerCallBatch { get; set; } = 250;

        /// <summary>Scenario 2: fresh processes per side (cold import) and in-process fresh runspaces per side (warm import).</summary>
        public int ImportColdRepetitions { get; set; } = 7;
        public int ImportWarmRepetitions { get; set; } = 15;

        /// <summary>Scenario 3: the listing sizes compared (growth must not scale), page size, and first-object repetitions.</summary>
        public int StreamSmallCount { get; set; } = 10_000;
        public int StreamLargeCount { get; set; } = 100_000;
        public int StreamPageSize { get; set; } = 500;
        public int FirstObjectRepetitions { get; set; } = 31;

        /// <summary>Listing: proposals in the sandbox (all listed), repetitions per side.</summary>
        public int ListingCount { get; set; } = 10_000;
        public int ListingRepetitions { get; set; } = 5;

        /// <summary>Pipeline: proposals listed and piped into Get-PortalArea, sandbox latency, repetitions.</summary>
        public int PipelineFirst { get; set; } = 200;
        public int PipelineLatencyMs { get; set; } = 50;
        public int PipelineRepetitions { get; set; } = 5;

        /// <summary>Rate limit: ids read, sandbox latency, the sandbox's requests per second, repetitions (a fresh session each).</summary>
        public int RateLimitIds { get; set; } = 1000;
        public int RateLimitLatencyMs { get; set; } = 20;
        public int RateLimitPerSecond { get; set; } = 50;
        public int RateLimitRepetitions { get; set; } = 3;

        /// <summary>Writes (information): proposals written to, sandbox latency, repetitions per side.</summary>
        public int WritesCount { get; set; } = 64;
        public int WritesLatencyMs { get; set; } = 50;
        public int WritesRepetitions { get; set; } = 2;

        /// <summary>Scenario 5: signatures per repetition, repetitions per side.</summary>
        public int SigningIterations { get; set; } = 200_000;
        public int SigningRepetitions { get; set; } = 9;

        /// <summary>Scenario 6: concurrent raw clients and seconds of load per repetition.</summary>
        public int SandboxClients { get; set; } = 16;
        public double SandboxSeconds { get; set; } = 3;
        public int SandboxRepetitions { get; set; } = 3;

        /// <summary>When false, results are printed and returned but the budgets are not judged (smoke test).</summary>
        public bool JudgeBudgets { get; set; } = true;

        public static BenchConfig Full => new BenchConfig();

        /// <summary>Every scenario at a size that runs in seconds; the figures mean nothing.</summary>
        public static BenchConfig Tiny => new BenchConfig
        {
            PerCallCalls = 20, PerCallRepetitions = 1, PerCallBatch = 10,
            ImportColdRepetitions = 1, ImportWarmRepetitions = 1,
            StreamSmallCount = 100, StreamLargeCount = 300, StreamPageSize = 100, FirstObjectRepetitions = 1,
            ListingCount = 120, ListingRepetitions = 1,
            PipelineFirst = 16, PipelineLatencyMs = 5, PipelineRepetitions = 1,
            RateLimitIds = 20, RateLimitLatencyMs = 5, RateLimitPerSecond = 50, RateLimitRepetitions = 1,
            WritesCount = 4, WritesLatencyMs = 5, WritesRepetitions = 1,
            SigningIterations = 1000, SigningRepetitions = 1,
            SandboxClients = 4, SandboxSeconds = 0.3, SandboxRepetitions = 1,
            JudgeBudgets = false,
        };

        /// <summary>A quicker full run for development on a busy machine: the same scenarios, fewer repetitions.</summary>
        public static BenchConfig Quick => new BenchConfig
        {
            PerCallCalls = 500, PerCallRepetitions = 3,
            ImportColdRepetitions = 3, ImportWarmRepetitions = 5,
            StreamSmallCount = 2_000, StreamLargeCount = 20_000, FirstObjectRepetitions = 5,
            ListingCount = 2_000, ListingRepetitions = 3,
            PipelineRepetitions = 3,
            RateLimitRepetitions = 1,
            WritesCount = 32, WritesRepetitions = 1,
            SigningIterations = 50_000, SigningRepetitions = 3,
            SandboxSeconds = 1, SandboxRepetitions = 1,
        };
    }
}
