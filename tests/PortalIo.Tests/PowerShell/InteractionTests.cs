using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using PortalIo.Sandbox;
using Xunit;
using PS = System.Management.Automation.PowerShell;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>What an interactive user gets: tab completion of ids and enums, progress on long listings.</summary>
    public class InteractionTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly ConnectedRunspace _ps;
        private readonly RecordingHost _host = new();

        public InteractionTests(SandboxFixture sandbox) => _ps = new ConnectedRunspace(sandbox.Server, host: _host);

        public void Dispose() => _ps.Dispose();

        private CommandCompletion Complete(string input)
        {
            using var ps = PS.Create();
            ps.Runspace = _ps.Runspace.Runspace;
            return CommandCompletion.CompleteInput(input, input.Length, null, ps);
        }

        [Fact]
        public void Proposal_ids_complete_with_their_names_in_the_tooltip()
        {
            var completion = Complete("Get-PortalArea -ProposalId 104");
            var match = Assert.Single(completion.CompletionMatches, m => m.CompletionText == SandboxSeed.DraftProposalId.ToString());
            Assert.Contains("Smith Residence AV", match.ToolTip);
            Assert.All(completion.CompletionMatches, m => Assert.StartsWith("104", m.CompletionText));

            var byName = Complete("Add-PortalArea -ProposalId Smith");
            Assert.Contains(byName.CompletionMatches, m => m.CompletionText == SandboxSeed.DraftProposalId.ToString());
        }

        [Fact]
        public void Contact_ids_complete_and_nothing_is_offered_without_a_session()
        {
            var completion = Complete("Get-PortalContactLocation -ContactId Smith");
            Assert.Contains(completion.CompletionMatches, m => m.CompletionText == SandboxSeed.SmithContactId.ToString() && m.ToolTip.Contains("jane.smith@example.com"));

            using var offline = new ModuleRunspace();
            using var ps = PS.Create();
            ps.Runspace = offline.Runspace;
            var stopwatch = Stopwatch.StartNew();
            var none = CommandCompletion.CompleteInput("Get-PortalArea -ProposalId 1", 28, null, ps);
            Assert.Empty(none.CompletionMatches);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2));
        }

        [Fact]
        public void Enum_parameters_complete_their_values()
        {
            var status = Complete("Get-PortalProposal -Status Acc").CompletionMatches.Select(m => m.CompletionText);
            Assert.Contains("Accepted", status);
            var environment = Complete("Connect-Portal -Environment S").CompletionMatches.Select(m => m.CompletionText);
            Assert.Contains("Sandbox", environment);
        }

        [Fact]
        public void Multi_page_listings_report_progress_per_page_and_complete_it()
        {
            var run = _ps.Run("Get-PortalProposal -PageSize 10");
            Assert.True(run.Objects<PortalIo.Models.Proposal>().Count() >= SandboxSeed.DemoDealerListedProposalCount);
            var progress = _host.Progress.ToList();
            var processing = progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
            Assert.True(processing.Count >= 4, "one record per page expected, got " + processing.Count);
            Assert.Equal(processing.Select(p => p.PercentComplete).OrderBy(p => p), processing.Select(p => p.PercentComplete));
            Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
            Assert.All(processing, p => Assert.Equal("Listing proposals", p.Activity));

            _host.Progress.Clear();
            _ps.Run("Get-PortalProposal -PageSize 10 -First 5");
            Assert.Empty(_host.Progress);
        }

        [Fact]
        public void Computed_properties_from_the_types_file()
        {
            var run = _ps.Run(@"
                $p = Get-PortalProposal -Id 1042
                $p.CustomerName
                $p.SalesTax
                $first = @($p | Get-PortalArea | Get-PortalAreaOption | Where-Object { $_.Items.Count -gt 0 })[0]
                $first.Total
                $sum = [decimal]0; foreach ($item in $first.Items) { $sum += $item.ExtendedPrice }; $sum
                (Get-PortalContact -Id 88).PrimaryAddress");
            Assert.Empty(run.Errors);
            Assert.Equal("Jane Smith", run.Output[0].BaseObject);
            Assert.Equal(0m, (decimal)run.Output[1].BaseObject);
            Assert.True((decimal)run.Output[2].BaseObject > 0m);
            Assert.Equal(run.Output[2].BaseObject, run.Output[3].BaseObject);
            Assert.Contains("Austin", (string)run.Output[4].BaseObject);
        }
    }
}
