using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Commands.Proposals;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.Sandbox;
using PortalIo.Sandbox.Faults;
using PortalIo.Session;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>Issues #5 and #13: the cmdlets keep working through injected faults, and a stall ends within the time asked for.</summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class FaultToleranceTests
    {
        private readonly ITestOutputHelper _output;

        public FaultToleranceTests(ITestOutputHelper output) => _output = output;

        /// <summary>
        /// Client settings for a fault run: a short timeout (stalls cost a second, not 100), short
        /// backoff, and a deadline that leaves room for several stalls in a row.
        /// </summary>
        internal static ClientSettings FaultRunSettings(int maxRetries, TimeSpan? timeout = null) => new ClientSettings
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(1),
            Deadline = TimeSpan.FromSeconds(30),
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };

        [Fact]
        public void A_thousand_gets_through_20_percent_faults_of_all_ten_kinds_surface_no_error_and_every_attempt_is_signed_anew()
        {
            var audit = new SignatureAudit();
            using var sandbox = SandboxServer.Start(new SandboxOptions
            {
                FaultRate = 0.2, FaultKinds = FaultKinds.All, StallDuration = TimeSpan.FromSeconds(2), RandomSeed = 5,
                RequestObserver = audit.Observe,
            });
            // 8 retries: at a 20% rate, 9 faults in a row for one call has odds of 5e-7. Every retry must
            // come from a fault, so a plain answer must never time out: 1.5 s, not 1 s, for a busy 2-core
            // machine running the whole suite (one such retry made 247 attempts for 246 faults), and still
            // under the 2 s stall.
            var session = Demo.Session(sandbox, FaultRunSettings(maxRetries: 8, timeout: TimeSpan.FromSeconds(1.5)));
            const int runspaces = 4, callsEach = 250;
            // Four kinds of GET through the cmdlets, in four runspaces sharing the session (stalls overlap).
            const string script = @"
                $objects = 0
                foreach ($i in 1..$calls) {
                    switch ($i % 4) {
                        0 { $r = Get-PortalUser -Session $s }
                        1 { $r = Get-PortalProposal -Id 1042 -Session $s }
                        2 { $r = Get-PortalArea -ProposalId 1042 -Session $s }
                        3 { $r = Get-PortalProposal -First 3 -Session $s }
                    }
                    $objects += @($r).Count
                }
                $objects";
            var stopwatch = Stopwatch.StartNew();
            var runs = Enumerable.Range(0, runspaces).Select(_ => Task.Run(() =>
            {
                using var rs = new ModuleRunspace();
                return rs.Run(script, new Dictionary<string, object?> { ["s"] = session, ["calls"] = callsEach });
            })).ToArray();
            Task.WaitAll(runs);
            stopwatch.Stop();

            var errors = runs.SelectMany(r => r.Result.Errors).ToList();
            var terminating = runs.Select(r => r.Result.Terminating).Where(t => t != null).ToList();
            var objects = runs.Sum(r => Convert.ToInt64(r.Result.Output.Last().BaseObject));
            var calls = runspaces * callsEach;
            var attempts = audit.Requests.Count;
            var badlySigned = audit.BadlySigned(sandbox, TimeSpan.FromSeconds(5));
            var byKind = sandbox.FaultsInjectedByKind.Where(k => k.Value > 0).ToDictionary(k => k.Key, k => k.Value);

            ReliabilityFigures.Report(_output, "faults: 1,000 GETs at a 20% fault rate, all ten kinds",
                ("calls", calls), ("objects written", objects), ("HTTP attempts", attempts), ("retries", attempts - calls),
                ("faults injected", sandbox.FaultsInjected),
                ("faults by kind", string.Join(", ", byKind.Select(k => k.Key + "=" + k.Value))),
                ("errors surfaced", errors.Count + terminating.Count), ("attempts not signed for their own date", badlySigned.Count),
                ("distinct signatures", audit.Signatures.Count), ("seconds", Math.Round(stopwatch.Elapsed.TotalSeconds, 1)));

            Assert.Empty(terminating);
            Assert.True(errors.Count == 0, "errors surfaced: " + string.Join(" | ", errors.Take(5).Select(e => e.ToString())));
            Assert.Empty(badlySigned);
            Assert.True(sandbox.FaultsInjected >= 100, "too few faults injected: " + sandbox.FaultsInjected);
            foreach (var kind in FaultKinds.All) Assert.True(byKind.ContainsKey(kind), "no " + kind + " fault was injected");
            Assert.Equal(attempts - calls, sandbox.FaultsInjected);
            Assert.Equal(0, sandbox.SignatureFailures);
        }

        [Fact]
        public void A_stalled_response_ends_with_a_clear_timeout_error_within_TimeoutSec_plus_one_second()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { FaultRate = 1, FaultKinds = new[] { FaultKind.Stall }, StallDuration = TimeSpan.FromSeconds(30) });
            using var rs = new ModuleRunspace();
            var vars = new Dictionary<string, object?>
            {
                ["baseUri"] = sandbox.BaseUri, ["appKey"] = sandbox.ApplicationKey,
                ["secret"] = SandboxFixture.Secure(sandbox.SecretKey), ["userKey"] = SandboxFixture.Secure(Demo.UserKey(sandbox)),
            };
            Assert.Empty(rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -UserKey $userKey -TimeoutSec 2 -MaxRetries 0", vars).Errors);
            sandbox.ClearRequests();

            var get = Stopwatch.StartNew();
            var run = rs.Run("Get-PortalUser");
            get.Stop();
            // A write whose answer never came is read back before it is reported; here the read-back
            // stalls too, so the write is one WriteOutcomeUnknown error, never sent again.
            var post = Stopwatch.StartNew();
            var write = rs.Run("Add-PortalArea -ProposalId 1042 -Name 'Stalled'");
            post.Stop();
            var posts = sandbox.GetRequests("POST", "/public/proposals/1042/area").Count;

            ReliabilityFigures.Report(_output, "faults: stalled response, -TimeoutSec 2 -MaxRetries 0",
                ("GET error after seconds", Math.Round(get.Elapsed.TotalSeconds, 2)), ("POST error after seconds (the write, then its read-back)", Math.Round(post.Elapsed.TotalSeconds, 2)),
                ("GET message", run.FirstError.ToString()), ("POST message", write.FirstError.ToString()), ("POSTs sent", posts));

            var error = run.FirstError;
            Assert.Equal("PortalIo.Timeout", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("timed out", error.ToString());
            Assert.Contains("2 s", error.ToString());
            Assert.True(get.Elapsed < TimeSpan.FromSeconds(3), "the timeout error came after " + get.Elapsed);

            var unknown = Assert.Single(write.Errors);
            Assert.Equal("PortalIo.WriteOutcomeUnknown", unknown.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("no answer arrived in time", unknown.ToString());
            Assert.Contains("reading back to settle it failed too", unknown.ToString());
            Assert.Contains("before you run the command again", unknown.ErrorDetails.RecommendedAction);
            Assert.Equal(1, posts);
            Assert.True(post.Elapsed < TimeSpan.FromSeconds(5), "the write's error came after " + post.Elapsed);
        }

        [Fact]
        public void Stop_during_a_50_page_listing_returns_within_a_second_and_sends_no_further_request()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(200), ExtraProposalCount = 60 });
            using var connected = new ConnectedRunspace(sandbox);
            using var ps = connected.Runspace.Create("Get-PortalProposal -PageSize 1 -First 50");
            var output = new PSDataCollection<PSObject>();
            var fifth = new ManualResetEventSlim();
            output.DataAdded += (_, _) => { if (output.Count >= 5) fifth.Set(); };
            ps.BeginInvoke<PSObject, PSObject>(null, output);

            Assert.True(fifth.Wait(TimeSpan.FromSeconds(30)), "five pages did not arrive");
            var stopwatch = Stopwatch.StartNew();
            ps.Stop();
            stopwatch.Stop();
            var requestsAtStop = sandbox.RequestCount;
            Thread.Sleep(1000);
            var requestsAfter = sandbox.RequestCount - requestsAtStop;

            ReliabilityFigures.Report(_output, "faults: Ctrl+C during a 50-page listing",
                ("pages written before Stop", output.Count), ("Stop returned after ms", stopwatch.ElapsedMilliseconds),
                ("requests after Stop", requestsAfter));

            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), "Stop took " + stopwatch.Elapsed);
            Assert.Equal(0, requestsAfter);
            Assert.True(output.Count < 50);
        }

        [Fact]
        public void Eight_runspaces_sharing_one_session_make_2400_calls_with_valid_signatures_and_keep_their_own_current_sessions()
        {
            var audit = new SignatureAudit();
            using var sandbox = SandboxServer.Start(new SandboxOptions { RequestObserver = audit.Observe });
            var shared = Demo.Session(sandbox, new ClientSettings());
            const int runspaces = 8, callsEach = 300;
            var vars = new Dictionary<string, object?>
            {
                ["shared"] = shared, ["baseUri"] = sandbox.BaseUri, ["appKey"] = sandbox.ApplicationKey,
                ["secret"] = SandboxFixture.Secure(sandbox.SecretKey), ["userKey"] = SandboxFixture.Secure(Demo.UserKey(sandbox)),
                ["calls"] = callsEach,
            };
            // Each runspace has its own current session (told apart by -TimeoutSec) and uses the shared one with -Session.
            const string script = @"
                Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -UserKey $userKey -TimeoutSec $mine
                $ok = 0
                foreach ($i in 1..$calls) {
                    if ($i % 2) { $r = Get-PortalProposal -Id 1042 -Session $shared } else { $r = Get-PortalUser -Session $shared }
                    if ($r) { $ok++ }
                    if ($i -eq 150 -and $mine -eq 11) { Disconnect-Portal }
                }
                $ok
                $current = Get-PortalSession
                if ($current) { $current.TimeoutSec } else { 'none' }";
            var stopwatch = Stopwatch.StartNew();
            var runs = Enumerable.Range(0, runspaces).Select(i => Task.Run(() =>
            {
                using var rs = new ModuleRunspace();
                return rs.Run(script, new Dictionary<string, object?>(vars) { ["mine"] = 10 + i });
            })).ToArray();
            Task.WaitAll(runs);
            stopwatch.Stop();

            var succeeded = runs.Sum(r => Convert.ToInt32(r.Result.Output[0].BaseObject));
            var invalid = sandbox.RequestLog.Count(r => !r.SignatureValid);
            ReliabilityFigures.Report(_output, "concurrency: 8 runspaces x 300 calls, one shared session",
                ("calls", runspaces * callsEach), ("succeeded", succeeded), ("requests seen by the sandbox", sandbox.RequestCount),
                ("invalid signatures", invalid + sandbox.SignatureFailures), ("seconds", Math.Round(stopwatch.Elapsed.TotalSeconds, 1)));

            foreach (var run in runs) Assert.True(run.Result.Errors.Count == 0 && run.Result.Terminating == null,
                "errors: " + string.Join(" | ", run.Result.Errors.Select(e => e.ToString())) + run.Result.Terminating);
            Assert.Equal(runspaces * callsEach, succeeded);
            Assert.Equal(0, invalid);
            Assert.Equal(0, sandbox.SignatureFailures);
            Assert.Empty(audit.BadlySigned(sandbox, TimeSpan.FromSeconds(5)));
            for (var i = 0; i < runspaces; i++)
            {
                // Runspace 1 disconnected its own current session; the others still have theirs.
                var expected = i == 1 ? "none" : (10 + i).ToString();
                Assert.Equal(expected, runs[i].Result.Output[1].BaseObject.ToString());
            }
        }
    }
}
