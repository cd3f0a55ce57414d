using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>Set-PortalProposal, contact and location assignment, options: success, errors, -WhatIf, pipeline binding.</summary>
    public class ProposalEditCmdletTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly SandboxFixture _sandbox;
        private readonly ConnectedRunspace _ps;

        public ProposalEditCmdletTests(SandboxFixture sandbox)
        {
            _sandbox = sandbox;
            _ps = new ConnectedRunspace(sandbox.Server);
        }

        public void Dispose() => _ps.Dispose();

        private int NewDraft() =>
            (int)_ps.Run("(New-PortalProposal -Name 'Edit " + Guid.NewGuid().ToString("N") + "' -SalesPersonId " + SandboxSeed.DemoSalesPersonId + ").Id").Output.Single().BaseObject;


        [Fact]
        public void Set_proposal_makes_one_call_per_route_given()
        {
            var id = NewDraft();
            PowerShellRun run = null!;
            var writes = _sandbox.Server.WritesDuring(() => run = _ps.Run("Set-PortalProposal -Id " + id + " -Name 'Renamed' -SalesPersonId 78 -Description 'For the client' -InternalNotes 'For us' -PassThru"));
            Assert.Empty(run.Errors);
            Assert.Equal(new[] { "/public/proposals/" + id, "/public/proposals/" + id + "/description", "/public/proposals/" + id + "/internalnotes" }, writes.Select(w => w.Path));
            var proposal = run.Objects<Proposal>().Single();
            Assert.Equal(("Renamed", 78, "For the client"), (proposal.Name, proposal.SalesPerson!.Id, proposal.ProjectDescription));

            var onlyNotes = _sandbox.Server.WritesDuring(() => _ps.Run("Set-PortalProposal -Id " + id + " -InternalNotes 'Again'"));
            Assert.Equal(new[] { "/public/proposals/" + id + "/internalnotes" }, onlyNotes.Select(w => w.Path));
        }

        [Fact]
        public void Set_proposal_refuses_nothing_to_change_and_terminal_proposals()
        {
            var nothing = _sandbox.Server.WritesDuring(() => Assert.StartsWith("PortalIo.InvalidArgument", _ps.Run("Set-PortalProposal -Id 1042").FirstError.FullyQualifiedErrorId));
            Assert.Empty(nothing);

            var run = _ps.Run("Set-PortalProposal -Id " + SandboxSeed.AcceptedProposalId + " -Name 'Too late'");
            var record = run.FirstError;
            Assert.StartsWith("PortalIo.Conflict", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, record.CategoryInfo.Category);
            Assert.Contains("change order", record.ErrorDetails.RecommendedAction);

            var other = _ps.Run("Set-PortalProposal -Id " + SandboxSeed.OtherAccountProposalId + " -Name 'Not mine'");
            Assert.StartsWith("PortalIo.NotFound", other.FirstError.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_location_needs_a_contact_first()
        {
            var id = NewDraft();
            var run = _ps.Run("Set-PortalProposalLocation -ProposalId " + id + " -LocationId " + SandboxSeed.SeveralLocationsPrimaryLocationId);
            var conflict = run.FirstError;
            Assert.StartsWith("PortalIo.Conflict", conflict.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, conflict.CategoryInfo.Category);
            Assert.Contains("Set-PortalProposalContact", conflict.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Tax_is_zero_until_a_location_is_assigned()
        {
            // Proposal 1042 has line items (the API cannot add any); its contact gets no location by itself.
            var contactId = SandboxSeed.ContactWithoutPrimaryLocationId;
            var withContact = _ps.Run("Get-PortalContact -Id " + contactId + " | Set-PortalProposalContact -ProposalId " + SandboxSeed.DraftProposalId + " -PassThru");
            Assert.Empty(withContact.Errors);
            var assigned = withContact.Objects<Proposal>().Single();
            Assert.Equal(contactId, assigned.Customer!.Id);
            Assert.True(assigned.FinancialSummary!.ProposalSubtotal > 0m);
            Assert.Equal(0m, assigned.FinancialSummary.SalesTax!.Total);

            var located = _ps.Run("Get-PortalContactLocation -ContactId " + contactId + " -First 1 | Set-PortalProposalLocation -ProposalId " + SandboxSeed.DraftProposalId + " -PassThru");
            Assert.Empty(located.Errors);
            var taxed = located.Objects<Proposal>().Single();
            Assert.True(taxed.FinancialSummary!.SalesTax!.Total > 0m, "tax should be computed once a location is assigned");
            Assert.Equal(taxed.FinancialSummary.ProposalSubtotal + taxed.FinancialSummary.SalesTax.Total, taxed.FinancialSummary.ProposalTotal);
        }

        [Fact]
        public void A_contact_with_one_primary_location_brings_it_and_the_tax_with_the_legacy_form_too()
        {
            var run = _ps.Run("Set-PortalProposalContact -ProposalId " + SandboxSeed.SubmittedProposalId + " -ContactId " + SandboxSeed.ContactWithOnePrimaryLocationId + " -FormEncoded -PassThru");
            Assert.Empty(run.Errors);
            Assert.True(run.Objects<Proposal>().Single().FinancialSummary!.SalesTax!.Total > 0m);
            var sent = _sandbox.Server.RequestLog.Last(r => r.Path.EndsWith("/contact/" + SandboxSeed.ContactWithOnePrimaryLocationId));
            Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
            Assert.Equal(string.Empty, sent.Body);
        }

        [Fact]
        public void Assignment_sends_the_json_body_of_the_newer_docs_by_default()
        {
            var id = NewDraft();
            Assert.Empty(_ps.Run("Set-PortalProposalContact -ProposalId " + id + " -ContactId " + SandboxSeed.SmithContactId).Errors);
            var sent = _sandbox.Server.RequestLog.Last(r => r.Path == "/public/proposals/" + id + "/contact/" + SandboxSeed.SmithContactId);
            Assert.Equal("application/json", sent.ContentType);
            Assert.Equal("{\"proposalId\":" + id + ",\"contactId\":" + SandboxSeed.SmithContactId + "}", sent.Body);
        }

        [Fact]
        public void Another_contacts_location_is_not_found()
        {
            var id = NewDraft();
            _ps.Run("Set-PortalProposalContact -ProposalId " + id + " -ContactId " + SandboxSeed.ContactWithSeveralLocationsId);
            var run = _ps.Run("Set-PortalProposalLocation -ProposalId " + id + " -LocationId " + SandboxSeed.OtherContactLocationId);
            Assert.StartsWith("PortalIo.NotFound", run.FirstError.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, run.FirstError.CategoryInfo.Category);
        }

        [Fact]
        public void Options_are_read_with_their_items_and_set_through_the_pipeline()
        {
            var options = _ps.Run("Get-PortalArea -ProposalId 1042 | Get-PortalAreaOption").Objects<AreaOption>().ToList();
            Assert.NotEmpty(options);
            Assert.All(options, o => Assert.Equal(1042, o.ProposalId));
            Assert.Contains(options, o => o.ItemCount > 0 && o.Items!.All(i => i.Name != null || i.Model != null));

            var id = NewDraft();
            _ps.Run("Add-PortalArea -ProposalId " + id + " -Name Den");
            var set = _ps.Run("Get-PortalAreaOption -ProposalId " + id + " | Set-PortalAreaOption -ClientDescription 'Good' -InstallerNotes 'Check the panel' -PassThru");
            Assert.Empty(set.Errors);
            var option = set.Objects<AreaOption>().Single();
            Assert.Equal(("Good", "Check the panel"), (option.ClientDescription, option.InstallerDescription));

            var terminal = _ps.Run("Set-PortalAreaOption -ProposalId " + SandboxSeed.AcceptedProposalId + " -OptionId " + SandboxSeed.AcceptedProposalOptionId + " -ClientDescription 'No'");
            Assert.StartsWith("PortalIo.Conflict", terminal.FirstError.FullyQualifiedErrorId);
            var wrongOption = _ps.Run("Set-PortalAreaOption -ProposalId 1042 -OptionId " + SandboxSeed.OtherDealerOptionId + " -ClientDescription 'No'");
            Assert.StartsWith("PortalIo.NotFound", wrongOption.FirstError.FullyQualifiedErrorId);

            var missing = _ps.Run("Get-PortalAreaOption -ProposalId 1042 -OptionId " + SandboxSeed.OtherDealerOptionId);
            Assert.StartsWith("PortalIo.NotFound", missing.FirstError.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.FirstError.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("Set-PortalProposal -Id 1042 -Name X -Description Y -WhatIf")]
        [InlineData("Set-PortalProposalContact -ProposalId 1042 -ContactId 88 -WhatIf")]
        [InlineData("Set-PortalProposalLocation -ProposalId 1042 -LocationId 201 -WhatIf")]
        [InlineData("Get-PortalAreaOption -ProposalId 1042 | Set-PortalAreaOption -ClientDescription X -WhatIf")]
        [InlineData("New-PortalContact -PartyType Person -ContactType Client -FirstName What -LastName If -WhatIf")]
        [InlineData("New-PortalContactLocation -ContactId 88 -Street '1 WhatIf Way' -WhatIf")]
        public void WhatIf_sends_no_write(string script)
        {
            var writes = _sandbox.Server.WritesDuring(() => Assert.Empty(_ps.Run(script).Errors));
            Assert.Empty(writes);
        }

        [Fact]
        public void Change_orders_list_and_detail_bind_from_the_pipeline()
        {
            var list = _ps.Run("Get-PortalProposal -Id " + SandboxSeed.AcceptedProposalId + " | Get-PortalChangeOrder");
            Assert.Empty(list.Errors);
            var orders = list.Objects<ChangeOrder>().ToList();
            Assert.Equal(SandboxSeed.AcceptedProposalChangeOrderCount, orders.Count);
            Assert.All(orders, o => Assert.Equal(SandboxSeed.AcceptedProposalId, o.ProposalId));

            var detail = _ps.Run("Get-PortalChangeOrder -ProposalId " + SandboxSeed.AcceptedProposalId + " | ForEach-Object { Get-PortalChangeOrder -ProposalId $_.ProposalId -Id $_.Id }");
            Assert.Empty(detail.Errors);
            Assert.Equal(orders.Select(o => o.Id), detail.Objects<ChangeOrder>().Select(o => o.Id));
            Assert.All(detail.Objects<ChangeOrder>(), o => Assert.True(o.IsDetail));

            var missing = _ps.Run("Get-PortalChangeOrder -ProposalId " + SandboxSeed.AcceptedProposalId + " -Id " + SandboxSeed.CompletedProposalChangeOrderId);
            Assert.StartsWith("PortalIo.NotFound", missing.FirstError.FullyQualifiedErrorId);
            Assert.Equal(SandboxSeed.CompletedProposalChangeOrderId, missing.FirstError.TargetObject);
        }
    }
}
