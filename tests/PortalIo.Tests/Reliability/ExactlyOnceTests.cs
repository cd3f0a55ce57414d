using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13, item 6: every write cmdlet against each way its answer can be lost (the sandbox's
    /// scripted faults strike the write itself), and what the module then does, as
    /// about_PortalIo_Errors documents it: retried (idempotent), settled by reading back (applied:
    /// the object, with a verbose note; not applied: sent once more), or one WriteOutcomeUnknown
    /// error with its input and advice to check first. In every case the write is applied at most
    /// once (idempotent ones aside, where twice is once).
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public sealed class ExactlyOnceTests : IDisposable
    {
        /// <summary>How the module treats a write whose answer is lost.</summary>
        internal enum Policy
        {
            /// <summary>Sent again like a GET (sending it twice is sending it once).</summary>
            Idempotent,
            /// <summary>Read back: applied → the object; not applied → sent again.</summary>
            ReadBack,
            /// <summary>Read back: found → the object; not found → WriteOutcomeUnknown (never sent again).</summary>
            FindOnly,
            /// <summary>Nothing to read back → WriteOutcomeUnknown (never sent again).</summary>
            Unsettled,
        }

        private static readonly (SandboxFaultMode Mode, int? Status)[] Modes =
        {
            (SandboxFaultMode.ApplyThenReset, null), (SandboxFaultMode.ApplyThenStall, null), (SandboxFaultMode.ApplyThenStatus, 500),
            (SandboxFaultMode.ApplyThenUnreadable, null), (SandboxFaultMode.Reset, null), (SandboxFaultMode.Stall, null),
            (SandboxFaultMode.FailWithStatus, 502),
        };

        private readonly ITestOutputHelper _output;
        private readonly SandboxServer _sandbox;
        private readonly ModuleRunspace _rs;
        private readonly Dictionary<string, object?> _vars;
        private readonly string _dir;

        public ExactlyOnceTests(ITestOutputHelper output)
        {
            _output = output;
            _sandbox = SandboxServer.Start(new SandboxOptions { StallDuration = TimeSpan.FromSeconds(3), AiStepDuration = TimeSpan.FromMilliseconds(50) });
            var session = Demo.Session(_sandbox, new ClientSettings
            {
                Timeout = TimeSpan.FromMilliseconds(700), Deadline = TimeSpan.FromSeconds(10), MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            });
            _dir = Path.Combine(Path.GetTempPath(), "portalio-once-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
            File.WriteAllText(Path.Combine(_dir, "notes.txt"), "Living room: 7.1 surround, projector, blackout blinds.");
            _rs = new ModuleRunspace();
            // Each scenario prepares with a patient session (the default timeout), so that a slow call cannot fail the preparation.
            _vars = new Dictionary<string, object?> { ["s"] = session, ["patient"] = Demo.Session(_sandbox, new ClientSettings()), ["dir"] = _dir };
            _rs.Run("$ConfirmPreference = 'None'", _vars);
        }

        /// <summary>
        /// One write cmdlet: how to prepare it (per fault mode, so each run writes something new), the
        /// call, and what it settles by. <see cref="ReadsAnswer"/> is false for a cmdlet that needs only
        /// the success status (a 2xx with an unreadable body is then simply an answer).
        /// </summary>
        private sealed record Scenario(string Cmdlet, Policy Policy, string Method, string FaultPath, string Prepare, string Write, Type? Target, bool Creates, bool ReadsAnswer = true);

        private static IEnumerable<Scenario> Scenarios() => new[]
        {
            new Scenario("Set-PortalProposal", Policy.Idempotent, "POST", "/public/proposals/[0-9]*[0-9]", "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77",
                "Set-PortalProposal -Id $p.Id -Name \"Renamed $n\" -PassThru", null, false),
            new Scenario("Set-PortalAreaOption", Policy.Idempotent, "POST", "/public/proposals/*/area-options/*/clientdescription",
                "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77; $a = Add-PortalArea -ProposalId $p.Id -Name Den",
                "Set-PortalAreaOption -ProposalId $p.Id -OptionId $a.Options[0].Id -ClientDescription \"Better $n\" -PassThru", null, false),
            new Scenario("Set-PortalProposalContact", Policy.Idempotent, "POST", "/public/proposals/*/contact/*",
                "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77; $c = Get-PortalContact -First 1",
                "Set-PortalProposalContact -ProposalId $p.Id -ContactId $c.Id -PassThru", null, false),
            new Scenario("Set-PortalProposalLocation", Policy.Idempotent, "POST", "/public/proposals/*/location/*",
                "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77; $c = New-PortalContact -FirstName Ada -LastName \"Site $n\" -PartyType Person -ContactType Client; " +
                "$l = New-PortalContactLocation -ContactId $c.Id -Street \"$n Site Rd\" -City Austin -State Texas; Set-PortalProposalContact -ProposalId $p.Id -ContactId $c.Id",
                "Set-PortalProposalLocation -ProposalId $p.Id -LocationId $l.Id -PassThru", null, false),
            new Scenario("Set-PortalWebhook", Policy.Idempotent, "POST", "/public/webhook/subscription/*",
                "$w = New-PortalWebhook -Url \"https://hooks.example.com/set/$n\" -Event proposal.status_changed 3>$null",
                "Set-PortalWebhook -Id $w.SubscriptionId -Description \"Set $n\"", null, false),
            new Scenario("Start-PortalAiOutline", Policy.Idempotent, "POST", "/public/proposals/*/ai/outline",
                "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77; $ai = Add-PortalAiContent -ProposalId $p.Id -Path (Join-Path $dir notes.txt); Start-Sleep -Milliseconds 250",
                "Start-PortalAiOutline -ProposalId $p.Id", null, false),
            new Scenario("Add-PortalArea", Policy.ReadBack, "POST", "/public/proposals/*/area", "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77",
                "Add-PortalArea -ProposalId $p.Id -Name \"Den $n\"", typeof(Commands.Proposals.AreaInput), true),
            new Scenario("Add-PortalAreaOption", Policy.ReadBack, "POST", "/public/proposals/*/area/*/option",
                "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77; $a = Add-PortalArea -ProposalId $p.Id -Name Den",
                "Add-PortalAreaOption -ProposalId $p.Id -AreaId $a.Id -ClientDescription \"Premium $n\"", typeof(Commands.Proposals.AreaOptionInput), true),
            new Scenario("New-PortalContactLocation", Policy.ReadBack, "POST", "/public/people/*/location",
                "$c = New-PortalContact -FirstName Ada -LastName \"Place $n\" -PartyType Person -ContactType Client",
                "New-PortalContactLocation -ContactId $c.Id -Street \"$n Main St\" -City Springfield", typeof(Api.NewLocation), true),
            new Scenario("Add-PortalAiContent", Policy.ReadBack, "POST", "/public/proposals/*/ai/content", "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77",
                "Add-PortalAiContent -ProposalId $p.Id -Path (Join-Path $dir notes.txt) -Name \"Notes $n\"", typeof(Commands.AiBuilder.AiContentInput), true),
            new Scenario("New-PortalWebhook", Policy.ReadBack, "POST", "/public/webhook/subscribe", string.Empty,
                "New-PortalWebhook -Url \"https://hooks.example.com/new/$n\" -Event proposal.status_changed", typeof(string), true),
            new Scenario("Remove-PortalWebhook", Policy.ReadBack, "DELETE", "/public/webhook/unsubscribe/*",
                "$w = New-PortalWebhook -Url \"https://hooks.example.com/remove/$n\" -Event proposal.status_changed 3>$null",
                "Remove-PortalWebhook -Id $w.SubscriptionId", typeof(long), true, ReadsAnswer: false),
            new Scenario("Remove-PortalAiContent", Policy.ReadBack, "DELETE", "/public/proposals/*/ai/content/*",
                "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77; $ai = Add-PortalAiContent -ProposalId $p.Id -Path (Join-Path $dir notes.txt)",
                "Remove-PortalAiContent -ProposalId $p.Id -ContentId $ai.Id", typeof(Commands.AiBuilder.AiContentTarget), true),
            new Scenario("New-PortalContact", Policy.FindOnly, "POST", "/public/people", string.Empty,
                "New-PortalContact -FirstName Ada -LastName \"Once $n\" -PartyType Person -ContactType Client -ContactEmail \"ada.$n@example.com\"", typeof(Api.NewContact), true),
            new Scenario("New-PortalProposal", Policy.Unsettled, "POST", "/public/proposals", string.Empty,
                "New-PortalProposal -Name \"Proposal $n\" -SalesPersonId 77", typeof(int), true),
            new Scenario("Start-PortalAiBuild", Policy.Unsettled, "POST", "/public/proposals/*/ai/build",
                "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77; $ai = Add-PortalAiContent -ProposalId $p.Id -Path (Join-Path $dir notes.txt); Start-Sleep -Milliseconds 250; " +
                "Start-PortalAiOutline -ProposalId $p.Id | Out-Null; Start-Sleep -Milliseconds 250",
                "Start-PortalAiBuild -ProposalId $p.Id", typeof(int), true),
            new Scenario("Invoke-PortalRequest", Policy.Unsettled, "POST", "/public/proposals/*/area", "$p = New-PortalProposal -Name 'Once' -SalesPersonId 77",
                "Invoke-PortalRequest POST \"/public/proposals/$($p.Id)/area\" -Form @{ Name = \"Raw $n\" }", typeof(string), true, ReadsAnswer: false),
        };

        [Fact]
        public void Every_write_cmdlet_settles_each_lost_answer_as_documented_and_is_applied_at_most_once()
        {
            var table = new List<string>();
            var failures = new List<string>();
            var n = 0;
            foreach (var scenario in Scenarios())
            {
                var row = new List<string>();
                foreach (var (mode, status) in Modes)
                {
                    n++;
                    var prepare = _rs.Run("$PSDefaultParameterValues['*-Portal*:Session'] = $patient; $n = " + n + "; " + scenario.Prepare, _vars);
                    if (prepare.Errors.Count > 0 || prepare.Terminating != null)
                    {
                        failures.Add(scenario.Cmdlet + "/" + mode + ": prepare failed: " + (prepare.Terminating?.Message ?? prepare.Errors[0].ToString()));
                        continue;
                    }
                    var before = _sandbox.RecordedCount;
                    _sandbox.AddFault(scenario.Method, scenario.FaultPath, mode, status);
                    var run = _rs.Run("$PSDefaultParameterValues['*-Portal*:Session'] = $s; " + scenario.Write + " -Verbose", _vars);
                    _sandbox.ClearFaults();
                    var writes = _sandbox.GetRequests(scenario.Method, scenario.FaultPath).Where(r => r.Sequence > before).ToList();
                    var applied = writes.Count(r => r.Processed);
                    var applies = FaultApplies(mode);
                    var outcome = Outcome(run, writes.Count);
                    row.Add(mode + (status.HasValue ? " " + status : string.Empty) + ": " + outcome);

                    var expected = mode == SandboxFaultMode.ApplyThenUnreadable && !scenario.ReadsAnswer ? "answered" : Expected(scenario.Policy, applies);
                    if (outcome != expected) failures.Add(scenario.Cmdlet + "/" + mode + ": " + outcome + ", expected " + expected + Describe(run));
                    if (scenario.Creates && applied > 1) failures.Add(scenario.Cmdlet + "/" + mode + ": applied " + applied + " times");
                    if (scenario.Policy != Policy.Idempotent && (expected != "WriteOutcomeUnknown" || applies) && applied != 1)
                        failures.Add(scenario.Cmdlet + "/" + mode + ": applied " + applied + " times, expected once");
                    if (outcome == "WriteOutcomeUnknown") CheckUnknown(scenario, mode, run, writes.Count, failures);
                    if (outcome.StartsWith("applied (read back)", StringComparison.Ordinal) && !run.Verbose.Any(v => v.Contains("Reading back found", StringComparison.Ordinal)))
                        failures.Add(scenario.Cmdlet + "/" + mode + ": no verbose note of the read-back");
                }
                table.Add(scenario.Cmdlet + " (" + scenario.Policy + "): " + string.Join("; ", row));
            }
            foreach (var line in table) _output.WriteLine(line);
            ReliabilityFigures.Report(_output, "exactly once: each write cmdlet x each lost answer (scripted faults)",
                table.Select((line, i) => ("cmdlet " + (i + 1).ToString("00"), (object)line)).Append(("runs", n)).Append(("failures", failures.Count)).ToArray());
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        private static bool FaultApplies(SandboxFaultMode mode) => mode.ToString().StartsWith("Apply", StringComparison.Ordinal);

        private static string Expected(Policy policy, bool applied)
        {
            switch (policy)
            {
                case Policy.Idempotent: return "retried";
                case Policy.ReadBack: return applied ? "applied (read back)" : "not applied, sent again";
                case Policy.FindOnly: return applied ? "applied (read back)" : "WriteOutcomeUnknown";
                default: return "WriteOutcomeUnknown";
            }
        }

        /// <summary>What the run did, in the words of the table in about_PortalIo_Errors.</summary>
        private static string Outcome(PowerShellRun run, int sent)
        {
            if (run.Terminating != null) return "terminating: " + run.Terminating.Message;
            if (run.Errors.Count > 0) return run.Errors.Count == 1 ? run.Errors[0].FullyQualifiedErrorId.Split(',')[0].Replace("PortalIo.", string.Empty) : run.Errors.Count + " errors";
            if (run.Verbose.Any(v => v.Contains("Reading back found", StringComparison.Ordinal))) return "applied (read back)";
            if (run.Verbose.Any(v => v.Contains("was not applied: sending it again", StringComparison.Ordinal))) return "not applied, sent again";
            return sent > 1 ? "retried" : "answered";
        }

        private static void CheckUnknown(Scenario scenario, SandboxFaultMode mode, PowerShellRun run, int sent, List<string> failures)
        {
            var error = run.Errors.Single();
            var where = scenario.Cmdlet + "/" + mode + ": ";
            if (error.CategoryInfo.Category != ErrorCategory.OperationStopped) failures.Add(where + "category " + error.CategoryInfo.Category);
            if (scenario.Target != null && !scenario.Target.IsInstanceOfType(error.TargetObject))
                failures.Add(where + "TargetObject is " + (error.TargetObject?.GetType().Name ?? "null") + ", expected the input (" + scenario.Target.Name + ")");
            var action = error.ErrorDetails?.RecommendedAction ?? string.Empty;
            if (!action.Contains("before you run the command again", StringComparison.Ordinal)) failures.Add(where + "advice does not say to check first: " + action);
            if (action.Contains("try again", StringComparison.OrdinalIgnoreCase) || action.Contains("Run the command again;", StringComparison.Ordinal))
                failures.Add(where + "advice says to try again: " + action);
            if (sent != 1) failures.Add(where + "sent " + sent + " times; an unsettled write is never sent again");
            if (!(error.Exception is PortalApiException { Kind: PortalErrorKind.WriteOutcomeUnknown } unknown) || unknown.InnerException is not PortalApiException)
                failures.Add(where + "the exception is not a WriteOutcomeUnknown PortalApiException wrapping the lost answer");
        }

        private static string Describe(PowerShellRun run) =>
            " [" + string.Join(" | ", run.Errors.Select(e => e.ToString()).Concat(run.Verbose.Where(v => v.Contains("Reading back") || v.Contains("answer")))) + "]";

        public void Dispose()
        {
            _rs.Dispose();
            _sandbox.Dispose();
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }
    }
}
