using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PortalIo.Models;
using PortalIo.Sandbox;
using PortalIo.Sandbox.Diagnostics;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// The fan-out of every cmdlet that reads once per input (-ThrottleLimit): input order, streaming,
    /// one error record per failed input in its place, Ctrl+C. Concurrency is what the sandbox saw
    /// (its journal's InFlightOnArrival), never a duration.
    /// </summary>
    public class FanOutTests
    {
        private static int[] Ids(int count) => Enumerable.Range(SandboxSeed.FirstExtraProposalId, count).ToArray();

        /// <summary>
        /// Holds the first <c>count</c> GETs whose path starts with a prefix until all of them have
        /// arrived: the last of them then finds exactly that many held, so a fan-out that reaches its
        /// limit is seen reaching it whatever the machine's speed. Requests after those pass at once.
        /// </summary>
        private sealed class ArrivalBarrier
        {
            private string? _prefix;
            private int _count;
            private int _arrived;
            private CountdownEvent? _all;

            public void Arm(string pathPrefix, int count)
            {
                _all = new CountdownEvent(count);
                _count = count;
                _arrived = 0;
                Volatile.Write(ref _prefix, pathPrefix);
            }

            public void Observe(SandboxObservedRequest request)
            {
                var prefix = Volatile.Read(ref _prefix);
                if (prefix is null || request.Method != "GET" || !request.RawUrl.StartsWith(prefix, StringComparison.Ordinal)) return;
                if (Interlocked.Increment(ref _arrived) > _count) return;
                _all!.Signal();
                _all.Wait(TimeSpan.FromSeconds(30));
            }
        }

        private static int MostHeldAtOnce(SandboxServer sandbox, string pathPrefix) =>
            sandbox.GetRequests("GET").Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).Max(r => r.InFlightOnArrival);

        [Fact]
        public void Proposals_come_out_in_input_order_with_up_to_the_throttle_limit_requested_at_once()
        {
            var barrier = new ArrivalBarrier();
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 24, RequestObserver = barrier.Observe });
            using var connected = new ConnectedRunspace(sandbox);
            // Reversed and repeated ids: the order is the input's, not the order of completion.
            var ids = Ids(24).Reverse().Concat(new[] { SandboxSeed.FirstExtraProposalId }).ToArray();
            sandbox.ClearRequests();
            barrier.Arm("/public/proposals/", 8);

            var run = connected.Run("Get-PortalProposal -Id $ids", new Dictionary<string, object?> { ["ids"] = ids });

            Assert.Empty(run.Errors);
            Assert.Equal(ids, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            Assert.Equal(PortalIo.PowerShell.PortalFanOutCmdlet.DefaultThrottleLimit, MostHeldAtOnce(sandbox, "/public/proposals/"));
        }

        [Fact]
        public void Ids_from_the_pipeline_fan_out_across_records_and_keep_their_order()
        {
            var barrier = new ArrivalBarrier();
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 16, RequestObserver = barrier.Observe });
            using var connected = new ConnectedRunspace(sandbox);
            var ids = Ids(16);
            sandbox.ClearRequests();
            barrier.Arm("/public/proposals/", 5);

            var run = connected.Run("$ids | Get-PortalProposal -ThrottleLimit 5", new Dictionary<string, object?> { ["ids"] = ids });

            Assert.Empty(run.Errors);
            Assert.Equal(ids, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            Assert.Equal(5, MostHeldAtOnce(sandbox, "/public/proposals/"));
        }

        [Fact]
        public void Each_failed_id_is_its_own_error_record_and_the_others_are_still_written()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 4 });
            using var connected = new ConnectedRunspace(sandbox);
            var first = SandboxSeed.FirstExtraProposalId;
            var ids = new[] { first, 999_001, first + 1, SandboxSeed.OtherDealerProposalId, first + 2 };

            var run = connected.Run("Get-PortalProposal -Id $ids", new Dictionary<string, object?> { ["ids"] = ids });

            Assert.Equal(new[] { first, first + 1, first + 2 }, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            Assert.Equal(2, run.Errors.Count);
            Assert.Equal(new object[] { 999_001, SandboxSeed.OtherDealerProposalId }, run.Errors.Select(e => e.TargetObject).ToArray());
            Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        }

        [Fact]
        public void ThrottleLimit_1_sends_one_request_after_another()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 6, Latency = TimeSpan.FromMilliseconds(30) });
            using var connected = new ConnectedRunspace(sandbox);
            var ids = Ids(6);
            sandbox.ClearRequestLog();

            var run = connected.Run("Get-PortalProposal -Id $ids -ThrottleLimit 1", new Dictionary<string, object?> { ["ids"] = ids });

            Assert.Empty(run.Errors);
            Assert.Equal(ids, run.Objects<Proposal>().Select(p => p.Id).ToArray());
            var received = sandbox.GetRequests("GET", "/public/proposals/*");
            Assert.Equal(ids.Select(i => "/public/proposals/" + i), received.Select(r => r.Path));
            Assert.All(received, r => Assert.Equal(1, r.InFlightOnArrival));
        }

        [Fact]
        public void Objects_are_written_while_later_inputs_are_still_to_be_sent()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 40 });
            using var connected = new ConnectedRunspace(sandbox);
            var ids = Ids(40);
            var vars = new Dictionary<string, object?> { ["ids"] = ids, ["sandbox"] = sandbox };

            // Each object notes how many requests the sandbox had received when it reached the next command.
            var run = connected.Run(
                "$before = $sandbox.RequestCount; Get-PortalProposal -Id $ids -ThrottleLimit 2 | ForEach-Object { $sandbox.RequestCount - $before }", vars);

            Assert.Empty(run.Errors);
            var sentBefore = run.Output.Select(o => Convert.ToInt64(o.BaseObject, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(ids.Length, sentBefore.Count);
            // Two running and at most 16 results held per running request: the first proposal is out
            // before the 33rd request is sent, and every later one before the last request at the latest.
            Assert.InRange(sentBefore[0], 1, 2 * 16);
            Assert.True(sentBefore.SequenceEqual(sentBefore.OrderBy(n => n)), "requests counted backwards");
        }

        [Fact]
        public void Stop_during_a_fan_out_returns_without_waiting_for_the_requests_under_way_and_sends_no_further_request()
        {
            using var release = new ManualResetEventSlim();
            var heldNow = 0;
            // The first four ids are answered; any later one is held until the test releases it.
            void HoldAfterTheFirstFour(SandboxObservedRequest request)
            {
                const string prefix = "/public/proposals/";
                if (request.Method != "GET" || !request.RawUrl.StartsWith(prefix, StringComparison.Ordinal)) return;
                if (int.Parse(request.RawUrl.Substring(prefix.Length), System.Globalization.CultureInfo.InvariantCulture) < P0 + 4) return;
                Interlocked.Increment(ref heldNow);
                release.Wait(TimeSpan.FromSeconds(30));
                Interlocked.Decrement(ref heldNow);
            }
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 200, RequestObserver = HoldAfterTheFirstFour });
            using var connected = new ConnectedRunspace(sandbox);
            using var ps = connected.Runspace.Create("Get-PortalProposal -Id $ids -ThrottleLimit 4", new Dictionary<string, object?> { ["ids"] = Ids(200) });
            var output = new PSDataCollection<PSObject>();
            ps.BeginInvoke<PSObject, PSObject>(null, output);
            // Four answered and written, four held by the sandbox: the fan-out is full and waiting.
            for (var i = 0; i < 3000 && (Volatile.Read(ref heldNow) < 4 || output.Count < 4); i++) Thread.Sleep(10);
            Assert.Equal(4, Volatile.Read(ref heldNow));
            Assert.Equal(4, output.Count);

            ps.Stop();
            var heldWhenStopped = Volatile.Read(ref heldNow);
            var receivedWhenStopped = sandbox.RequestCount;
            release.Set();

            // Stop returned while the sandbox still held every request under way (it would release
            // them only after 30 s): it did not wait for them.
            Assert.Equal(4, heldWhenStopped);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            for (var i = 0; i < 500 && sandbox.RecordedCount < sandbox.RequestCount; i++) Thread.Sleep(10);
            Thread.Sleep(300);
            Assert.Equal(receivedWhenStopped, sandbox.RequestCount);
        }

        /// <summary>One id on the command line skips the fan-out's machinery (FanOutEach): Ctrl+C must still end its call at once.</summary>
        [Fact]
        public void Stop_ends_a_single_id_read_at_once()
        {
            var path = "/public/proposals/" + SandboxSeed.DraftProposalId;
            var heldNow = 0;
            using var release = new ManualResetEventSlim();
            void Hold(SandboxObservedRequest request)
            {
                if (request.Method != "GET" || request.RawUrl != path) return;
                Interlocked.Increment(ref heldNow);
                release.Wait(TimeSpan.FromSeconds(30));
                Interlocked.Decrement(ref heldNow);
            }
            using var sandbox = SandboxServer.Start(new SandboxOptions { RequestObserver = Hold });
            using var connected = new ConnectedRunspace(sandbox);
            using var ps = connected.Runspace.Create("Get-PortalProposal -Id " + SandboxSeed.DraftProposalId);
            var output = new PSDataCollection<PSObject>();
            ps.BeginInvoke<PSObject, PSObject>(null, output);
            for (var i = 0; i < 3000 && Volatile.Read(ref heldNow) < 1; i++) Thread.Sleep(10);
            Assert.Equal(1, Volatile.Read(ref heldNow));

            ps.Stop();
            var heldWhenStopped = Volatile.Read(ref heldNow);
            release.Set();

            // Stop returned while the sandbox still held the one request (for up to 30 s): it did not wait for it.
            Assert.Equal(1, heldWhenStopped);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Empty(output);
        }

        [Fact]
        public void A_single_id_that_fails_is_its_own_error_record_and_the_script_goes_on()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions());
            using var connected = new ConnectedRunspace(sandbox);
            var run = connected.Run("Get-PortalProposal -Id " + SandboxSeed.OtherAccountProposalId + "; 'after'");
            var record = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.NotFound", record.FullyQualifiedErrorId);
            Assert.Equal(SandboxSeed.OtherAccountProposalId, record.TargetObject);
            Assert.Contains("Get-PortalProposal", record.ErrorDetails.RecommendedAction);
            Assert.Equal("after", Assert.Single(run.Output).BaseObject);
        }

        [Fact]
        public void ThrottleLimit_is_validated()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions());
            using var connected = new ConnectedRunspace(sandbox);
            var run = connected.Run("Get-PortalProposal -Id 1042 -ThrottleLimit 0");
            Assert.Contains("ParameterArgumentValidationError", run.FirstError.FullyQualifiedErrorId);
            var tooMany = connected.Run("Get-PortalArea -ProposalId 1042 -ThrottleLimit 65");
            Assert.Contains("ParameterArgumentValidationError", tooMany.FirstError.FullyQualifiedErrorId);
        }

        /// <summary>One per-input read cmdlet: what it is given, what its per-input request is, and what comes out, in order.</summary>
        public sealed class Case
        {
            public string Setup = "";
            public string Script = "";
            public string PathPrefix = "";
            /// <summary>The property of each output object that names its input.</summary>
            public string Key = "";
            /// <summary>One line per input in input order: its key, or "error " and the error's TargetObject.</summary>
            public string[] Expected = Array.Empty<string>();
        }

        private const int P0 = SandboxSeed.FirstExtraProposalId;

        public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
        {
            ["Get-PortalProposal"] = new Case
            {
                Script = "$in = @(" + (P0 + 4) + ", 999001, " + P0 + ", " + (P0 + 3) + ", " + (P0 + 1) + ", " + (P0 + 2) + "); $in | Get-PortalProposal -ThrottleLimit 4",
                PathPrefix = "/public/proposals/", Key = "Id",
                Expected = new[] { "" + (P0 + 4), "error 999001", "" + P0, "" + (P0 + 3), "" + (P0 + 1), "" + (P0 + 2) },
            },
            ["Get-PortalArea"] = new Case
            {
                Setup = P0 + ".." + (P0 + 4) + " | ForEach-Object { $null = Add-PortalArea -ProposalId $_ -Name 'Room' }",
                Script = "@(" + (P0 + 4) + ", " + P0 + ", 999001, " + (P0 + 2) + ", " + (P0 + 1) + ", " + (P0 + 3) + ") | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Get-PortalArea -ThrottleLimit 4",
                PathPrefix = "/public/proposals/", Key = "ProposalId",
                Expected = new[] { "" + (P0 + 4), "" + P0, "error 999001", "" + (P0 + 2), "" + (P0 + 1), "" + (P0 + 3) },
            },
            ["Get-PortalAreaOption"] = new Case
            {
                Setup = P0 + ".." + (P0 + 4) + " | ForEach-Object { $null = Add-PortalArea -ProposalId $_ -Name 'Room' }",
                Script = "@(" + (P0 + 3) + ", 999001, " + (P0 + 1) + ", " + P0 + ", " + (P0 + 4) + ", " + (P0 + 2) + ") | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Get-PortalAreaOption -ThrottleLimit 4",
                PathPrefix = "/public/proposals/", Key = "ProposalId",
                Expected = new[] { "" + (P0 + 3), "error 999001", "" + (P0 + 1), "" + P0, "" + (P0 + 4), "" + (P0 + 2) },
            },
            ["Get-PortalChangeOrder -Id"] = new Case
            {
                Script = "Get-PortalChangeOrder -ProposalId " + SandboxSeed.AcceptedProposalId + " -Id 6002, 6001, " + SandboxSeed.CompletedProposalChangeOrderId + ", 6001, 6002 -ThrottleLimit 4",
                PathPrefix = "/public/proposals/" + SandboxSeed.AcceptedProposalId + "/changeorders/", Key = "Id",
                Expected = new[] { "6002", "6001", "error " + SandboxSeed.CompletedProposalChangeOrderId, "6001", "6002" },
            },
            ["Get-PortalChangeOrder"] = new Case
            {
                Script = "@(1044, 1043, 999001, 1044, 1043) | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Get-PortalChangeOrder -ThrottleLimit 4",
                PathPrefix = "/public/proposals/", Key = "ProposalId",
                Expected = new[] { "1044", "1043", "error 999001", "1044", "1043" },
            },
            ["Get-PortalContact"] = new Case
            {
                Script = "@(95, 88, " + SandboxSeed.OtherDealerContactId + ", 93, 91, 94) | Get-PortalContact -ThrottleLimit 4",
                PathPrefix = "/public/people/", Key = "Id",
                Expected = new[] { "95", "88", "error " + SandboxSeed.OtherDealerContactId, "93", "91", "94" },
            },
            ["Get-PortalContactLocation"] = new Case
            {
                Script = "@(96, 88, " + SandboxSeed.OtherDealerContactId + ", 95, 94, 88) | ForEach-Object { [pscustomobject]@{ ContactId = $_ } } | Get-PortalContactLocation -ThrottleLimit 4",
                PathPrefix = "/public/people/", Key = "ContactId",
                // 94 has no location; 96 has two and 95 four, each written as one line below.
                Expected = new[] { "96", "88", "error " + SandboxSeed.OtherDealerContactId, "95", "88" },
            },
            ["Get-PortalCatalogItem"] = new Case
            {
                Script = "@(8821, " + SandboxSeed.CatalogDiscontinuedItemId + ", 999001, 8822, 8821, 8850) | Get-PortalCatalogItem -ThrottleLimit 4",
                PathPrefix = "/public/catalog/", Key = "Id",
                Expected = new[] { "8821", "" + SandboxSeed.CatalogDiscontinuedItemId, "error 999001", "8822", "8821", "8850" },
            },
            ["Find-PortalCatalogItem"] = new Case
            {
                Script = "@(@{ ParentCategoryId = 13 }, @{ ParentCategoryId = 12 }, @{ CategoryId = 0 }, @{ ParentCategoryId = 13 }, @{ ParentCategoryId = 12 }, @{ ParentCategoryId = 13 }) | ForEach-Object { [pscustomobject]$_ } | Find-PortalCatalogItem -First 1 -ThrottleLimit 4",
                PathPrefix = "/public/catalog?", Key = "ParentCategoryId",
                // The refused input (category 0) is never sent, and its error keeps its place.
                Expected = new[] { "13", "12", "error 0", "13", "12", "13" },
            },
            ["Get-PortalAiOutline"] = new Case
            {
                // No outline was started: each proposal's read fails on its own, in input order.
                Script = "@(1046, 1042, 1047, 1043, 1048) | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Get-PortalAiOutline -ThrottleLimit 4",
                PathPrefix = "/public/proposals/", Key = "ProposalId",
                Expected = new[] { "error 1046", "error 1042", "error 1047", "error 1043", "error 1048" },
            },
            ["Get-PortalAiContent"] = new Case
            {
                Script = "@(1046, 999001, 1042, 999002, 1043) | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Get-PortalAiContent -ThrottleLimit 4",
                PathPrefix = "/public/proposals/", Key = "ProposalId",
                Expected = new[] { "error 999001", "error 999002" },
            },
            // A webhook carries no proposal id: the binding rule refuses it, and its error keeps its place.
            ["Get-PortalProposal, an input the binding rule refuses"] = new Case
            {
                Setup = "$hook = New-PortalWebhook -Url 'https://example.com/refused' -Event proposal.status_changed; $global:in = @(" +
                    (P0 + 2) + ", " + P0 + ", 'hook', " + (P0 + 1) + ", " + (P0 + 4) + ", " + (P0 + 3) + ") | ForEach-Object { if ($_ -eq 'hook') { $hook } else { Get-PortalProposal -Id $_ } }",
                Script = "$in | Get-PortalProposal -ThrottleLimit 4",
                PathPrefix = "/public/proposals/", Key = "Id",
                Expected = new[] { "" + (P0 + 2), "" + P0, "error Webhook 42 -> https://example.com/refused", "" + (P0 + 1), "" + (P0 + 4), "" + (P0 + 3) },
            },
            ["Get-PortalWebhook"] = new Case
            {
                Setup = "$global:hooks = 1..5 | ForEach-Object { New-PortalWebhook -Url \"https://example.com/hook$_\" -Event proposal.status_changed }",
                Script = "$hooks[3], $hooks[0], $hooks[4], $hooks[2], $hooks[1] | Get-PortalWebhook -ThrottleLimit 4 | ForEach-Object { [array]::IndexOf(@($hooks.SubscriptionId), $_.SubscriptionId) }",
                PathPrefix = "/public/webhook/subscriptions", Key = "",
                Expected = new[] { "3", "0", "4", "2", "1" },
            },
        };

        public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Every_per_input_read_cmdlet_fans_out_in_input_order_with_an_error_record_per_failed_input(string cmdlet)
        {
            var c = Cases[cmdlet];
            var barrier = new ArrivalBarrier();
            using var sandbox = SandboxServer.Start(new SandboxOptions { ExtraProposalCount = 8, RequestObserver = barrier.Observe });
            using var connected = new ConnectedRunspace(sandbox);
            if (c.Setup.Length > 0)
            {
                var setup = connected.Run(c.Setup);
                Assert.True(setup.Errors.Count == 0 && setup.Terminating == null, "setup failed: " + string.Join("; ", setup.AllText().Take(3)));
            }
            sandbox.ClearRequests();
            barrier.Arm(c.PathPrefix, 4);

            var key = c.Key.Length == 0 ? "$_" : "$_." + c.Key;
            var run = connected.Run("& { " + c.Script + " } 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error ' + $_.TargetObject } else { [string](" + key + ") } }");

            Assert.Null(run.Terminating);
            var lines = run.Output.Select(o => o.ToString()).ToList();
            // Consecutive objects of one input (its areas, its locations) count as one line.
            var perInput = lines.Where((line, i) => i == 0 || line.StartsWith("error ", StringComparison.Ordinal) || line != lines[i - 1]).ToArray();
            Assert.Equal(c.Expected, perInput);
            Assert.Equal(4, MostHeldAtOnce(sandbox, c.PathPrefix.TrimEnd('?')));
        }
    }
}
