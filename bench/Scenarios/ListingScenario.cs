using System;
using System.Linq;
using PortalIo.Sandbox;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// Listing, in the real pwsh (bench/pwsh/Listing.ps1): every proposal of a sandbox that holds
    /// <see cref="BenchConfig.ListingCount"/> of them, <c>$null = Get-PortalProposal</c> against an
    /// Invoke-RestMethod paging loop over the same route with the same page size (50, the API's
    /// default and PortalIo's), alternating. Then the same listing once more through a consumer that
    /// samples the managed heap: what stays alive must not grow with the listing.
    /// </summary>
    public static class ListingScenario
    {
        public const string Name = "listing";
        public const double Budget = 0.4;
        public const double LiveGrowthBudgetMB = 8;

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            var extra = Math.Max(0, config.ListingCount - SandboxSeed.DemoDealerListedProposalCount);
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = extra });
            var count = SandboxSeed.DemoDealerListedProposalCount + extra;
            var result = PwshChild.Run("Listing.ps1", sandbox, new { count, repetitions = config.ListingRepetitions });
            var sides = PwshChild.Sides(result);
            var (portalIo, irm) = (sides["PortalIo"], sides["Irm"]);
            context.Add(new BenchResult
            {
                Scenario = Name, Metric = count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " proposals", Unit = "ms/run",
                BaselineLabel = "Invoke-RestMethod paging loop", PortalIo = new Stats(portalIo), Baseline = new Stats(irm),
                Ratio = Stats.MedianOf(Interleaved.Ratios(portalIo, irm)), Budget = Budget,
                Notes = config.ListingRepetitions + " reps per side in pwsh, page size 50 both ways",
            });

            var memory = result.GetProperty("memory");
            var live = memory.GetProperty("liveGrowthMB").GetDouble();
            var peak = memory.GetProperty("peakGrowthMB").GetDouble();
            var row = new BenchResult
            {
                Scenario = Name, Metric = "live memory growth", Unit = "MB", PortalIoLabel = count + " objects streamed", BaselineLabel = "",
                PortalIo = new Stats(new[] { live }), BudgetOn = "value", Budget = LiveGrowthBudgetMB,
                Notes = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "managed heap after a full collection every tenth of the listing, against before it; peak (garbage included) {0:0.0} MB", peak),
            };
            row.Extra["peakGrowthMB"] = peak;
            row.Extra["liveGrowthMB"] = live;
            context.Add(row);
        }
    }
}
