using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// A fan-out that meets the sandbox's rate limit: every 429 is absorbed (retried after its
    /// Retry-After, the session slowed to what the server lets through), no error reaches the user,
    /// and the sandbox sees fewer requests at once after the first 429 than before it. Counts and
    /// order only: the sandbox's journal says what happened.
    /// </summary>
    public class RateLimitedFanOutTests
    {
        private const int Limit = 20;
        private const int Latency = 100;

        private static (SandboxServer Sandbox, ConnectedRunspace Connected) Start(int extraProposals, int limit = Limit)
        {
            var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = extraProposals, Latency = TimeSpan.FromMilliseconds(Latency) });
            var connected = new ConnectedRunspace(sandbox);
            // On only now: the sign-in is not part of the run.
            sandbox.RateLimit = limit;
            sandbox.ClearRequests();
            return (sandbox, connected);
        }

        private static void AssertEveryReadAnsweredOnceAndEach429Retried(SandboxServer sandbox, string pathOf, IEnumerable<int> ids)
        {
            var reads = sandbox.GetRequests("GET").Where(r => r.Path.StartsWith(pathOf, StringComparison.Ordinal)).ToList();
            Assert.Contains(reads, r => r.RateLimited);
            Assert.All(reads, r => Assert.True(r.StatusCode == 200 || (r.StatusCode == 429 && r.RateLimited), r.ToString()));
            // Each id answered exactly once; a request refused was sent again, at most twice over.
            var perId = reads.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(ids.Select(id => pathOf + id).OrderBy(p => p), perId.Keys.OrderBy(p => p));
            Assert.All(perId.Values, requests => Assert.Equal(1, requests.Count(r => r.StatusCode == 200)));
            Assert.All(perId.Values, requests => Assert.True(requests.Count(r => r.RateLimited) <= 2, requests[0].Path + " was refused " + requests.Count(r => r.RateLimited) + " times"));
            Assert.All(perId.Values, requests => Assert.Equal(200, requests.Last().StatusCode));
        }

        [Fact]
        public void Get_PortalProposal_Id_under_a_rate_limit_writes_every_proposal_in_order_without_an_error()
        {
            var ids = Enumerable.Range(SandboxSeed.FirstExtraProposalId, 60).ToArray();
            var (sandbox, connected) = Start(ids.Length);
            using (sandbox)
            using (connected)
            {
                var run = connected.Run("Get-PortalProposal -Id $ids", new Dictionary<string, object?> { ["ids"] = ids });

                Assert.Null(run.Terminating);
                Assert.Empty(run.Errors);
                Assert.Equal(ids, run.Objects<Proposal>().Select(p => p.Id).ToArray());
                AssertEveryReadAnsweredOnceAndEach429Retried(sandbox, "/public/proposals/", ids);

                // Before the first 429 the fan-out ran several requests at once; after the session
                // learned the limit, the sandbox saw fewer at once than -ThrottleLimit allows.
                var reads = sandbox.GetRequests("GET", "/public/proposals/*");
                var first429 = reads.First(r => r.RateLimited).Sequence;
                var lastRefused = reads.Last(r => r.RateLimited).Sequence;
                Assert.True(reads.Where(r => r.Sequence < first429).Max(r => r.InFlightOnArrival) >= 2, "the fan-out never ran two requests at once");
                var afterwards = reads.Where(r => r.Sequence > lastRefused).ToList();
                Assert.NotEmpty(afterwards);
                Assert.True(afterwards.Max(r => r.InFlightOnArrival) < 8, "after the 429s the sandbox still saw " + afterwards.Max(r => r.InFlightOnArrival) + " at once");
            }
        }

        [Fact]
        public void A_pipeline_of_proposals_into_Get_PortalArea_under_a_rate_limit_writes_every_area_in_order_without_an_error()
        {
            // The sandbox counts in fixed one-second windows, and 30 reads straddling a window's edge
            // can stay under 20 in each; at 10 a second any split of 30 over two windows meets it.
            var (sandbox, connected) = Start(0, limit: 10);
            using (sandbox)
            using (connected)
            {
                // The seeded proposals of the demo dealer, 30 of them, each read once for its areas.
                var run = connected.Run("$proposals = Get-PortalProposal -First 30; $proposals | Get-PortalArea | ForEach-Object ProposalId; '--'; $proposals.Id");

                Assert.Null(run.Terminating);
                Assert.Empty(run.Errors);
                var lines = run.Output.Select(o => Convert.ToInt32(o.BaseObject is string s && s == "--" ? -1 : o.BaseObject, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var split = lines.IndexOf(-1);
                var areaProposals = lines.Take(split).ToList();
                var proposalIds = lines.Skip(split + 1).ToList();
                Assert.Equal(30, proposalIds.Count);
                // Areas come out grouped by proposal, in the order the proposals came in.
                Assert.NotEmpty(areaProposals);
                Assert.Equal(proposalIds.Where(areaProposals.Contains), areaProposals.Distinct());
                AssertEveryReadAnsweredOnceAndEach429Retried(sandbox, "/public/proposals/", proposalIds);
            }
        }
    }
}
