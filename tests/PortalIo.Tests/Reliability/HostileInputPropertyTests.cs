using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FsCheck;
using FsCheck.Fluent;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.Sandbox;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #5, hostile parameters (FsCheck generators): each value is either accepted and
    /// round-trips exactly through the sandbox, or refused before any request with an error that
    /// names the parameter.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class HostileInputPropertyTests
    {
        private readonly ITestOutputHelper _output;
        public HostileInputPropertyTests(ITestOutputHelper output) => _output = output;

        private static Gen<string> Names()
        {
            var specials = Gen.Elements(
                "", " ", "\t", "\r\n", "\u00a0", "\u2003", new string('x', 10_000), new string('é', 10_000),
                "Living\u0000Room", "Bell\u0007", "Esc\u001b[31m", "\u202eRTL override", "غرفة المعيشة", "חדר שינה",
                "Home theater 🎬🍿", "👨‍👩‍👧‍👦 Family room", "\ud83c", "Broken \udc00 half", " padded ", "Den & Bar = 1+1 %20",
                "Tom's \"room\"", "<script>alert(1)</script>", "a\nb", "Ω≈ç√∫", "\u0301combining", "名前");
            var arbitrary = ArbMap.Default.GeneratorFor<string>().Where(s => s != null);
            var unicode = ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get);
            return Gen.Frequency((3, specials), (2, arbitrary), (2, unicode));
        }

        private static Gen<long> Ids() => Gen.Frequency(
            (3, Gen.Elements(0L, -1L, 1L, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, 1042L, 999_999L)),
            (2, ArbMap.Default.GeneratorFor<int>().Select(i => (long)i)),
            (1, ArbMap.Default.GeneratorFor<long>()));

        [Fact]
        public void Names_ids_urls_enums_and_dates_are_accepted_and_round_trip_or_refused_before_any_request_naming_the_parameter()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions());
            using var rs = new ModuleRunspace();
            var session = Demo.Session(sandbox, new ClientSettings());
            var vars = new Dictionary<string, object?> { ["s"] = session, ["k"] = SandboxFixture.Secure("not-a-secret") };
            var failures = new List<string>();
            int tried = 0, accepted = 0, refused = 0;

            void Check(string parameter, object? value, string script, Func<PowerShellRun, string?> roundTrip)
            {
                tried++;
                var before = sandbox.RequestCount;
                var run = rs.Run(script, new Dictionary<string, object?>(vars) { ["v"] = value });
                var sent = sandbox.RequestCount - before;
                var record = run.TerminatingRecord ?? run.Errors.FirstOrDefault();
                var shown = value is string text ? (text.Length > 40 ? text.Substring(0, 40) + "…(" + text.Length + ")" : text) : value?.ToString();
                if (record != null && (record.Exception is ParameterBindingException || record.CategoryInfo.Category == ErrorCategory.InvalidArgument && sent == 0))
                {
                    refused++;
                    if (sent != 0) failures.Add(parameter + " '" + shown + "': refused after " + sent + " request(s)");
                    if (!record.ToString().Contains(parameter, StringComparison.OrdinalIgnoreCase) && !(record.Exception is ParameterBindingException pb && pb.ParameterName == parameter))
                        failures.Add(parameter + " '" + shown + "': the error does not name the parameter: " + record);
                    return;
                }
                accepted++;
                var problem = roundTrip(run);
                if (problem != null) failures.Add(parameter + " '" + shown + "': " + problem);
            }

            // Area names: POSTed as a form field, read back from the proposal the API returns and again with Get-PortalArea.
            var proposal = rs.Run("New-PortalProposal -Name 'Property names' -SalesPersonId 77 -Session $s", vars).Objects<Proposal>().Single();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in Names().Sample(40, 250))
            {
                if (!string.IsNullOrWhiteSpace(name) && !seen.Add(name.Trim())) continue; // unique names only: a repeat is a documented 400
                Check("Name", name, "Add-PortalArea -ProposalId " + proposal.Id + " -Name $v -Session $s", run =>
                {
                    if (run.Errors.Count > 0) return "accepted but failed: " + run.Errors[0];
                    var area = run.Objects<Area>().SingleOrDefault();
                    if (area?.Name != name) return "came back as '" + area?.Name + "'";
                    var back = rs.Run("Get-PortalArea -ProposalId " + proposal.Id + " -Session $s", vars).Objects<Area>().Where(a => a.Id == area.Id).Select(a => a.Name).SingleOrDefault();
                    return back == name ? null : "read back as '" + back + "'";
                });
            }

            // Proposal names through New-PortalProposal (the name is optional: empty means none).
            foreach (var name in Names().Sample(20, 40))
                Check("Name", name, "New-PortalProposal -Name $v -SalesPersonId 77 -Session $s", run =>
                {
                    if (run.Errors.Count > 0) return "accepted but failed: " + run.Errors[0];
                    var p = run.Objects<Proposal>().SingleOrDefault();
                    return p?.Name == name || (name.Length == 0 && string.IsNullOrEmpty(p?.Name)) ? null : "came back as '" + p?.Name + "'";
                });

            // Ids: either refused by ValidateRange / the type, or sent as that id (a 200 for it, or a 404 naming it).
            foreach (var id in Ids().Sample(100, 150))
                Check("Id", id, "Get-PortalProposal -Id $v -Session $s", run =>
                {
                    var p = run.Objects<Proposal>().SingleOrDefault();
                    if (p != null) return p.Id == id ? null : "asked for " + id + ", got " + p.Id;
                    var e = run.Errors.FirstOrDefault()?.Exception as PortalApiException;
                    return e != null && e.StatusCode == 404 && e.Url.EndsWith("/" + id, StringComparison.Ordinal) ? null : "neither the proposal nor a 404 for it: " + run.Errors.FirstOrDefault();
                });

            // Enum values: names, numbers, case variants and nonsense.
            foreach (var status in Gen.Elements("Draft", "draft", "SUBMITTED", "Accepted", "0", "99", "", " ", "Draft,Accepted", "Nope", "Dràft").Sample(10, 30))
                Check("Status", status, "Get-PortalProposal -Status $v -First 2 -Session $s", run =>
                    run.Errors.Count == 0 && run.Output.All(o => o.BaseObject is Proposal) ? null : "accepted but failed: " + run.Errors.FirstOrDefault());

            // Dates: any DateTime the type accepts, and strings that are not dates.
            foreach (var date in Gen.OneOf(ArbMap.Default.GeneratorFor<DateTime>().Select(d => (object)d),
                         Gen.Elements<object>("yesterday", "2026-02-30", "", "9999-12-31T23:59:59Z", "0001-01-01", "2026-04-06T00:22:19+14:00")).Sample(20, 40))
                Check("ModifiedAfter", date, "Get-PortalProposal -ModifiedAfter $v -First 2 -Session $s", run =>
                    run.Errors.Count == 0 ? null : "accepted but failed: " + run.Errors[0]);

            // URLs: only absolute https (or loopback http) without query, fragment or user info.
            foreach (var url in Gen.Elements("https://api.portal.io/", "http://api.portal.io/", "ftp://x/", "not a url", "", "https://user:pw@api.portal.io/",
                         "https://api.portal.io/?a=1", "http://127.0.0.1:1/", "http://[::1]:1/", "file:///etc/passwd", "javascript:alert(1)", "https://例え.jp/").Sample(10, 24))
                Check("BaseUri", url, "Connect-Portal -BaseUri $v -ApplicationKey app -SecretKey $k -UserKey $k; Disconnect-Portal", run =>
                    run.Errors.Count == 0 ? null : "accepted but failed: " + run.Errors[0]);

            ReliabilityFigures.Report(_output, "hostile input: property-based parameters (FsCheck)",
                ("cases tried", tried), ("accepted and round-tripped", accepted - failures.Count(f => !f.Contains("refused"))), ("refused before any request", refused),
                ("failures", failures.Count));
            foreach (var f in failures.Take(30)) _output.WriteLine("FAIL: " + f);
            Assert.True(tried >= 150, "only " + tried + " cases");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(15)));
        }
    }
}
