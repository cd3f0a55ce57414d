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

        /// <summary>A lookup slower than the prompt's budget goes on in the background and serves the next Tab: press it again, as a user does.</summary>
        private System.Collections.ObjectModel.Collection<CompletionResult> CompleteWithTabs(string input)
        {
            var matches = Complete(input).CompletionMatches;
            for (var tab = 0; tab < 5 && matches.Count == 0; tab++) matches = Complete(input).CompletionMatches;
            return matches;
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

        /// <summary>Every id parameter, each from what was typed: digits by id (also beyond the first page), text by name, ids inside a proposal once -ProposalId is given.</summary>
        [Theory]
        [InlineData("Add-PortalAreaOption -ProposalId 1042 -AreaId ", "5001,5002", "Living Room")]
        [InlineData("Get-PortalAreaOption -ProposalId 1042 -AreaId 5", "5001,5002", "Home Theater")]
        [InlineData("Set-PortalAreaOption -ProposalId 1042 -OptionId 700", "7001,7002", "Surround sound")]
        [InlineData("Get-PortalChangeOrder -ProposalId 1043 -Id ", "6001,6002", "Change Order 2")]
        [InlineData("Set-PortalProposalLocation -ProposalId 1042 -LocationId ", "201", "123 Main St")]
        [InlineData("New-PortalProposal -SalesPersonId Maria", "78", "maria.torres@dealership.com")]
        [InlineData("Set-PortalProposal -Id 1042 -SalesPersonId 7", "77,78", "Alex Johnson")]
        [InlineData("Get-PortalProposal -ContactId Smith", "88", "jane.smith@example.com")]
        [InlineData("Get-PortalCatalogItem -Id Denon", "8821,8822", "Denon AVR-X3800H")]
        [InlineData("Get-PortalCatalogItem -Id 8821", "8821", "AV Receiver")]
        [InlineData("Find-PortalCatalogItem -ParentCategoryId ", "12,13,14,15,16", "Audio")]
        [InlineData("Find-PortalCatalogItem -CategoryId Receiv", "47", "Audio/AV Receivers")]
        [InlineData("Start-PortalAiBuild -ProposalId Smith", "1042", "Smith Residence AV")]
        public void Every_id_parameter_completes_from_what_was_typed(string input, string ids, string shown)
        {
            var expected = ids.Split(',');
            var matches = CompleteWithTabs(input);
            Assert.True(expected.All(id => matches.Any(m => m.CompletionText == id)), input + " offered " + string.Join(", ", matches.Select(m => m.CompletionText)));
            Assert.Contains(matches, m => m.ToolTip.Contains(shown, StringComparison.Ordinal) || m.ListItemText.Contains(shown, StringComparison.Ordinal));
            var typed = input.Substring(input.LastIndexOf(' ') + 1);
            if (typed.Length > 0 && typed.All(char.IsDigit)) Assert.All(matches, m => Assert.StartsWith(typed, m.CompletionText));
        }

        [Fact]
        public void An_id_beyond_the_first_page_completes_when_typed_in_full()
        {
            var recent = _ps.Run("Get-PortalProposal -SortBy ModifiedDate -Descending -First 50 | ForEach-Object Id").Output.Select(o => Convert.ToInt32(o.BaseObject)).ToHashSet();
            var old = _ps.Run("Get-PortalProposal | ForEach-Object Id").Output.Select(o => Convert.ToInt32(o.BaseObject)).First(id => !recent.Contains(id));

            var match = Assert.Single(CompleteWithTabs("Get-PortalProposal -Id " + old));
            Assert.Equal(old.ToString(), match.CompletionText);
            Assert.Empty(Complete("Remove-PortalWebhook -Id 999999").CompletionMatches);
            Assert.Empty(Complete("Get-PortalArea -ProposalId 1042 | Add-PortalAreaOption -AreaId ").CompletionMatches);
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
