using System;
using System.Linq;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// The pipeline binding rule beyond the matrix of output types: untyped rows and numbers keep
    /// PowerShell's binding, copies of PortalIo objects (Import-Clixml, Select-Object) follow the
    /// rule of their type, an -Id given on the command line wins, and a refused input never stops
    /// the inputs after it.
    /// </summary>
    public class PipelineBindingTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly SandboxFixture _sandbox;
        private readonly ConnectedRunspace _ps;

        public PipelineBindingTests(SandboxFixture sandbox)
        {
            _sandbox = sandbox;
            _ps = new ConnectedRunspace(sandbox.Server);
        }

        public void Dispose() => _ps.Dispose();

        private const int Draft = SandboxSeed.DraftProposalId;

        [Fact]
        public void Numbers_strings_rows_and_custom_objects_bind_by_value_and_by_property_name()
        {
            var run = _ps.Run(@"
                1042, '1043' | Get-PortalProposal
                [pscustomobject]@{ Id = 1044 }, [pscustomobject]@{ ProposalId = 1052 } | Get-PortalProposal
                ""Id,Note`n1053,x"" | ConvertFrom-Csv | Get-PortalProposal
                ,@(1042, 1043) | Get-PortalProposal -ThrottleLimit 1");
            Assert.Empty(run.Errors);
            Assert.Equal(new[] { 1042, 1043, 1044, 1052, 1053, 1042, 1043 }, run.Objects<Proposal>().Select(p => p.Id));
        }

        [Fact]
        public void Csv_rows_keep_binding_every_parameter_by_property_name()
        {
            var proposal = _ps.Run("New-PortalProposal -Name 'Rows' -SalesPersonId 77").Objects<Proposal>().Single();
            var writes = _sandbox.Server.WritesDuring(() => Assert.Empty(_ps.Run(
                "\"ProposalId,Name`n" + proposal.Id + ",Den\" | ConvertFrom-Csv | Add-PortalArea -Name Den; " +
                "\"Id,Name`n" + proposal.Id + ",Row name\" | ConvertFrom-Csv | Set-PortalProposal -Name 'From a row'").Errors));
            Assert.Equal(new[] { "/public/proposals/" + proposal.Id + "/area", "/public/proposals/" + proposal.Id }, writes.Select(w => w.Path));
        }

        [Fact]
        public void Copies_of_PortalIo_objects_follow_the_rule_of_their_type()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portalio-areas-" + Guid.NewGuid().ToString("N") + ".xml");
            try
            {
                PowerShellRun run = null!;
                var sent = _sandbox.Server.During(() => run = _ps.Run(
                    "Get-PortalArea -ProposalId 1042 | Export-Clixml -LiteralPath $path; Import-Clixml -LiteralPath $path | Set-PortalProposal -Name 'Smith Residence AV' -WhatIf; " +
                    "Get-PortalArea -ProposalId 1042 | Select-Object Id, Name | Set-PortalProposal -Name 'x' -ErrorAction Continue",
                    new System.Collections.Generic.Dictionary<string, object?> { ["path"] = path }));
                Assert.DoesNotContain(sent, r => r.Method != "GET");
                // The copies read back are areas: each names its proposal, never its own id.
                Assert.Equal(2, run.Errors.Count);
                Assert.All(run.Errors, e =>
                {
                    Assert.StartsWith("PortalIo.PipelineInputRefused,", e.FullyQualifiedErrorId);
                    Assert.Contains("Area", e.ErrorDetails.Message);
                    Assert.Contains("ProposalId", e.ErrorDetails.Message);
                });
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [Fact]
        public void A_deserialized_area_sets_its_proposal()
        {
            var writes = _sandbox.Server.WritesDuring(() => Assert.Empty(_ps.Run(
                "Get-PortalArea -ProposalId 1042 | Select-Object -First 1 | ForEach-Object { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_, 1)) } | " +
                "Set-PortalProposal -InternalNotes 'From a copy'").Errors));
            Assert.Equal(new[] { "/public/proposals/" + Draft + "/internalnotes" }, writes.Select(w => w.Path));
        }

        [Fact]
        public void An_id_given_on_the_command_line_wins_and_the_input_that_gives_nothing_else_is_refused()
        {
            PowerShellRun run = null!;
            var sent = _sandbox.Server.WritesDuring(() => run = _ps.Run("Get-PortalArea -ProposalId 1042 | Set-PortalProposal -Id 1053 -Name 'x' -ErrorAction Continue"));
            Assert.Empty(sent);
            Assert.Equal(2, run.Errors.Count);
            Assert.All(run.Errors, e => Assert.Contains("-Id was given on the command line", e.ErrorDetails.Message));

            // As PowerShell itself does when every input fails to bind: each is an error, and nothing is read.
            var ids = _ps.Run("5, 6 | Get-PortalProposal -Id 1042 -ErrorAction Continue");
            Assert.Empty(ids.Output);
            Assert.Equal(2, ids.Errors.Count);
        }

        [Fact]
        public void A_refused_input_never_stops_the_inputs_after_it()
        {
            PowerShellRun run = null!;
            var sent = _sandbox.Server.During(() => run = _ps.Run(
                "$contact = Get-PortalContact -Id 88; $area = Get-PortalArea -ProposalId 1042 | Select-Object -First 1; " +
                "$contact, 1043, 'not an id', $area, (Get-PortalUser | Select-Object -First 1), [pscustomobject]@{ ProposalId = 1044 } | Get-PortalProposal -ErrorAction Continue"));
            Assert.Equal(new[] { 1043, 1042, 1044 }, run.Objects<Proposal>().Select(p => p.Id));
            Assert.Equal(3, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("PortalIo.PipelineInputRefused,", StringComparison.Ordinal)));
            Assert.DoesNotContain(sent, r => r.Path == "/public/proposals/88");
            Assert.Contains(run.Errors, e => e.ErrorDetails.Message.Contains("String", StringComparison.Ordinal));
        }

        [Fact]
        public void The_hidden_input_parameter_is_not_offered_to_users()
        {
            var help = string.Concat(_ps.Run("Get-Help Set-PortalProposal -Full | Out-String -Width 200").Output);
            Assert.DoesNotContain("InputObject", help);
            var completions = _ps.Run("(TabExpansion2 -inputScript 'Set-PortalProposal -' -cursorColumn 20).CompletionMatches.CompletionText").Output.Select(o => o.ToString()).ToList();
            Assert.Contains("-Description", completions);
            Assert.DoesNotContain("-InputObject", completions);
        }
    }
}
