using System;
using System.Linq;
using PortalIo.Sandbox;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// Rate limit, in the real pwsh (bench/pwsh/RateLimit.ps1): <c>Get-PortalProposal -Id $ids</c> over
    /// <see cref="BenchConfig.RateLimitIds"/> ids, the sandbox answering after
    /// <see cref="BenchConfig.RateLimitLatencyMs"/> ms and allowing
    /// <see cref="BenchConfig.RateLimitPerSecond"/> requests per second (429 with Retry-After beyond),
    /// a fresh session each repetition. Budgets: no error, every proposal in input order, and the wall
    /// time at most 1.15 x ids / limit (what the limit allows at best).
    /// </summary>
    public static class RateLimitScenario
    {
        public const string Name = "rate-limit";
        public const double Budget = 1.15;

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            using var sandbox = SandboxServer.Start(new SandboxOptions
            {
                ExtraProposalCount = config.RateLimitIds,
                Latency = TimeSpan.FromMilliseconds(config.RateLimitLatencyMs),
            });
            var userKey = BenchContext.ExchangeUserKey(sandbox);
            sandbox.RateLimit = config.RateLimitPerSecond;
            sandbox.ClearRequests();
            var result = PwshChild.Run("RateLimit.ps1", sandbox, userKey,
                new { firstId = SandboxSeed.FirstExtraProposalId, count = config.RateLimitIds, repetitions = config.RateLimitRepetitions });
            var runs = result.GetProperty("runs").EnumerateArray().ToList();
            var wall = runs.Select(r => r.GetProperty("ms").GetDouble()).ToList();
            var errors = runs.Sum(r => r.GetProperty("errors").GetInt32());
            var outOfOrder = runs.Count(r => !r.GetProperty("inOrder").GetBoolean());
            var ideal = 1000.0 * config.RateLimitIds / config.RateLimitPerSecond;
            var reads = sandbox.GetRequests("GET", "/public/proposals/*");
            var refused = reads.Count(r => r.RateLimited);
            var mostAtOnce = reads.Count == 0 ? 0 : reads.Max(r => r.InFlightOnArrival);

            var timing = new BenchResult
            {
                Scenario = Name, Metric = config.RateLimitIds + " ids @" + config.RateLimitLatencyMs + "ms, " + config.RateLimitPerSecond + "/s", Unit = "ms/run",
                PortalIoLabel = "-Id $ids", BaselineLabel = "ids / limit", PortalIo = new Stats(wall), Baseline = new Stats(new[] { ideal }),
                Ratio = Stats.MedianOf(wall.Select(w => w / ideal)), Budget = Budget,
                Notes = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "{0} reps in pwsh, a fresh session each; {1} requests answered 429 and retried ({2:0.0} per run); at most {3} held at once by the sandbox",
                    runs.Count, refused, (double)refused / runs.Count, mostAtOnce),
            };
            timing.Extra["refused429"] = refused;
            timing.Extra["mostHeldAtOnce"] = mostAtOnce;
            context.Add(timing);
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = "errors surfaced", Unit = "errors", PortalIoLabel = "-Id $ids", BaselineLabel = "",
                PortalIo = new Stats(new double[] { errors + outOfOrder }), BudgetOn = "value", Budget = 0,
                Notes = errors + " error records and " + outOfOrder + " runs whose proposals were not all there in input order, over " + runs.Count + " runs",
            });
        }
    }
}
