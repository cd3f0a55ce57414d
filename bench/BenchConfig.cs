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

        /// <summary>Scenario 4: ids fetched, sandbox latency, throttle limit, repetitions per side.</summary>
        public int FanOutIds { get; set; } = 500;
        public int FanOutLatencyMs { get; set; } = 20;
        public int FanOutThrottleLimit { get; set; } = 8;
        public int FanOutRepetitions { get; set; } = 3;

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
            FanOutIds = 16, FanOutLatencyMs = 5, FanOutThrottleLimit = 8, FanOutRepetitions = 1,
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
            FanOutIds = 100, FanOutRepetitions = 1,
            SigningIterations = 50_000, SigningRepetitions = 3,
            SandboxSeconds = 1, SandboxRepetitions = 1,
        };
    }
}
