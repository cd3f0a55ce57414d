using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PortalIo.Commands.Proposals;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    public class ProposalCmdletTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly SandboxFixture _sandbox;
        private readonly ConnectedRunspace _ps;

        public ProposalCmdletTests(SandboxFixture sandbox)
        {
            _sandbox = sandbox;
            _ps = new ConnectedRunspace(sandbox.Server);
        }

        public void Dispose() => _ps.Dispose();

        private int NewDraft(string name)
        {
            var run = _ps.Run("(New-PortalProposal -Name '" + name + "' -SalesPersonId " + SandboxSeed.DemoSalesPersonId + ").Id");
            Assert.Empty(run.Errors);
            return (int)run.Output.Single().BaseObject;
        }


        [Fact]
        public void Listing_streams_every_proposal_with_the_summary_fields()
        {
            var run = _ps.Run("Get-PortalProposal -PageSize 25");
            Assert.Empty(run.Errors);
            var proposals = run.Objects<Proposal>().ToList();
            Assert.True(proposals.Count >= SandboxSeed.DemoDealerListedProposalCount);
            var smith = proposals.Single(p => p.Id == SandboxSeed.DraftProposalId);
            Assert.Equal("Smith Residence AV", smith.Name);
            Assert.NotNull(smith.Total);
            Assert.False(smith.IsDetail);
        }

        [Fact]
        public void First_and_skip_fetch_only_the_pages_needed()
        {
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Get-PortalProposal -PageSize 10 -Skip 15 -First 10").Output);
            Assert.Equal(10, output.Count);
            var pages = requests.Where(r => r.Path == "/public/proposals").Select(r => r.Query).ToList();
            Assert.Equal(2, pages.Count);
            Assert.Contains("PageNumber=2", pages[0]);
            Assert.Contains("PageNumber=3", pages[1]);

            var all = _ps.Run("Get-PortalProposal -PageSize 10").Objects<Proposal>().Select(p => p.Id).ToList();
            Assert.Equal(all.Skip(15).Take(10), output.Select(o => ((Proposal)o.BaseObject).Id));
        }

        [Fact]
        public void Include_total_count_writes_the_count_first()
        {
            var run = _ps.Run("Get-PortalProposal -IncludeTotalCount -First 2");
            Assert.Equal(3, run.Output.Count);
            var total = _ps.Run("Get-PortalProposal -IncludeTotalCount -First 0");
            Assert.Equal(run.Output[0].BaseObject, Assert.Single(total.Output).BaseObject);
            Assert.True((ulong)run.Output[0].BaseObject >= (ulong)SandboxSeed.DemoDealerListedProposalCount);
            Assert.All(run.Output.Skip(1), o => Assert.IsType<Proposal>(o.BaseObject));
        }

        [Fact]
        public void Status_filter_and_sort_reach_the_server()
        {
            var run = _ps.Run("Get-PortalProposal -Status Accepted, Declined -SortBy Number -Descending");
            var found = run.Objects<Proposal>().ToList();
            Assert.NotEmpty(found);
            Assert.All(found, p => Assert.Contains(p.Status, new[] { "Accepted", "Declined" }));
            Assert.Equal(found.Select(p => p.Number).OrderByDescending(n => n), found.Select(p => p.Number));
        }

        [Fact]
        public void Invalid_status_is_refused_before_any_request()
        {
            var requests = _sandbox.Server.During(() =>
            {
                var run = _ps.Run("Get-PortalProposal -Status Sent");
                Assert.Contains("Status", run.FirstError.Exception.Message);
            });
            Assert.Empty(requests);
        }

        [Fact]
        public void Detail_by_id_binds_from_the_pipeline_into_areas_and_options()
        {
            var id = NewDraft("Pipeline " + Guid.NewGuid().ToString("N"));
            _ps.Run("Add-PortalArea -ProposalId " + id + " -Name 'Living Room','Office'");
            var run = _ps.Run("Get-PortalProposal -Id " + id + " | Get-PortalArea | Add-PortalAreaOption -ClientDescription Premium");
            Assert.Empty(run.Errors);
            var options = run.Objects<AreaOption>().ToList();
            Assert.Equal(2, options.Count);
            Assert.All(options, o => Assert.Equal(("Premium", id, "Draft"), (o.ClientDescription, o.ProposalId, o.Status)));
            Assert.Equal(new[] { "Living Room", "Office" }, options.Select(o => o.AreaName));
        }

        [Fact]
        public void A_failed_area_does_not_stop_the_next_and_its_record_says_what_to_do()
        {
            var id = NewDraft("Duplicates " + Guid.NewGuid().ToString("N"));
            var run = _ps.Run("Add-PortalArea -ProposalId " + id + " -Name Kitchen, kitchen, Garage");
            Assert.Equal(new[] { "Kitchen", "Garage" }, run.Objects<Area>().Select(a => a.Name));
            var record = Assert.Single(run.Errors);
            Assert.Equal("PortalIo.BadRequest,PortalIo.Commands.Proposals.AddPortalAreaCommand", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            var target = Assert.IsType<AreaInput>(record.TargetObject);
            Assert.Equal((id, "kitchen"), (target.ProposalId, target.Name));
            Assert.Contains("unique", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_failed_pipeline_input_does_not_stop_the_next_one()
        {
            var id = NewDraft("Next input " + Guid.NewGuid().ToString("N"));
            var run = _ps.Run(SandboxSeed.AcceptedProposalId + ", 999999, " + id + " | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Add-PortalArea -Name Patio");
            Assert.Equal(id, run.Objects<Area>().Single().ProposalId);
            Assert.Equal(2, run.Errors.Count);
            Assert.StartsWith("PortalIo.Conflict", run.Errors[0].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, run.Errors[0].CategoryInfo.Category);
            Assert.Contains("change order", run.Errors[0].ErrorDetails.RecommendedAction);
            Assert.StartsWith("PortalIo.NotFound", run.Errors[1].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, run.Errors[1].CategoryInfo.Category);
        }

        [Fact]
        public void A_fourth_option_is_refused_with_the_rule()
        {
            var run = _ps.Run("Add-PortalAreaOption -ProposalId " + SandboxSeed.FullAreaProposalId + " -AreaId " + SandboxSeed.FullAreaId + " -ClientDescription Fourth");
            var record = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.BadRequest", record.FullyQualifiedErrorId);
            Assert.Contains("at most 3 options", record.ErrorDetails.RecommendedAction);
            var target = Assert.IsType<AreaOptionInput>(record.TargetObject);
            Assert.Equal(SandboxSeed.FullAreaId, target.AreaId);
        }

        [Fact]
        public void Another_accounts_id_is_not_found_with_the_id_as_target()
        {
            var run = _ps.Run("Get-PortalProposal -Id " + SandboxSeed.OtherAccountProposalId + ", " + SandboxSeed.DraftProposalId);
            Assert.Equal(SandboxSeed.DraftProposalId, run.Objects<Proposal>().Single().Id);
            var record = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.NotFound", record.FullyQualifiedErrorId);
            Assert.Equal(SandboxSeed.OtherAccountProposalId, record.TargetObject);
        }

        [Theory]
        [InlineData("New-PortalProposal -Name WhatIf -SalesPersonId 77 -WhatIf")]
        [InlineData("Add-PortalArea -ProposalId 1042 -Name WhatIfRoom -WhatIf")]
        [InlineData("Add-PortalAreaOption -ProposalId 1042 -AreaId 5001 -ClientDescription X -WhatIf")]
        [InlineData("Get-PortalProposal -Id 1042 | Get-PortalArea | Add-PortalAreaOption -WhatIf")]
        [InlineData("Invoke-PortalRequest -Method POST -Path /public/proposals/1042/area -Form @{ Name = 'X' } -WhatIf")]
        public void WhatIf_sends_no_write(string script)
        {
            var requests = _sandbox.Server.During(() => Assert.Empty(_ps.Run(script).Errors));
            Assert.DoesNotContain(requests, r => r.Method != "GET");
        }

        [Fact]
        public void Invalid_ids_and_blank_names_are_refused_before_any_request()
        {
            var requests = _sandbox.Server.During(() =>
            {
                var zero = _ps.Run("Add-PortalArea -ProposalId 0 -Name Den");
                Assert.Contains("ProposalId", zero.FirstError.Exception.Message);
                var blank = _ps.Run("Add-PortalArea -ProposalId 1042 -Name '  '");
                Assert.Contains("Name", blank.FirstError.Exception.Message);
                var control = _ps.Run("New-PortalProposal -Name \"bad`0name\" -SalesPersonId 77");
                Assert.Contains("control character", control.FirstError.Exception.Message);
            });
            Assert.Empty(requests);
        }

        [Fact]
        public void Users_bind_to_new_proposal_by_property_name()
        {
            var run = _ps.Run("Get-PortalUser -Name 'Alex*' | New-PortalProposal -Name 'From a user " + Guid.NewGuid().ToString("N") + "'");
            Assert.Empty(run.Errors);
            var proposal = run.Objects<Proposal>().Single();
            Assert.Equal("Draft", proposal.Status);
            Assert.Equal(SandboxSeed.DemoSalesPersonId, proposal.SalesPerson?.Id);
        }

        [Fact]
        public void Invoke_request_reaches_any_route_and_parses_json()
        {
            var run = _ps.Run("Invoke-PortalRequest -Path /public/proposals -Query @{ PageSize = 2; Statuses = 'Draft','Submitted' }");
            Assert.Empty(run.Errors);
            var body = run.Output.Single();
            Assert.Equal(2, ((object[])body.Properties["proposals"].Value).Length);

            var post = _ps.Run("Invoke-PortalRequest -Method POST -Path public/proposals -Form @{ SalesPersonId = 77; Name = 'Raw & form' }");
            Assert.Empty(post.Errors);
            Assert.Equal("Raw & form", post.Output.Single().Properties["name"].Value);

            var notFound = _ps.Run("Invoke-PortalRequest -Path /public/proposals/" + SandboxSeed.OtherAccountProposalId);
            Assert.StartsWith("PortalIo.NotFound", notFound.Errors.Single().FullyQualifiedErrorId);
        }

        [Fact]
        public void Verbose_shows_one_line_per_call_and_debug_the_masked_canonical_message()
        {
            var run = _ps.Run("Get-PortalProposal -Id 1042 -Verbose -Debug");
            var line = Assert.Single(run.Verbose);
            Assert.Matches(@"^GET http://127\.0\.0\.1:\d+/public/proposals/1042 -> 200 OK \(\d+ ms\)$", line);
            var debug = Assert.Single(run.Debug, d => d.StartsWith("Canonical message: "));
            Assert.Matches(@"^Canonical message: GEThttp://127\.0\.0\.1:\d+/public/proposals/1042\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT<user key>$", debug);
        }

        [Fact]
        public void Verbose_follows_the_preference_variable_and_the_switch_overrides_it()
        {
            var byPreference = _ps.Run("$VerbosePreference = 'Continue'; Get-PortalProposal -Id 1042");
            Assert.Matches(@"^GET http://127\.0\.0\.1:\d+/public/proposals/1042 -> 200 OK", Assert.Single(byPreference.Verbose));
            Assert.Empty(byPreference.Debug);

            var switchedOff = _ps.Run("$VerbosePreference = 'Continue'; Get-PortalProposal -Id 1042 -Verbose:$false");
            Assert.Empty(switchedOff.Verbose);
            Assert.Single(switchedOff.Output);
        }
    }
}
