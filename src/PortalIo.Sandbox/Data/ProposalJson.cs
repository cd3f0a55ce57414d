using System.Text.Json;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// Wire shapes of proposals (proposals.md §1 summary, §2 detail). Where the docs are silent the
    /// sandbox adds only projectDescription, internalNotes and salesPerson, which the update routes
    /// need to be observable.
    /// </summary>
    internal static class ProposalJson
    {
        public static void WriteSummary(Utf8JsonWriter w, Proposal p)
        {
            var money = ProposalFinancials.Of(p);
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteNumber("number", p.Number);
            w.WriteString("name", p.Name);
            w.WriteString("status", p.Status.ToString());
            w.WriteStartObject("total");
            w.WriteMoney("proposalTotal", money.ProposalTotal);
            WriteCurrency(w);
            w.WriteEndObject();
            w.WriteDate("createdDate", p.CreatedDate);
            w.WriteDate("lastModifiedDate", p.LastModifiedDate);
            WriteCustomerSummary(w, p.Customer);
            w.WriteEndObject();
        }

        public static byte[] Detail(Proposal p) => JsonOutput.Write(w => WriteDetail(w, p));

        public static void WriteDetail(Utf8JsonWriter w, Proposal p)
        {
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteNumber("number", p.Number);
            w.WriteString("name", p.Name);
            w.WriteString("status", p.Status.ToString());
            w.WriteDate("createdDate", p.CreatedDate);
            w.WriteDate("lastModifiedDate", p.LastModifiedDate);
            w.WriteDate("lastModifiedByUserDate", p.LastModifiedByUserDate);
            w.WriteNullableDate("lastSubmittedDate", p.LastSubmittedDate);
            w.WriteNullableDate("clientLastOpenedDate", p.ClientLastOpenedDate);
            w.WriteNullableDate("clientLastDecisionDate", p.ClientLastDecisionDate);
            w.WriteNullableDate("lastCompletedDate", p.LastCompletedDate);
            w.WriteString("projectDescription", p.ProjectDescription);
            w.WriteString("internalNotes", p.InternalNotes);
            WritePerson(w, "salesPerson", p.SalesPerson);
            WriteFinancialSummary(w, ProposalFinancials.Of(p));
            w.WriteStartArray("areas");
            if (p.HasAreas)
                foreach (var area in p.Areas) WriteArea(w, area);
            w.WriteEndArray();
            WriteCustomerDetail(w, p.Customer);
            w.WriteStartObject("dealer");
            w.WriteNumber("id", p.Account.Id);
            w.WriteString("name", p.Account.Name);
            w.WriteEndObject();
            WritePerson(w, "lastModifiedUser", p.LastModifiedUser);
            w.WriteEndObject();
        }

        private static void WriteFinancialSummary(Utf8JsonWriter w, ProposalFinancials money)
        {
            w.WriteStartObject("financialSummary");
            w.WriteMoney("partsSubtotal", money.PartsSubtotal);
            w.WriteMoney("partsDiscountPercentage", money.PartsDiscountPercentage);
            w.WriteMoney("partsDiscount", money.PartsDiscount);
            w.WriteMoney("partsTotal", money.PartsTotal);
            w.WriteMoney("laborTotal", money.LaborTotal);
            w.WriteMoney("feeTotal", money.FeeTotal);
            w.WriteMoney("proposalSubtotal", money.ProposalSubtotal);
            w.WriteStartObject("salesTax");
            w.WriteString("taxStatus", money.TaxStatus);
            w.WriteMoney("total", money.SalesTaxTotal);
            w.WriteEndObject();
            w.WriteMoney("proposalTotal", money.ProposalTotal);
            WriteCurrency(w);
            w.WriteEndObject();
        }

        private static void WriteArea(Utf8JsonWriter w, ProposalArea area)
        {
            w.WriteStartObject();
            w.WriteNumber("id", area.Id);
            w.WriteString("name", area.Name);
            w.WriteStartArray("options");
            foreach (var option in area.Options)
            {
                w.WriteStartObject();
                w.WriteNumber("id", option.Id);
                w.WriteString("status", option.Status);
                w.WriteDate("lastModifiedDate", option.LastModifiedDate);
                w.WriteNullableString("clientDescription", option.ClientDescription);
                w.WriteNullableString("installerDescription", option.InstallerDescription);
                w.WriteStartArray("items");
                foreach (var item in option.Items) WriteItem(w, item);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WriteItem(Utf8JsonWriter w, LineItem item)
        {
            w.WriteStartObject();
            w.WriteNumber("id", item.Id);
            if (item.ParentId.HasValue) w.WriteNumber("parentId", item.ParentId.Value);
            else w.WriteNull("parentId");
            w.WriteString("itemType", item.ItemType);
            w.WriteNumber("referencedItemId", item.ReferencedItemId);
            w.WriteString("brand", item.Brand);
            w.WriteString("model", item.Model);
            w.WriteString("description", item.Description);
            w.WriteString("name", item.Name);
            w.WriteString("shortDescription", item.ShortDescription);
            w.WriteNumber("quantity", item.Quantity);
            w.WriteMoney("sellPrice", item.SellPrice);
            w.WriteMoney("cost", item.Cost);
            w.WriteEndObject();
        }

        private static void WriteCustomerSummary(Utf8JsonWriter w, Contact? c)
        {
            if (c == null)
            {
                w.WriteNull("customer");
                return;
            }
            w.WriteStartObject("customer");
            w.WriteNumber("id", c.Id);
            w.WriteString("firstName", c.FirstName);
            w.WriteString("lastName", c.LastName);
            w.WriteString("companyName", c.CompanyName);
            w.WriteString("contactEmail", c.ContactEmail);
            w.WriteEndObject();
        }

        private static void WriteCustomerDetail(Utf8JsonWriter w, Contact? c)
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
            w.WriteString("companyName", c.CompanyName);
            w.WriteString("contactEmail", c.ContactEmail);
            w.WriteString("contactEmailCC", c.ContactEmailCC);
            w.WriteString("contactPhone", c.ContactPhone);
            w.WriteEndObject();
        }

        private static void WritePerson(Utf8JsonWriter w, string name, DealerUser user)
        {
            w.WriteStartObject(name);
            w.WriteNumber("id", user.Id);
            w.WriteString("firstName", user.FirstName);
            w.WriteString("lastName", user.LastName);
            w.WriteEndObject();
        }

        private static void WriteCurrency(Utf8JsonWriter w)
        {
            w.WriteStartObject("currency");
            w.WriteString("code", "USD");
            w.WriteString("symbol", "$");
            w.WriteEndObject();
        }
    }
}
