using System.Globalization;
using System.Linq;
using System.Text.Json;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>The read-only change-order routes; no create or edit route is documented, so none exists.</summary>
    internal sealed class ChangeOrderRoutes
    {
        private readonly EmulatorStore _store;

        public ChangeOrderRoutes(EmulatorStore store) { _store = store; }

        public void Register(Router router)
        {
            router.Map("GET", "/public/proposals/{proposalId}/changeorders", RouteAccess.PublicRead, List);
            router.Map("GET", "/public/proposals/{proposalId}/changeorders/{changeOrderId}", RouteAccess.PublicRead, Get);
        }

        private EmulatorResponse List(EmulatorRequest request)
        {
            var proposalId = request.RouteInt("proposalId");
            if (proposalId == null) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, request.User!.Account);
                if (proposal == null) return ErrorBodies.NotFound("Proposal " + proposalId.Value + " was not found.");
                var changeOrders = proposal.HasChangeOrders ? proposal.ChangeOrders.ToList() : new System.Collections.Generic.List<Proposal>();
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var co in changeOrders) WriteSummary(w, co);
                    w.WriteEndArray();
                }));
            }
        }

        private EmulatorResponse Get(EmulatorRequest request)
        {
            var proposalId = request.RouteInt("proposalId");
            var changeOrderId = request.RouteInt("changeOrderId");
            if (proposalId == null || changeOrderId == null) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, request.User!.Account);
                if (proposal == null) return ErrorBodies.NotFound("Proposal " + proposalId.Value + " was not found.");
                var co = _store.FindChangeOrder(proposal, changeOrderId.Value);
                if (co == null) return ErrorBodies.NotFound("Change order " + changeOrderId.Value + " was not found in proposal " + proposal.Id + ".");
                return EmulatorResponse.Json(200, JsonOutput.Write(w => WriteDetail(w, co)))
                    .WithHeader("Last-Modified", co.LastModifiedDate.ToString("r", CultureInfo.InvariantCulture));
            }
        }

        private static void WriteSummary(Utf8JsonWriter w, Proposal co)
        {
            var money = ProposalFinancials.Of(co);
            w.WriteStartObject();
            w.WriteNumber("id", co.Id);
            w.WriteNumber("number", co.ChangeOrder!.Number);
            w.WriteString("name", co.Name);
            w.WriteString("status", co.Status.ToString());
            w.WriteStartObject("total");
            w.WriteMoney("changeOrderTotal", money.ProposalTotal);
            ProposalJson.WriteCurrency(w);
            w.WriteEndObject();
            WriteCustomer(w, co.Customer);
            w.WriteDate("createdDate", co.CreatedDate);
            w.WriteDate("lastModifiedDate", co.LastModifiedDate);
            w.WriteDate("lastModifiedByUserDate", co.LastModifiedByUserDate);
            w.WriteEndObject();
        }

        /// <summary>The change-order detail; the fields the emulator has no data for are null, as in the documentation's example.</summary>
        private static void WriteDetail(Utf8JsonWriter w, Proposal co)
        {
            var money = ProposalFinancials.Of(co);
            w.WriteStartObject();
            w.WriteNumber("id", co.Id);
            w.WriteNumber("number", co.ChangeOrder!.Number);
            w.WriteString("name", co.Name);
            w.WriteString("status", co.Status.ToString());
            w.WriteDate("createdDate", co.CreatedDate);
            w.WriteDate("lastModifiedDate", co.LastModifiedDate);
            w.WriteDate("lastModifiedByUserDate", co.LastModifiedByUserDate);
            w.WriteNullableDate("lastSubmittedDate", co.LastSubmittedDate);
            w.WriteNullableDate("clientLastOpenedDate", co.ClientLastOpenedDate);
            w.WriteNullableDate("clientLastDecisionDate", co.ClientLastDecisionDate);
            w.WriteNullableDate("lastCompletedDate", co.LastCompletedDate);
            w.WriteStartObject("financialSummary");
            w.WriteMoney("partsSubtotal", money.PartsSubtotal);
            w.WriteMoney("laborTotal", money.LaborTotal);
            w.WriteMoney("feeTotal", money.FeeTotal);
            w.WriteMoney("changeOrderSubtotal", money.ProposalSubtotal);
            ProposalJson.WriteSalesTax(w, money);
            w.WriteMoney("changeOrderTotal", money.ProposalTotal);
            ProposalJson.WriteCurrency(w);
            w.WriteEndObject();
            w.WriteStartArray("areas");
            if (co.HasAreas)
                foreach (var area in co.Areas) ProposalJson.WriteArea(w, area);
            w.WriteEndArray();
            WriteCustomer(w, co.Customer);
            w.WriteStartObject("dealer");
            w.WriteNumber("id", co.Account.Id);
            w.WriteString("name", co.Account.Name);
            w.WriteEndObject();
            w.WriteNull("coverpageImageUrl");
            w.WriteNull("aboutUs");
            w.WriteNullableString("projectDescription", co.ProjectDescription.Length == 0 ? null : co.ProjectDescription);
            w.WriteNull("profit");
            w.WriteNull("recurringServices");
            w.WriteNull("paymentSchedule");
            w.WriteStartArray("paymentRequests");
            w.WriteEndArray();
            w.WriteNull("projectTerms");
            ProposalJson.WritePerson(w, "lastModifiedUser", co.LastModifiedUser);
            w.WriteEndObject();
        }

        /// <summary>As in the docs' list example: companyName is null for a person.</summary>
        private static void WriteCustomer(Utf8JsonWriter w, Contact? c)
        {
            if (c == null)
            {
                w.WriteNull("customer");
                return;
            }
            w.WriteStartObject("customer");
            w.WriteNumber("id", c.Id);
            w.WriteString("partyType", c.PartyType);
            w.WriteString("contactType", c.ContactType);
            w.WriteString("firstName", c.FirstName);
            w.WriteString("lastName", c.LastName);
            w.WriteNullableString("companyName", c.CompanyName.Length == 0 ? null : c.CompanyName);
            w.WriteString("contactEmail", c.ContactEmail);
            w.WriteString("contactPhone", c.ContactPhone);
            w.WriteEndObject();
        }
    }
}
