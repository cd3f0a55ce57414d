using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.PowerShell.LocalSandbox;
using PortalIo.Session;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// Start-PortalSandbox's start states and settings, Reset-PortalSandbox, Export-PortalSandboxData,
    /// the default sandbox of the sandbox cmdlets, and Stop-PortalSandbox with the sessions that point at it.
    /// </summary>
    public class SandboxStateCmdletTests : IDisposable
    {
        private static string SmallShop => Path.Combine(TestPaths.RepoRoot, "examples", "fixtures", "small-shop.json");

        private readonly ModuleRunspace _ps = new ModuleRunspace();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "portalio-state-" + Guid.NewGuid().ToString("N"));

        public SandboxStateCmdletTests() => Directory.CreateDirectory(_folder);

        public void Dispose()
        {
            _ps.Run("Stop-PortalSandbox");
            _ps.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        private PowerShellRun Run(string script)
        {
            var run = _ps.Run(script, new System.Collections.Generic.Dictionary<string, object?> { ["smallShop"] = SmallShop, ["folder"] = _folder });
            Assert.True(run.Terminating == null && run.Errors.Count == 0, run.Terminating?.Message ?? string.Join("; ", run.Errors));
            return run;
        }

        private ErrorRecord Fails(string script) =>
            _ps.Run(script, new System.Collections.Generic.Dictionary<string, object?> { ["smallShop"] = SmallShop, ["folder"] = _folder }).FirstError;

        [Fact]
        public void Reset_returns_to_the_seed_empties_the_journal_and_keeps_the_session_valid()
        {
            var run = Run("$sb = Start-PortalSandbox; $sb | Connect-Portal; $p = New-PortalProposal -Name 'Reset me' -SalesPersonId 77; " +
                          "Set-PortalSandboxFault -Path '/public/users' -Mode Reset; Reset-PortalSandbox; " +
                          "@(Get-PortalSandboxRequest).Count; @(Get-PortalSandboxFault).Count; @(Get-PortalProposal -SearchText 'Reset me').Count; " +
                          "(Get-PortalProposal -Id 1042).Name; (New-PortalProposal -Name 'Again' -SalesPersonId 77).Id -eq $p.Id; $sb.StartKind");
            Assert.Equal(new object[] { 0, 0, 0, "Smith Residence AV", true, "Seed" }, run.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Reset_with_WhatIf_changes_nothing_and_a_stopped_sandbox_cannot_be_reset()
        {
            Run("$sb = Start-PortalSandbox; $sb | Connect-Portal; New-PortalProposal -Name 'Kept' -SalesPersonId 77 | Out-Null; Reset-PortalSandbox -WhatIf");
            Assert.Single(Run("Get-PortalProposal -SearchText 'Kept'").Output);
            var error = Fails("$sb | Stop-PortalSandbox; Reset-PortalSandbox -Sandbox $sb");
            Assert.StartsWith("PortalIo.SandboxStopped", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        }

        [Fact]
        public void Empty_starts_with_the_demo_account_only_and_Data_with_the_fixture()
        {
            var empty = Run("$e = Start-PortalSandbox -Empty; $e | Connect-Portal; $e.StartKind; @(Get-PortalProposal).Count; @(Get-PortalContact).Count; @(Get-PortalUser).Count -gt 0");
            Assert.Equal(new object[] { "Empty", 0, 0, true }, empty.Output.Select(o => o.BaseObject));

            var data = Run("$d = Start-PortalSandbox -Data $smallShop; $d | Connect-Portal; $d.StartKind; (Get-PortalProposal).Id | Sort-Object; (Get-PortalProposal -Id 2102).Status");
            Assert.Equal(new object[] { "Data", 2101, 2102, "Accepted" }, data.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void A_relative_data_path_is_resolved_against_the_current_location()
        {
            var run = Run("Push-Location (Split-Path $smallShop); try { (Start-PortalSandbox -Data ./small-shop.json).StartKind } finally { Pop-Location }");
            Assert.Equal("Data", run.Output.Single().BaseObject);
        }

        [Fact]
        public void A_psd1_fixture_starts_the_same_data_as_its_json()
        {
            File.WriteAllText(Path.Combine(_folder, "shop.psd1"), @"
@{
    # A data file: comments are allowed, commands are not.
    contacts = @(
        @{ id = 501; firstName = 'Ava'; lastName = 'Martin'; locations = @( @{ id = 601; street = '12 Lakeview Dr'; state = 'Texas'; isPrimary = $true } ) }
    )
    proposals = @(
        @{ id = 2101; number = 1201; name = 'Martin Media Room'; customerId = 501; locationId = 601
           areas = @( @{ id = 3101; name = 'Media Room'; options = @( @{ id = 4101; items = @( @{ id = 8101; itemType = 'Labor'; quantity = 4; sellPrice = 95.00; cost = 45 } ) } ) } ) }
    )
}");
            var run = Run("Start-PortalSandbox -Data (Join-Path $folder shop.psd1) | Connect-Portal; $p = Get-PortalProposal -Id 2101; $p.Name; $p.Customer.FirstName; (Get-PortalAreaOption -ProposalId 2101).Items.SellPrice");
            Assert.Equal(new object[] { "Martin Media Room", "Ava", 95m }, run.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void A_psd1_fixture_is_never_run_and_anything_but_constants_is_refused()
        {
            var marker = Path.Combine(_folder, "ran.txt");
            File.WriteAllText(Path.Combine(_folder, "evil.psd1"), "@{ contacts = @( @{ id = 1; firstName = $(Set-Content -LiteralPath '" + marker + "' -Value x) } ) }");
            var error = Fails("Start-PortalSandbox -Data (Join-Path $folder evil.psd1)");
            Assert.StartsWith("PortalIo.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Contains("constants", error.ErrorDetails.Message);
            Assert.False(File.Exists(marker), "the .psd1 was run");
            Assert.Empty(_ps.Run("Get-Variable PortalIoSandboxes -Scope Global -ValueOnly -ErrorAction Ignore | Where-Object IsRunning").Output);
        }

        [Fact]
        public void A_fixture_that_breaks_a_rule_is_refused_naming_the_place_and_the_file()
        {
            var path = Path.Combine(_folder, "twice.json");
            File.WriteAllText(path, "{ \"proposals\": [ { \"id\": 1, \"areas\": [ { \"id\": 2, \"name\": \"Den\", \"options\": [ { \"id\": 3 } ] }, { \"id\": 4, \"name\": \"DEN\", \"options\": [ { \"id\": 5 } ] } ] } ] }");
            var error = Fails("Start-PortalSandbox -Data '" + path + "'");
            Assert.StartsWith("PortalIo.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("proposals[0].areas[1].name", error.ErrorDetails.Message);
            Assert.Contains(path, error.ErrorDetails.Message);
            Assert.Equal("Data", ((ArgumentException)error.Exception).ParamName);

            var missing = Fails("Start-PortalSandbox -Data (Join-Path $folder none.json)");
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
        }

        [Fact]
        public void Empty_and_Data_cannot_be_combined()
        {
            var error = Fails("Start-PortalSandbox -Empty -Data $smallShop");
            Assert.StartsWith("AmbiguousParameterSet", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void Export_writes_a_fixture_that_starts_the_same_data_and_exports_identically()
        {
            var first = Path.Combine(_folder, "first.json");
            var second = Path.Combine(_folder, "second.json");
            var run = Run("Start-PortalSandbox -Empty | Connect-Portal; $p = New-PortalProposal -Name 'Exported' -SalesPersonId 77; Add-PortalArea -ProposalId $p.Id -Name Den, Office | Out-Null; " +
                          "Export-PortalSandboxData -Path '" + first + "' -PassThru; Start-PortalSandbox -Data '" + first + "' | Connect-Portal; (Get-PortalArea -ProposalId $p.Id).Name; " +
                          "Export-PortalSandboxData '" + second + "'");
            Assert.IsType<FileInfo>(run.Output[0].BaseObject);
            Assert.Equal(new[] { "Den", "Office" }, run.Output.Skip(1).Select(o => o.ToString()));
            Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
            Assert.False(File.ReadAllBytes(first).Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "a byte order mark was written");
        }

        [Fact]
        public void Export_honours_NoClobber_WhatIf_and_the_current_location_and_refuses_a_psd1_path()
        {
            Run("Start-PortalSandbox | Out-Null");
            var existing = Path.Combine(_folder, "kept.json");
            File.WriteAllText(existing, "keep");
            var clobber = Fails("Export-PortalSandboxData -Path '" + existing + "' -NoClobber");
            Assert.Equal(ErrorCategory.ResourceExists, clobber.CategoryInfo.Category);
            Assert.Equal("keep", File.ReadAllText(existing));

            Run("Export-PortalSandboxData -Path (Join-Path $folder whatif.json) -WhatIf; Push-Location $folder; try { Export-PortalSandboxData relative.json } finally { Pop-Location }");
            Assert.False(File.Exists(Path.Combine(_folder, "whatif.json")));
            Assert.Contains("\"proposals\"", File.ReadAllText(Path.Combine(_folder, "relative.json")));

            var psd1 = Fails("Export-PortalSandboxData -Path (Join-Path $folder data.psd1)");
            Assert.StartsWith("PortalIo.InvalidArgument", psd1.FullyQualifiedErrorId);
            Assert.False(File.Exists(Path.Combine(_folder, "data.psd1")));
        }

        [Theory]
        [InlineData("2000", 2000)]
        [InlineData("'2000'", 2000)]
        [InlineData("1.5", 1.5)]
        [InlineData("'00:00:02.5'", 2500)]
        [InlineData("([timespan]::FromSeconds(3))", 3000)]
        public void Latency_reads_a_number_as_milliseconds_and_a_timespan_as_itself(string value, double milliseconds)
        {
            var run = Run("$sb = Start-PortalSandbox -Latency " + value + "; $sb.Latency; $sb | Stop-PortalSandbox");
            Assert.Equal(TimeSpan.FromTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond)), (TimeSpan)run.Output.Single().BaseObject);
        }

        [Fact]
        public void A_short_ai_step_makes_content_transcribed_at_once_and_the_default_is_three_seconds()
        {
            var file = Path.Combine(_folder, "call.txt");
            File.WriteAllText(file, "Living room speakers.");
            var run = Run("Start-PortalSandbox -AiStepDuration 10 | Connect-Portal; $c = Add-PortalAiContent -ProposalId 1042 -Path '" + file + "'; " +
                          "for ($i = 0; $i -lt 100 -and (Get-PortalAiContent -ProposalId 1042).Status -ne 'Transcribed'; $i++) { Start-Sleep -Milliseconds 20 }; (Get-PortalAiContent -ProposalId 1042).Status");
            Assert.Equal("Transcribed", run.Output.Single().ToString());
            Assert.StartsWith("PortalIo.InvalidArgument", Fails("Start-PortalSandbox -AiStepDuration -5").FullyQualifiedErrorId);
        }

        [Fact]
        public void FaultKind_needs_FaultRate_and_picks_the_kinds_of_random_faults()
        {
            var refused = Fails("Start-PortalSandbox -FaultKind AppliedThenStatus");
            Assert.StartsWith("PortalIo.InvalidArgument", refused.FullyQualifiedErrorId);
            Assert.Contains("-FaultRate", refused.ErrorDetails.Message);

            var run = _ps.Run("Start-PortalSandbox -Empty -FaultRate 1 -FaultKind AppliedThenStatus | Connect-Portal -MaxRetries 0 -ErrorAction SilentlyContinue; " +
                              "Get-PortalSandboxRequest | ForEach-Object { $_.Fault; $_.Processed }");
            Assert.Equal(new object[] { "AppliedThenStatus", true }, run.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void RateLimit_answers_429_beyond_the_limit()
        {
            var run = _ps.Run("$sb = Start-PortalSandbox -RateLimit 1; $sb.RateLimit; $s = $sb | Connect-Portal -MaxRetries 0 -PassThru; " +
                              "1..5 | ForEach-Object { Get-PortalUser -Session $s -ErrorAction SilentlyContinue | Out-Null }; @(Get-PortalSandboxRequest | Where-Object RateLimited).Count -gt 0");
            Assert.Equal(new object[] { 1, true }, run.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void The_sandbox_cmdlets_default_to_the_latest_running_sandbox_and_take_one_from_the_pipeline()
        {
            var run = Run("$a = Start-PortalSandbox; $b = Start-PortalSandbox; $b | Connect-Portal; Get-PortalUser | Out-Null; " +
                          "@(Get-PortalSandboxRequest).Count; @($a | Get-PortalSandboxRequest).Count; $b | Stop-PortalSandbox; @(Get-PortalSandboxRequest).Count; @(Get-PortalSandboxRequest -Sandbox $b).Count");
            Assert.Equal(new object[] { 2, 0, 0, 2 }, run.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Without_a_running_sandbox_the_sandbox_cmdlets_say_so()
        {
            var error = Fails("Get-PortalSandboxRequest");
            Assert.StartsWith("PortalIo.NoSandbox", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("Start-PortalSandbox", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Stop_forgets_the_current_session_that_points_at_it_and_keeps_another()
        {
            var run = Run("$a = Start-PortalSandbox; $b = Start-PortalSandbox; $a | Connect-Portal; $b | Stop-PortalSandbox; (Get-PortalSession).BaseUri -eq $a.BaseUri; " +
                          "$a | Stop-PortalSandbox; $null -eq (Get-PortalSession)");
            Assert.Equal(new object[] { true, true }, run.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void A_session_whose_sandbox_was_stopped_fails_at_once_saying_so_and_works_again_with_a_new_sandbox_on_that_port()
        {
            var run = _ps.Run("$sb = Start-PortalSandbox; $s = $sb | Connect-Portal -PassThru; $sb | Stop-PortalSandbox; Get-PortalUser -Session $s -Verbose");
            var error = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.NetworkError", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("was stopped", error.Exception.Message);
            Assert.Contains("Start-PortalSandbox", error.ErrorDetails.RecommendedAction);
            Assert.DoesNotContain("proxy", error.ErrorDetails.RecommendedAction);
            // One attempt, no retries: nothing will listen there again.
            Assert.Single(run.Verbose, v => v.Contains("/public/users"));
            Assert.DoesNotContain(run.Verbose, v => v.Contains("attempt 2"));

            var again = Run("$again = Start-PortalSandbox -Port $sb.BaseUri.Port; (Get-PortalUser -Session $s | Select-Object -First 1).Id -gt 0");
            Assert.Equal(true, again.Output.Single().BaseObject);
        }
    }
}
