using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PortalIo.Http;
using Xunit;

namespace PortalIo.Tests.Architecture
{
    /// <summary>
    /// The module's public surface: the cmdlets and their abstract bases, the types users receive,
    /// pass or build in their tests (models, enums, PortalSession, PortalSandbox with the journal,
    /// fault and webhook delivery objects of its cmdlets, PortalApiException and what it exposes),
    /// and ModuleInitializer (PowerShell finds it only when public).
    /// Everything else is internal. A new public type is a choice: add it here, and to CHANGELOG.md.
    /// </summary>
    public class PublicSurfaceTests
    {
        private static readonly string[] Expected =
        {
            "PortalIo.Commands.AiBuilder.AddPortalAiContentCommand",
            "PortalIo.Commands.AiBuilder.AiWaitCmdlet",
            "PortalIo.Commands.AiBuilder.GetPortalAiContentCommand",
            "PortalIo.Commands.AiBuilder.GetPortalAiOutlineCommand",
            "PortalIo.Commands.AiBuilder.RemovePortalAiContentCommand",
            "PortalIo.Commands.AiBuilder.StartPortalAiBuildCommand",
            "PortalIo.Commands.AiBuilder.StartPortalAiOutlineCommand",
            "PortalIo.Commands.Catalog.FindPortalCatalogItemCommand",
            "PortalIo.Commands.Catalog.GetPortalCatalogCategoryCommand",
            "PortalIo.Commands.Catalog.GetPortalCatalogItemCommand",
            "PortalIo.Commands.ChangeOrders.GetPortalChangeOrderCommand",
            "PortalIo.Commands.Contacts.GetPortalContactCommand",
            "PortalIo.Commands.Contacts.GetPortalContactLocationCommand",
            "PortalIo.Commands.Contacts.NewPortalContactCommand",
            "PortalIo.Commands.Contacts.NewPortalContactLocationCommand",
            "PortalIo.Commands.Plumbing.InvokePortalRequestCommand",
            "PortalIo.Commands.Plumbing.NewPortalSignatureCommand",
            "PortalIo.Commands.Proposals.AddPortalAreaCommand",
            "PortalIo.Commands.Proposals.AddPortalAreaOptionCommand",
            "PortalIo.Commands.Proposals.GetPortalAreaCommand",
            "PortalIo.Commands.Proposals.GetPortalAreaOptionCommand",
            "PortalIo.Commands.Proposals.GetPortalProposalCommand",
            "PortalIo.Commands.Proposals.NewPortalProposalCommand",
            "PortalIo.Commands.Proposals.ProposalAssignmentCommand",
            "PortalIo.Commands.Proposals.SetPortalAreaOptionCommand",
            "PortalIo.Commands.Proposals.SetPortalProposalCommand",
            "PortalIo.Commands.Proposals.SetPortalProposalContactCommand",
            "PortalIo.Commands.Proposals.SetPortalProposalLocationCommand",
            "PortalIo.Commands.Sandbox.AddPortalSandboxLineItemCommand",
            "PortalIo.Commands.Sandbox.AddPortalSandboxWebhookRouteCommand",
            "PortalIo.Commands.Sandbox.ClearPortalSandboxFaultCommand",
            "PortalIo.Commands.Sandbox.ClearPortalSandboxRequestCommand",
            "PortalIo.Commands.Sandbox.ExportPortalSandboxDataCommand",
            "PortalIo.Commands.Sandbox.GetPortalSandboxFaultCommand",
            "PortalIo.Commands.Sandbox.GetPortalSandboxRequestCommand",
            "PortalIo.Commands.Sandbox.GetPortalSandboxWebhookDeliveryCommand",
            "PortalIo.Commands.Sandbox.PortalSandboxCmdlet",
            "PortalIo.Commands.Sandbox.RemovePortalSandboxWebhookRouteCommand",
            "PortalIo.Commands.Sandbox.ResetPortalSandboxCommand",
            "PortalIo.Commands.Sandbox.SetPortalSandboxContactCommand",
            "PortalIo.Commands.Sandbox.SetPortalSandboxFaultCommand",
            "PortalIo.Commands.Sandbox.SetPortalSandboxProposalStatusCommand",
            "PortalIo.Commands.Sandbox.StartPortalSandboxCommand",
            "PortalIo.Commands.Sandbox.StopPortalSandboxCommand",
            "PortalIo.Commands.Session.ConnectPortalCommand",
            "PortalIo.Commands.Session.DisconnectPortalCommand",
            "PortalIo.Commands.Session.GetPortalSessionCommand",
            "PortalIo.Commands.Session.TestPortalConnectionCommand",
            "PortalIo.Commands.Users.GetPortalUserCommand",
            "PortalIo.Commands.Webhooks.GetPortalWebhookCommand",
            "PortalIo.Commands.Webhooks.NewPortalWebhookCommand",
            "PortalIo.Commands.Webhooks.RemovePortalWebhookCommand",
            "PortalIo.Commands.Webhooks.SetPortalWebhookCommand",
            "PortalIo.Commands.Webhooks.TestPortalWebhookSignatureCommand",
            "PortalIo.Http.PortalApiException",
            "PortalIo.Http.PortalErrorKind",
            "PortalIo.Http.PortalFieldError",
            "PortalIo.Models.AiBuild",
            "PortalIo.Models.AiContent",
            "PortalIo.Models.AiContentUser",
            "PortalIo.Models.AiOutline",
            "PortalIo.Models.Area",
            "PortalIo.Models.AreaOption",
            "PortalIo.Models.CatalogCategory",
            "PortalIo.Models.CatalogCost",
            "PortalIo.Models.CatalogFacet",
            "PortalIo.Models.CatalogItem",
            "PortalIo.Models.CatalogItemType",
            "PortalIo.Models.CatalogLink",
            "PortalIo.Models.CatalogPrice",
            "PortalIo.Models.CatalogSearchSummary",
            "PortalIo.Models.CatalogSpec",
            "PortalIo.Models.CatalogSupplier",
            "PortalIo.Models.ChangeOrder",
            "PortalIo.Models.ChangeOrderFinancialSummary",
            "PortalIo.Models.ChangeOrderTotal",
            "PortalIo.Models.CheckStatus",
            "PortalIo.Models.ConnectionCheck",
            "PortalIo.Models.Contact",
            "PortalIo.Models.ContactSortField",
            "PortalIo.Models.ContactType",
            "PortalIo.Models.Currency",
            "PortalIo.Models.Customer",
            "PortalIo.Models.FinancialSummary",
            "PortalIo.Models.LineItem",
            "PortalIo.Models.Location",
            "PortalIo.Models.PartyReference",
            "PortalIo.Models.PartyType",
            "PortalIo.Models.PortalObject",
            "PortalIo.Models.PortalSignature",
            "PortalIo.Models.Proposal",
            "PortalIo.Models.ProposalSortField",
            "PortalIo.Models.ProposalStatus",
            "PortalIo.Models.SalesTax",
            "PortalIo.Models.TotalSummary",
            "PortalIo.Models.User",
            "PortalIo.Models.Webhook",
            "PortalIo.PowerShell.ModuleInitializer",
            "PortalIo.PowerShell.PortalApiCmdlet",
            "PortalIo.PowerShell.PortalCmdlet",
            "PortalIo.PowerShell.PortalFanOutCmdlet",
            "PortalIo.PowerShell.LocalSandbox.PortalSandbox",
            "PortalIo.PowerShell.LocalSandbox.PortalSandboxFault",
            "PortalIo.PowerShell.LocalSandbox.PortalSandboxRequest",
            "PortalIo.PowerShell.LocalSandbox.PortalSandboxWebhookAttempt",
            "PortalIo.PowerShell.LocalSandbox.PortalSandboxWebhookDelivery",
            "PortalIo.Session.PortalEnvironment",
            "PortalIo.Session.PortalSession",
            "PortalIo.Webhooks.WebhookEventEncoding",
        };

        [Fact]
        public void The_public_types_are_exactly_the_chosen_ones()
        {
            var actual = typeof(PortalClient).Assembly.GetExportedTypes().Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(Expected.OrderBy(n => n, StringComparer.Ordinal), actual);
        }

        [Fact]
        public void The_cmdlet_bases_offer_users_nothing_to_derive_from()
        {
            // They must be public (a public cmdlet derives from them), but what they share with their
            // cmdlets is private protected, and they cannot be derived from outside the module.
            const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var bases = typeof(PortalClient).Assembly.GetExportedTypes().Where(t => t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t)).ToList();
            Assert.NotEmpty(bases);
            foreach (var type in bases)
            {
                Assert.DoesNotContain(type.GetConstructors(declared), c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly);
                var protectedMethods = type.GetMethods(declared)
                    .Where(m => (m.IsFamily || m.IsFamilyOrAssembly) && m.GetBaseDefinition().DeclaringType == type)
                    .Select(m => type.Name + "." + m.Name);
                Assert.Empty(protectedMethods);
            }
        }
    }
}
