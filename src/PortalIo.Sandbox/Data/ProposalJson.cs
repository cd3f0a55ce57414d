using System.Text.Json;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// Wire shapes of proposals (the list summary and the detail). Where the documentation is silent
    /// the emulator adds only projectDescription, internalNotes and salesPerson, which the update routes
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
            WriteCustomerDetail(w, p.Customer, p.Location);
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
            WriteSalesTax(w, money);
            w.WriteMoney("proposalTotal", money.ProposalTotal);
            WriteCurrency(w);
            w.WriteEndObject();
        }

        /// <summary>
        /// salesTax with the calculation breakdown of the proposal schema Portal.io publishes for integrations. The rate fields
        /// (partsTax, laborTax, feeTax) carry the percentage and the *TotalTax fields the amounts;
        /// the docs list the names without saying which is which. calculation is null until a
        /// location is assigned, since nothing has been calculated yet.
        /// </summary>
        internal static void WriteSalesTax(Utf8JsonWriter w, ProposalFinancials money)
        {
            w.WriteStartObject("salesTax");
            w.WriteString("taxStatus", money.TaxStatus);
            w.WriteMoney("total", money.SalesTaxTotal);
            var location = money.TaxLocation;
            if (location == null)
            {
                w.WriteNull("calculation");
            }
            else
            {
                // "8.25", not "8.2500": decimal keeps the scale of its operands.
                var percent = decimal.Parse((money.TaxRate * 100m).ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture),
                    System.Globalization.CultureInfo.InvariantCulture);
                var taxName = TaxRates.TaxNameFor(location.State, location.Country);
                w.WriteStartObject("calculation");
                w.WriteString("method", "ClientLocation");
                w.WriteStartArray("applyTo");
                w.WriteStringValue("Parts");
                w.WriteStringValue("Labor");
                w.WriteStringValue("Fees");
                w.WriteEndArray();
                w.WriteBoolean("hasMultipleTaxSupport", false);
                w.WriteBoolean("isTaxJarAvailable", false);
                w.WriteNumber("partsTax", percent);
                w.WriteString("partsTaxName", taxName);
                w.WriteNumber("laborTax", percent);
                w.WriteString("laborTaxName", taxName);
                w.WriteNumber("feeTax", percent);
                w.WriteString("feeTaxName", taxName);
                w.WriteNumber("partsTax2", 0);
                w.WriteString("partsTax2Name", "");
                w.WriteNumber("laborTax2", 0);
                w.WriteString("laborTax2Name", "");
                w.WriteNumber("feeTax2", 0);
                w.WriteString("feeTax2Name", "");
                LocationJson.WriteAddress(w, "taxLocation", location);
                w.WriteMoney("partsTotalTax", money.PartsTax);
                w.WriteMoney("laborTotalTax", money.LaborTax);
                w.WriteMoney("feeTotalTax", money.FeeTax);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }

        internal static void WriteArea(Utf8JsonWriter w, ProposalArea area)
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

        /// <summary>The customer with the proposal's assigned location (customer.location of the published proposal schema), null until assigned.</summary>
        private static void WriteCustomerDetail(Utf8JsonWriter w, Contact? c, ContactLocation? location)
        {
            if (c == null)
            {
                w.WriteNull("customer");
                return;
            }
            w.WriteStartObject("customer");
            ContactJson.WriteFields(w, c);
            if (location == null) w.WriteNull("location");
            else LocationJson.WriteAddress(w, "location", location);
            w.WriteEndObject();
        }

        internal static void WritePerson(Utf8JsonWriter w, string name, DealerUser user)
        {
            w.WriteStartObject(name);
            w.WriteNumber("id", user.Id);
            w.WriteString("firstName", user.FirstName);
            w.WriteString("lastName", user.LastName);
            w.WriteEndObject();
        }

        internal static void WriteCurrency(Utf8JsonWriter w)
        {
            w.WriteStartObject("currency");
            w.WriteString("code", "USD");
            w.WriteString("symbol", "$");
            w.WriteEndObject();
        }
    }
}
