using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PortalIo.Models;
using PortalIo.Sandbox;
using PortalIo.Sandbox.Faults;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13's figures: writes through the cmdlets while 20% of all requests (the writes, their
    /// read-backs and snapshots alike) meet a random fault of any of the sandbox's ten kinds. Counted
    /// from the sandbox's journal (what it received and applied) against what the cmdlets wrote
    /// out and reported as errors.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class WritesUnderFaultsTests
    {
        private readonly ITestOutputHelper _output;

        public WritesUnderFaultsTests(ITestOutputHelper output) => _output = output;

        /// <summary>Per batch: what the sandbox applied, how often, and what the cmdlets reported.</summary>
        private sealed class Batch
        {
            public int Calls;
            public int Applied;
            public int Duplicated;
            public int Reported;
            public int Surfaced;
            public int SurfacedUnknown;
            public int SurfacedButApplied;
            public int ReadBackFound;
            public int ReadBackResent;
            public int Retried;
            public long Faults;
            public double Seconds;

            public (string, object)[] Figures(string unit) => new (string, object)[]
            {
                ("calls", Calls), ("faults injected during the batch", Faults), ("applied on the server", Applied), ("applied more than once (duplicated)", Duplicated),
                ("written out as " + unit + " (reported applied)", Reported), ("settled by reading back: found applied", ReadBackFound),
                ("settled by reading back: not applied, sent once more", ReadBackResent), ("idempotent retries", Retried),
                ("error records", Surfaced), ("of them WriteOutcomeUnknown", SurfacedUnknown), ("of them applied after all", SurfacedButApplied),
                ("seconds", Math.Round(Seconds, 1)),
            };
        }

        [Fact]
        public void Under_20_percent_faults_of_all_ten_kinds_no_write_is_duplicated_and_every_area_and_set_is_applied_and_reported()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions
            {
                FaultKinds = FaultKinds.All, StallDuration = TimeSpan.FromMilliseconds(900), RandomSeed = 13,
            });
            // 8 retries: a read-back or an idempotent write meets 9 faults in a row at odds of 5e-7.
            var session = Demo.Session(sandbox, FaultToleranceTests.FaultRunSettings(maxRetries: 8, timeout: TimeSpan.FromMilliseconds(450)));
            using var rs = new ModuleRunspace();
            // The setup runs without faults and with the default timeout, so that a slow first call cannot fail it.
            var vars = new Dictionary<string, object?> { ["s"] = session, ["patient"] = Demo.Session(sandbox, new PortalIo.Http.ClientSettings()) };
            var setup = rs.Run(@"
                $areasIn = New-PortalProposal -Name 'Faults: areas' -SalesPersonId 77 -Session $patient
                $setOn = New-PortalProposal -Name 'Faults: sets' -SalesPersonId 77 -Session $patient
                $optionsIn = New-PortalProposal -Name 'Faults: options' -SalesPersonId 77 -Session $patient
                $optionAreas = 1..50 | ForEach-Object { Add-PortalArea -ProposalId $optionsIn.Id -Name ('Room {0:000}' -f $_) -Session $patient }
                $PSDefaultParameterValues['*-Portal*:Session'] = $s
                $areasIn.Id; $setOn.Id; $optionsIn.Id", vars);
            Assert.Empty(setup.Errors);
            var (areasIn, setOn, optionsIn) = ((int)setup.Output[0].BaseObject, (int)setup.Output[1].BaseObject, (int)setup.Output[2].BaseObject);

            var areas = Run(sandbox, rs, 300, "Add-PortalArea -ProposalId " + areasIn + " -Name (1..300 | ForEach-Object { 'Area {0:000}' -f $_ }) -Verbose");
            var sets = Run(sandbox, rs, 300,
                "1..300 | ForEach-Object { Set-PortalProposal -Id " + setOn + " -Name ('Name {0:000}' -f $_) -Description ('Description {0:000}' -f $_) -PassThru -Verbose }");
            var options = Run(sandbox, rs, 100,
                "$optionAreas | ForEach-Object { foreach ($tier in 'Premium', 'Better') { Add-PortalAreaOption -ProposalId " + optionsIn + " -AreaId $_.Id -ClientDescription \"$tier $($_.Name)\" -Verbose } }");
            var contacts = Run(sandbox, rs, 100,
                "1..100 | ForEach-Object { New-PortalContact -FirstName Ada -LastName ('Fault {0:000}' -f $_) -PartyType Person -ContactType Client -ContactEmail ('ada.fault{0:000}@example.com' -f $_) -Verbose }");

            // What the sandbox applied, from its journal: a write it processed and answered 2xx, or
            // processed and then lost or spoiled the answer (a fault that strikes after processing).
            static bool Applied(SandboxRequestRecord r) => r.Processed && (r.Fault != null || (r.StatusCode >= 200 && r.StatusCode < 300));
            Dictionary<string, int> AppliedBy(string method, string path, string field) => sandbox.GetRequests(method, path).Where(Applied)
                .GroupBy(r => Field(r, field)).ToDictionary(g => g.Key, g => g.Count());

            var areaWrites = AppliedBy("POST", "/public/proposals/" + areasIn + "/area", "Name");
            areas.batch.Applied = areaWrites.Count;
            areas.batch.Duplicated = areaWrites.Count(p => p.Value > 1);
            var areaNames = areas.run.Objects<Area>().Select(a => a.Name!).ToList();
            areas.batch.Reported = areaNames.Distinct().Count();
            var areasOnServer = rs.Run("Get-PortalArea -ProposalId " + areasIn).Objects<Area>().Select(a => a.Name!).ToList();

            var nameWrites = AppliedBy("POST", "/public/proposals/" + setOn, "Name");
            var descriptionWrites = AppliedBy("POST", "/public/proposals/" + setOn + "/description", "Description");
            sets.batch.Applied = Enumerable.Range(1, 300).Count(i => nameWrites.ContainsKey("Name " + i.ToString("000")) && descriptionWrites.ContainsKey("Description " + i.ToString("000")));
            sets.batch.Reported = sets.run.Objects<Proposal>().Select(p => p.Name + "|" + p.ProjectDescription).Distinct()
                .Count(text => Enumerable.Range(1, 300).Any(i => text == "Name " + i.ToString("000") + "|Description " + i.ToString("000")));

            var optionWrites = AppliedBy("POST", "/public/proposals/" + optionsIn + "/area/*/option", "ClientDescription");
            options.batch.Applied = optionWrites.Count;
            options.batch.Duplicated = optionWrites.Count(p => p.Value > 1);
            options.batch.Reported = options.run.Objects<AreaOption>().Select(o => o.ClientDescription).Distinct().Count();
            var optionsOnServer = rs.Run("Get-PortalAreaOption -ProposalId " + optionsIn).Objects<AreaOption>()
                .Where(o => o.ClientDescription?.StartsWith("Premium", StringComparison.Ordinal) == true || o.ClientDescription?.StartsWith("Better", StringComparison.Ordinal) == true).ToList();

            var contactWrites = AppliedBy("POST", "/public/people", "LastName");
            contacts.batch.Applied = contactWrites.Count(p => p.Key.StartsWith("Fault ", StringComparison.Ordinal));
            contacts.batch.Duplicated = contactWrites.Count(p => p.Key.StartsWith("Fault ", StringComparison.Ordinal) && p.Value > 1);
            var reportedContacts = contacts.run.Objects<Contact>().Select(c => c.LastName!).ToList();
            contacts.batch.Reported = reportedContacts.Distinct().Count();
            var unknownContacts = contacts.run.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("PortalIo.WriteOutcomeUnknown", StringComparison.Ordinal))
                .Select(e => ((Api.NewContact)e.TargetObject).LastName!).ToList();
            contacts.batch.SurfacedButApplied = unknownContacts.Count(contactWrites.ContainsKey);

            ReliabilityFigures.Report(_output, "exactly once: 300 Add-PortalArea, 20% faults of all ten kinds", areas.batch.Figures("areas"));
            ReliabilityFigures.Report(_output, "exactly once: 300 Set-PortalProposal (-Name, -Description), 20% faults of all ten kinds", sets.batch.Figures("proposals"));
            ReliabilityFigures.Report(_output, "exactly once: 100 Add-PortalAreaOption, 20% faults of all ten kinds", options.batch.Figures("options"));
            ReliabilityFigures.Report(_output, "exactly once: 100 New-PortalContact, 20% faults of all ten kinds", contacts.batch.Figures("contacts"));

            foreach (var (name, batch) in new[] { ("areas", areas), ("sets", sets), ("options", options), ("contacts", contacts) })
            {
                Assert.True(batch.run.Terminating is null, name + ": " + batch.run.Terminating);
                Assert.Equal(0, batch.batch.Duplicated);
                Assert.True(batch.batch.Faults >= batch.batch.Calls / 10, name + ": too few faults injected: " + batch.batch.Faults);
            }
            foreach (var (name, batch) in new[] { ("areas", areas), ("sets", sets), ("options", options) })
            {
                Assert.True(batch.batch.Surfaced == 0, name + ": " + string.Join(" | ", batch.run.Errors.Take(5).Select(e => e.ToString())));
                Assert.Equal(batch.batch.Calls, batch.batch.Applied);
                Assert.Equal(batch.batch.Calls, batch.batch.Reported);
            }
            Assert.Equal(300, areasOnServer.Count);
            Assert.Equal(areaNames.OrderBy(n => n), areasOnServer.OrderBy(n => n));
            Assert.Equal(100, optionsOnServer.Count);
            Assert.True(areas.batch.ReadBackFound > 0 && areas.batch.ReadBackResent > 0, "expected lost answers to be settled both ways");
            Assert.True(sets.batch.Retried > 0);

            // Contacts: every one is reported applied or surfaced, never both, and every one reported is on the server.
            Assert.Equal(100, contacts.batch.Reported + contacts.batch.Surfaced);
            Assert.Equal(contacts.batch.Surfaced, contacts.batch.SurfacedUnknown);
            Assert.All(reportedContacts, c => Assert.True(contactWrites.ContainsKey(c), c + " was reported but not applied"));
            Assert.Empty(reportedContacts.Intersect(unknownContacts));
            Assert.Equal(0, sandbox.SignatureFailures);
        }

        /// <summary>Runs one batch at a 20% fault rate and counts what its streams say.</summary>
        private static (PowerShellRun run, Batch batch) Run(SandboxServer sandbox, ModuleRunspace rs, int calls, string script)
        {
            var faultsBefore = sandbox.FaultsInjected;
            sandbox.FaultRate = 0.2;
            var stopwatch = Stopwatch.StartNew();
            var run = rs.Run(script);
            stopwatch.Stop();
            sandbox.FaultRate = 0;
            return (run, new Batch
            {
                Calls = calls,
                Faults = sandbox.FaultsInjected - faultsBefore,
                Surfaced = run.Errors.Count,
                SurfacedUnknown = run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("PortalIo.WriteOutcomeUnknown", StringComparison.Ordinal)),
                ReadBackFound = run.Verbose.Count(v => v.Contains("Reading back found", StringComparison.Ordinal)),
                ReadBackResent = run.Verbose.Count(v => v.Contains("was not applied: sending it again", StringComparison.Ordinal)),
                Retried = run.Verbose.Count(v => v.StartsWith("Retrying POST", StringComparison.Ordinal)),
                Seconds = stopwatch.Elapsed.TotalSeconds,
            });
        }

        /// <summary>A form field of a recorded request (the journal keeps the parsed body).</summary>
        private static string Field(SandboxRequestRecord record, string name) =>
            record.ParsedBody is IReadOnlyDictionary<string, object?> form && form.TryGetValue(name, out var value) ? value?.ToString() ?? string.Empty : string.Empty;
    }
}
