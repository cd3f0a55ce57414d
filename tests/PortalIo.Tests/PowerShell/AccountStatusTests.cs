using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// Every API cmdlet meets the two account-wide statuses the same way: an inactive subscription
    /// (402) is PortalIo.PaymentRequired, and a user without permission gets PortalIo.Forbidden on
    /// every write. A cmdlet added without a line here fails the coverage test.
    /// </summary>
    public class AccountStatusTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _sandbox;

        public AccountStatusTests(SandboxFixture sandbox) => _sandbox = sandbox;

        private static readonly string UploadFile = WriteUploadFile();

        private static string WriteUploadFile()
        {
            var path = Path.Combine(Path.GetTempPath(), "portalio-status-" + Guid.NewGuid().ToString("N") + ".txt");
            File.WriteAllText(path, "Discovery call notes.");
            return path;
        }

        /// <summary>One call per API cmdlet, with inputs that are valid for the demo dealer; true marks a write.</summary>
        private static readonly Dictionary<string, (string Script, bool Write)> Calls = new()
        {
            ["Get-PortalUser"] = ("Get-PortalUser", false),
            ["Get-PortalProposal"] = ("Get-PortalProposal -First 1", false),
            ["New-PortalProposal"] = ("New-PortalProposal -Name Status -SalesPersonId 77", true),
            ["Get-PortalArea"] = ("Get-PortalArea -ProposalId 1042", false),
            ["Add-PortalArea"] = ("Add-PortalArea -ProposalId 1042 -Name 'Status room'", true),
            ["Add-PortalAreaOption"] = ("Add-PortalAreaOption -ProposalId 1042 -AreaId 5002 -ClientDescription Status", true),
            ["Set-PortalProposal"] = ("Set-PortalProposal -Id 1042 -InternalNotes Status", true),
            ["Set-PortalProposalContact"] = ("Set-PortalProposalContact -ProposalId 1042 -ContactId 88", true),
            ["Set-PortalProposalLocation"] = ("Set-PortalProposalLocation -ProposalId 1042 -LocationId 201", true),
            ["Get-PortalAreaOption"] = ("Get-PortalAreaOption -ProposalId 1042", false),
            ["Set-PortalAreaOption"] = ("Set-PortalAreaOption -ProposalId 1042 -OptionId 7001 -ClientDescription Status", true),
            ["Get-PortalChangeOrder"] = ("Get-PortalChangeOrder -ProposalId 1043", false),
            ["Get-PortalContact"] = ("Get-PortalContact -First 1", false),
            ["New-PortalContact"] = ("New-PortalContact -PartyType Person -ContactType Client -FirstName Status", true),
            ["Get-PortalContactLocation"] = ("Get-PortalContactLocation -ContactId 88", false),
            ["New-PortalContactLocation"] = ("New-PortalContactLocation -ContactId 88 -Street '1 Status Way'", true),
            ["Find-PortalCatalogItem"] = ("Find-PortalCatalogItem -SearchText receiver -First 1", false),
            ["Get-PortalCatalogItem"] = ("Get-PortalCatalogItem -Id 8821", false),
            ["Get-PortalCatalogCategory"] = ("Get-PortalCatalogCategory", false),
            ["Get-PortalWebhook"] = ("Get-PortalWebhook", false),
            ["New-PortalWebhook"] = ("New-PortalWebhook -Url https://hooks.example.com/status -Event proposal.status_changed", true),
            ["Set-PortalWebhook"] = ("Set-PortalWebhook -Id 42 -Enabled $false", true),
            ["Remove-PortalWebhook"] = ("Remove-PortalWebhook -Id 42 -Confirm:$false", true),
            ["Add-PortalAiContent"] = ("Add-PortalAiContent -ProposalId 1042 -Path '" + UploadFile + "'", true),
            ["Get-PortalAiContent"] = ("Get-PortalAiContent -ProposalId 1042", false),
            ["Remove-PortalAiContent"] = ("Remove-PortalAiContent -ProposalId 1042 -ContentId 42 -Confirm:$false", true),
            ["Start-PortalAiOutline"] = ("Start-PortalAiOutline -ProposalId 1042", true),
            ["Get-PortalAiOutline"] = ("Get-PortalAiOutline -ProposalId 1042", false),
            ["Start-PortalAiBuild"] = ("Start-PortalAiBuild -ProposalId 1042", true),
            ["Invoke-PortalRequest"] = ("Invoke-PortalRequest -Path /public/users", false),
        };

        /// <summary>Test-PortalConnection reports these statuses as checks instead of errors (ConnectionDiagnosisTests).</summary>
        private static readonly string[] NotErrorReporting = { "Test-PortalConnection" };

        public static IEnumerable<object[]> ReadsAndWrites() => Calls.Select(c => new object[] { c.Key });
        public static IEnumerable<object[]> Writes() => Calls.Where(c => c.Value.Write).Select(c => new object[] { c.Key });

        [Fact]
        public void Every_api_cmdlet_has_a_call_here()
        {
            using var rs = new ModuleRunspace();
            var apiCmdlets = rs.Run("Get-Command -Module PortalIo").Objects<CmdletInfo>()
                .Where(c => typeof(PortalIo.PowerShell.PortalApiCmdlet).IsAssignableFrom(c.ImplementingType))
                .Select(c => c.Name)
                .Except(NotErrorReporting)
                .OrderBy(n => n);
            Assert.Equal(apiCmdlets, Calls.Keys.OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(ReadsAndWrites))]
        public void An_inactive_subscription_is_payment_required(string cmdlet)
        {
            using var lapsed = new ConnectedRunspace(_sandbox.Server, "lapsed");
            var record = lapsed.Run(Calls[cmdlet].Script).FirstError;
            Assert.StartsWith("PortalIo.PaymentRequired", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
            Assert.Contains("subscription", record.ErrorDetails.RecommendedAction);
        }

        [Theory]
        [MemberData(nameof(Writes))]
        public void A_user_without_permission_is_forbidden_to_write(string cmdlet)
        {
            using var readOnly = new ConnectedRunspace(_sandbox.Server, "readonly");
            var writes = _sandbox.Server.WritesDuring(() =>
            {
                var record = readOnly.Run(Calls[cmdlet].Script).FirstError;
                Assert.StartsWith("PortalIo.Forbidden", record.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
                Assert.Contains("permission", record.ErrorDetails.RecommendedAction);
            });
            Assert.All(writes, w => Assert.Equal(403, w.StatusCode));
        }
    }
}
