using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PortalIo.Models;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// The whole life of a proposal through the cmdlets, as a script would run it against the sandbox:
    /// contact and location, proposal, tax, areas and options, a webhook delivered to a local listener
    /// and verified, the client accepting, and the 409 that follows.
    /// </summary>
    public class EndToEndScenarioTests
    {
        [Fact]
        public void A_proposal_from_contact_to_accepted_with_a_verified_webhook_and_a_409_after()
        {
            using var listener = new LoopbackReceiver();
            using var rs = new ModuleRunspace();
            var vars = new Dictionary<string, object?> { ["listener"] = listener.Address };

            var setup = rs.Run(@"
                $sb = Start-PortalSandbox
                $sb | Connect-Portal
                $contact = New-PortalContact -PartyType Person -ContactType Client -FirstName Erin -LastName Lee -ContactEmail 'erin.lee@example.com'
                $location = $contact | New-PortalContactLocation -Street '500 Congress Ave' -City Austin -State Texas -PostalCode 78701 -Country 'United States'
                $proposal = New-PortalProposal -Name 'Lee Residence' -SalesPersonId 77
                $living, $kitchen = Add-PortalArea -ProposalId $proposal.Id -Name 'Living Room', 'Kitchen'
                $sb.AddLineItem($proposal.Id, $living.Options[0].Id, 8821, 2)
                $withContact = $contact | Set-PortalProposalContact -ProposalId $proposal.Id -PassThru
                $taxed = $location | Set-PortalProposalLocation -ProposalId $proposal.Id -PassThru
                $withContact; $taxed", vars);
            Assert.Empty(setup.Errors);
            var proposals = setup.Objects<Proposal>().ToList();
            Assert.Equal(0m, proposals[0].FinancialSummary!.SalesTax!.Total);
            Assert.True(proposals[1].FinancialSummary!.SalesTax!.Total > 0m, "tax becomes non-zero once the location is assigned");

            // Three more options on the living room: the third is its 4th option and fails; the kitchen's still goes through.
            var options = rs.Run(@"
                $living, $living, $living, $kitchen | Add-PortalAreaOption -ClientDescription 'Upgrade'");
            Assert.Equal(3, options.Objects<AreaOption>().Count());
            Assert.Contains(options.Objects<AreaOption>(), o => o.AreaName == "Kitchen");
            var fourth = Assert.Single(options.Errors);
            Assert.StartsWith("PortalIo.BadRequest", fourth.FullyQualifiedErrorId);
            Assert.Contains("at most 3 options", fourth.ErrorDetails.RecommendedAction);

            var hook = rs.Run(@"
                $hook = New-PortalWebhook -Url 'https://hooks.example.com/portal/e2e' -Event proposal.status_changed -Description 'E2E'
                $sb.RouteWebhookHost('hooks.example.com', $listener)
                $sb.SetProposalStatus($proposal.Id, 'Accepted')", vars);
            Assert.Empty(hook.Errors);
            Assert.Contains(hook.Warnings, w => w.Contains("secret", StringComparison.OrdinalIgnoreCase));

            Assert.True(listener.First.Task.Wait(TimeSpan.FromSeconds(20)), "no webhook delivery arrived");
            var (_, body, signature) = listener.First.Task.Result;
            Assert.Contains("\"proposal.status_changed\"", body);
            Assert.Matches(@"^t=\d+,v1=[0-9a-f]{64}$", signature);

            vars["body"] = body;
            vars["signature"] = signature;
            var verified = rs.Run(@"
                Test-PortalWebhookSignature -Payload $body -SignatureHeader $signature -SecretKey $hook.SecretKey
                Test-PortalWebhookSignature -Payload ($body + ' ') -SignatureHeader $signature -SecretKey $hook.SecretKey", vars);
            Assert.Equal(new object[] { true, false }, verified.Output.Select(o => o.BaseObject));

            var edit = rs.Run(@"
                Set-PortalProposal -Id $proposal.Id -Name 'Lee Residence, phase 2'
                $sb | Stop-PortalSandbox");
            var conflict = Assert.Single(edit.Errors);
            Assert.StartsWith("PortalIo.Conflict", conflict.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, conflict.CategoryInfo.Category);
            Assert.Contains("change order", conflict.ErrorDetails.RecommendedAction);
        }
    }
}
