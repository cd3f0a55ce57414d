using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PortalIo.Commands.Sandbox;
using PortalIo.Models;
using PortalIo.PowerShell.LocalSandbox;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// Get-/Clear-PortalSandboxRequest and Set-/Get-/Clear-PortalSandboxFault in the hosted engine,
    /// against a sandbox each test starts with Start-PortalSandbox and connects to.
    /// </summary>
    public class SandboxJournalAndFaultCmdletTests : IDisposable
    {
        private readonly ModuleRunspace _ps = new ModuleRunspace();

        public SandboxJournalAndFaultCmdletTests()
        {
            var start = _ps.Run("$sandbox = Start-PortalSandbox; $sandbox | Connect-Portal; $p = New-PortalProposal -Name 'Double' -SalesPersonId 77");
            Assert.True(start.Errors.Count == 0 && start.Terminating == null, start.Terminating?.Message ?? string.Join("; ", start.Errors));
        }

        public void Dispose()
        {
            _ps.Run("Stop-PortalSandbox");
            _ps.Dispose();
        }

        private PowerShellRun Run(string script)
        {
            var run = _ps.Run(script);
            Assert.True(run.Terminating == null, run.Terminating?.Message);
            return run;
        }

        [Fact]
        public void The_journal_tells_what_a_cmdlet_sent_oldest_first_with_the_form_body_as_a_hashtable()
        {
            var requests = Run("Clear-PortalSandboxRequest; Add-PortalArea -ProposalId $p.Id -Name Kitchen, Patio | Out-Null; Get-PortalSandboxRequest")
                .Objects<PortalSandboxRequest>().ToList();

            Assert.Equal(2, requests.Count);
            Assert.All(requests, r => Assert.Equal(("POST", 201, "Answered", true), (r.Method, r.StatusCode, r.Outcome, r.Processed)));
            Assert.Equal(new[] { "Kitchen", "Patio" }, requests.Select(r => (string)((Hashtable)r.Body!)["name"]!));
            Assert.Equal("Form", requests[0].BodyKind);
            Assert.True(requests[0].Sequence < requests[1].Sequence);
            Assert.True(requests[0].Time <= requests[1].Time);
            Assert.Equal("demo@portal.local", requests[0].UserName);
            Assert.Matches("^/public/proposals/[0-9]+/area$", requests[0].Path);
        }

        [Fact]
        public void Filters_by_method_path_wildcard_and_last_and_decodes_repeated_query_names_as_arrays()
        {
            var run = Run("Get-PortalProposal -Status Draft, Submitted -First 1 | Out-Null; Get-PortalUser | Out-Null; " +
                          "Get-PortalSandboxRequest -Method get -Path '/PUBLIC/PROPOSALS' -Last 1; '---'; Get-PortalSandboxRequest -Path '/public/*' -Last 1");
            var listing = run.Objects<PortalSandboxRequest>().First();
            Assert.Equal(("GET", "/public/proposals"), (listing.Method, listing.Path));
            Assert.Equal(new[] { "Draft", "Submitted" }, (object[])listing.Query["statuses"]!);
            Assert.IsType<string>(listing.Query["PageNumber"]);
            Assert.Equal("/public/users", run.Objects<PortalSandboxRequest>().Last().Path);
        }

        [Fact]
        public void A_json_body_keeps_its_nesting_numbers_and_booleans_as_hashtables_and_arrays()
        {
            var request = Run("Invoke-PortalRequest -Method POST -Path /public/nothing -Json @{ Name = 'x'; Count = 3; On = $true; Inner = @{ List = @(1, 'two') } } -ErrorAction SilentlyContinue; " +
                              "Get-PortalSandboxRequest -Last 1").Objects<PortalSandboxRequest>().Single();
            var body = Assert.IsType<Hashtable>(request.Body);
            Assert.Equal("Json", request.BodyKind);
            Assert.Equal(("x", 3L, true), (body["Name"], body["count"], body["On"]));
            var list = (object[])((Hashtable)body["Inner"]!)["List"]!;
            Assert.Equal(new object[] { 1L, "two" }, list);
        }

        [Fact]
        public void The_exchange_password_is_redacted_and_no_key_or_signature_is_kept()
        {
            var exchange = Run("Get-PortalSandboxRequest -Path '/authenticate/*'").Objects<PortalSandboxRequest>().Single();
            Assert.Equal("***", exchange.Query["Password"]);
            var text = Run("Get-PortalSandboxRequest | Format-List * | Out-String -Width 300; Get-PortalSandboxRequest | ConvertTo-Json -Depth 6").Output
                .Select(o => o.ToString()).Aggregate(string.Concat);
            Assert.DoesNotContain(SandboxServer.DefaultSecretKey, text);
            Assert.DoesNotContain("Sandbox+P@ss1", text);
            Assert.DoesNotContain("Sandbox%2BP%40ss1", text);
        }

        [Fact]
        public void A_malformed_path_wildcard_is_refused_naming_path()
        {
            var error = _ps.Run("Get-PortalSandboxRequest -Path '/public/[proposals'").FirstError;
            Assert.StartsWith("PortalIo.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Equal("Path", ((ArgumentException)error.Exception).ParamName);
        }

        [Fact]
        public void Clear_empties_the_journal_and_WhatIf_keeps_it()
        {
            Assert.NotEmpty(Run("Clear-PortalSandboxRequest -WhatIf; Get-PortalSandboxRequest").Output);
            Assert.Empty(Run("Clear-PortalSandboxRequest; Get-PortalSandboxRequest").Output);
        }

        [Fact]
        public void An_apply_then_reset_fault_applies_the_area_loses_the_answer_and_is_recorded()
        {
            var run = _ps.Run("$f = Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode ApplyThenReset -PassThru; $f; " +
                              "Add-PortalArea -ProposalId $p.Id -Name Den");
            var fault = run.Objects<PortalSandboxFault>().Single();
            Assert.Equal(("POST", "/public/proposals/*/area", "ApplyThenReset", (int?)null, 1, 1), (fault.Method, fault.Path, fault.Mode, fault.Status, fault.Count, fault.Remaining));
            // Add-PortalArea settles the lost answer itself: it reads the proposal back and writes the area it finds.
            Assert.Empty(run.Errors);
            Assert.Equal("Den", run.Objects<Area>().Single().Name);

            var after = Run("Get-PortalArea -ProposalId $p.Id | ForEach-Object Name; Get-PortalSandboxRequest -Method POST -Last 1; Get-PortalSandboxFault");
            Assert.Equal("Den", Assert.Single(after.Output.Where(o => o.BaseObject is string)).ToString());
            var struck = after.Objects<PortalSandboxRequest>().Single();
            Assert.Equal(("ApplyThenReset", "ConnectionReset", 0, true), (struck.Fault, struck.Outcome, struck.StatusCode, struck.Processed));
            Assert.Empty(after.Objects<PortalSandboxFault>());
        }

        [Fact]
        public void A_fail_with_status_fault_refuses_before_processing_and_strikes_only_count_requests()
        {
            var run = _ps.Run("Set-PortalSandboxFault -Path '/public/proposals/*/area' -Mode FailWithStatus -Status 503 -Count 1; " +
                              "Add-PortalArea -ProposalId $p.Id -Name Den | Out-Null; Add-PortalArea -ProposalId $p.Id -Name Office | Out-Null; Get-PortalArea -ProposalId $p.Id | ForEach-Object Name; " +
                              "Get-PortalSandboxRequest -Method POST -Path '/public/proposals/*/area'");
            // The 503 struck the first POST only, before processing: Add-PortalArea read back, found no Den, and sent it once more.
            Assert.Empty(run.Errors);
            Assert.Equal(new[] { "Den", "Office" }, run.Output.Where(o => o.BaseObject is string).Select(o => o.ToString()));
            var posts = run.Objects<PortalSandboxRequest>().ToList();
            Assert.Equal(new[] { (503, false), (201, true), (201, true) }, posts.Select(r => (r.StatusCode, r.Processed)));
        }

        [Fact]
        public void Get_lists_pending_faults_in_order_and_Clear_removes_them()
        {
            var listed = Run("Set-PortalSandboxFault -Path '/public/users' -Mode Reset -Count 3; Set-PortalSandboxFault -Method GET -Path '/public/proposals' -Mode Stall; Get-PortalSandboxFault")
                .Objects<PortalSandboxFault>().ToList();
            Assert.Equal(new[] { ((string?)null, "Reset", 3), ("GET", "Stall", 1) }, listed.Select(f => (f.Method, f.Mode, f.Remaining)));
            Assert.Empty(Run("Clear-PortalSandboxFault; Get-PortalSandboxFault").Output);
        }

        [Theory]
        [InlineData("-Mode Reset -Status 500", "Status")]
        [InlineData("-Mode ApplyThenStatus -Status 404", "Status")]
        [InlineData("-Mode FailWithStatus -Status 200", "Status")]
        public void A_status_that_does_not_fit_the_mode_is_refused_naming_status_and_nothing_is_added(string arguments, string parameter)
        {
            var run = _ps.Run("Set-PortalSandboxFault -Path '/public/users' " + arguments + "; Get-PortalSandboxFault");
            var error = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Equal(parameter, ((ArgumentException)error.Exception).ParamName);
            Assert.Empty(run.Output);
        }

        [Fact]
        public void An_unknown_mode_is_refused_by_the_binder_listing_the_modes()
        {
            var error = _ps.Run("Set-PortalSandboxFault -Path '/public/users' -Mode Explode").FirstError;
            Assert.Contains("ApplyThenUnreadable", error.ToString());
        }

        [Fact]
        public void WhatIf_adds_no_fault_and_sends_nothing()
        {
            var run = Run("$before = $sandbox.RequestCount; Set-PortalSandboxFault -Path '/public/users' -Mode Reset -WhatIf; Get-PortalSandboxFault; $sandbox.RequestCount - $before");
            Assert.Equal(0L, Convert.ToInt64(run.Output.Single().BaseObject));
        }

        [Fact]
        public void The_mode_and_kind_lists_match_the_sandbox_enums()
        {
            Assert.Equal(Enum.GetNames(typeof(SandboxFaultMode)), SetPortalSandboxFaultCommand.Modes);
            Assert.Equal(SetPortalSandboxFaultCommand.Modes, ValidValues(typeof(SetPortalSandboxFaultCommand), "Mode"));
            Assert.Equal(Enum.GetNames(typeof(PortalIo.Sandbox.Faults.FaultKind)), StartPortalSandboxCommand.FaultKinds);
            Assert.Equal(StartPortalSandboxCommand.FaultKinds, ValidValues(typeof(StartPortalSandboxCommand), "FaultKind"));
            Assert.Equal(Enum.GetNames(typeof(ProposalStatus)), Enum.GetNames(typeof(ProposalStatus)).Intersect(SandboxStatusNames()));
        }

        private static string[] ValidValues(Type command, string parameter) =>
            command.GetProperty(parameter)!.GetCustomAttribute<ValidateSetAttribute>()!.ValidValues.ToArray();

        private static string[] SandboxStatusNames() =>
            Enum.GetNames(typeof(SandboxServer).Assembly.GetType("PortalIo.Sandbox.Model.ProposalStatus")!);
    }
}
