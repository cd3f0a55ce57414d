using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    public class ContactCmdletTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly SandboxFixture _sandbox;
        private readonly ConnectedRunspace _ps;

        public ContactCmdletTests(SandboxFixture sandbox)
        {
            _sandbox = sandbox;
            _ps = new ConnectedRunspace(sandbox.Server);
        }

        public void Dispose() => _ps.Dispose();


        [Fact]
        public void Contacts_list_with_filters_and_paging()
        {
            var all = _ps.Run("Get-PortalContact -PageSize 5").Objects<Contact>().ToList();
            Assert.True(all.Count >= SandboxSeed.DemoDealerContactCount);
            Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());

            var companies = _ps.Run("Get-PortalContact -PartyType Company").Objects<Contact>().ToList();
            Assert.NotEmpty(companies);
            Assert.All(companies, c => Assert.Equal("Company", c.PartyType));

            Assert.Contains(_ps.Run("Get-PortalContact -SearchText Smith").Objects<Contact>(), c => c.Id == SandboxSeed.SmithContactId);

            List<PSObject> window = new();
            var requests = _sandbox.Server.During(() => window = _ps.Run("Get-PortalContact -PageSize 5 -Skip 5 -First 5").Output);
            Assert.Equal(all.Skip(5).Take(5).Select(c => c.Id), window.Select(o => ((Contact)o.BaseObject).Id));
            Assert.Single(requests, r => r.Path == "/public/people");
        }

        [Fact]
        public void Contact_detail_with_counts_and_locations_through_the_pipeline()
        {
            var run = _ps.Run("Get-PortalContact -Id " + SandboxSeed.SmithContactId + " -IncludeCounts");
            var contact = run.Objects<Contact>().Single();
            Assert.NotNull(contact.ProposalCount);
            Assert.Equal(SandboxSeed.SmithPrimaryLocationId, contact.PrimaryLocation!.Id);

            var locations = _ps.Run("Get-PortalContact -Id " + SandboxSeed.ContactWithSeveralLocationsId + " | Get-PortalContactLocation -PageSize 2").Objects<Location>().ToList();
            Assert.Equal(SandboxSeed.SeveralLocationsCount, locations.Count);
            Assert.Equal(SandboxSeed.SeveralLocationsPrimaryLocationId, locations[0].Id);
            Assert.True(locations[0].IsPrimary);
            Assert.All(locations, l => Assert.Equal(SandboxSeed.ContactWithSeveralLocationsId, l.ContactId));

            var missing = _ps.Run("Get-PortalContact -Id " + SandboxSeed.OtherDealerContactId);
            Assert.StartsWith("PortalIo.NotFound", missing.FirstError.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.FirstError.CategoryInfo.Category);
        }

        [Fact]
        public void New_contact_then_a_location_binds_along_the_pipeline()
        {
            var run = _ps.Run("New-PortalContact -PartyType Company -ContactType Client -FirstName Ana -CompanyName 'Acme AV' -ContactEmail 'ana@acme.example' | New-PortalContactLocation -Street '456 Oak Ave' -City Austin -State Texas -PostalCode 78702 -Country 'United States' -IsPrimary");
            Assert.Empty(run.Errors);
            var location = run.Objects<Location>().Single();
            Assert.True(location.IsPrimary);
            Assert.Equal("TX", location.StateAbbrev);
            Assert.Equal(string.Empty, location.ContactEmail ?? string.Empty);
            var contactId = location.ContactId!.Value;
            Assert.Equal(location.Id, _ps.Run("Get-PortalContact -Id " + contactId).Objects<Contact>().Single().PrimaryLocation!.Id);
        }

        [Theory]
        [InlineData("New-PortalContact -PartyType Company -ContactType Client -FirstName Ana", "CompanyName")]
        [InlineData("New-PortalContact -PartyType Person -ContactType Customer -FirstName Ana", "ContactType")]
        [InlineData("New-PortalContactLocation -ContactId 88 -Street '1 Main' -Country 'United States'", "State")]
        [InlineData("New-PortalContactLocation -ContactId 88 -Street '1 Main' -City ('x' * 51)", "City")]
        [InlineData("New-PortalContactLocation -ContactId 88 -Street ('x' * 256)", "Street")]
        [InlineData("New-PortalContactLocation -ContactId 88 -Street '1 Main' -PostalCode ('9' * 21)", "PostalCode")]
        [InlineData("New-PortalContactLocation -ContactId 0 -Street '1 Main'", "ContactId")]
        public void Field_rules_are_checked_before_any_request(string script, string parameter)
        {
            PowerShellRun run = null!;
            var requests = _sandbox.Server.During(() => run = _ps.Run(script));
            Assert.Empty(requests);
            Assert.Contains(parameter, run.FirstError.Exception.Message + " " + run.FirstError.ErrorDetails?.Message);
        }

        [Fact]
        public void Locations_of_an_unknown_contact_are_not_found_and_the_next_input_goes_on()
        {
            var run = _ps.Run(SandboxSeed.OtherDealerContactId + ", " + SandboxSeed.SmithContactId + " | ForEach-Object { [pscustomobject]@{ ContactId = $_ } } | Get-PortalContactLocation");
            Assert.StartsWith("PortalIo.NotFound", run.FirstError.FullyQualifiedErrorId);
            Assert.Contains(run.Objects<Location>(), l => l.Id == SandboxSeed.SmithPrimaryLocationId);
        }

        [Fact]
        public void Read_only_user_gets_forbidden_on_create()
        {
            using var readOnly = new ConnectedRunspace(_sandbox.Server, "readonly");
            var run = readOnly.Run("New-PortalContact -PartyType Person -ContactType Client -FirstName Nope");
            Assert.StartsWith("PortalIo.Forbidden", run.FirstError.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, run.FirstError.CategoryInfo.Category);
        }
    }
}
