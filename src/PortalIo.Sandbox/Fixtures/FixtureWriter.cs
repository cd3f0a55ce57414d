using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Fixtures
{
    /// <summary>
    /// Writes the demo dealer's data in the fixture format that <see cref="FixtureReader"/> reads:
    /// every field written (no defaults left implicit), in a fixed order (contacts, proposals, catalog
    /// items and webhooks by id; locations, areas, options and items in their own order), so that
    /// export, start from it, export again gives the same document. Webhook secrets are never
    /// written: a fixture is a file, and secrets stay out of files.
    /// </summary>
    internal static class FixtureWriter
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            // Readable names (Lucía) and symbols (&, ") in a file people read and diff; never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>Call under the store lock.</summary>
        public static string Write(EmulatorStore store, EmulatorCatalog catalog, DealerAccount account)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, Options))
                {
                    w.WriteStartObject();
                    w.WriteNumber("formatVersion", FixtureReader.FormatVersion);
                    w.WriteStartArray("contacts");
                    foreach (var contact in store.Contacts.Where(c => c.Account == account).OrderBy(c => c.Id)) WriteContact(w, contact);
                    w.WriteEndArray();
                    w.WriteStartArray("proposals");
                    foreach (var proposal in store.Proposals.Where(p => p.Account == account).OrderBy(p => p.Id)) WriteProposal(w, proposal);
                    w.WriteEndArray();
                    w.WriteStartArray("catalog");
                    foreach (var item in catalog.ItemsByRank.Where(i => catalog.IsVisibleTo(i, account))) WriteCatalogItem(w, item, catalog.IsFavorite(item, account));
                    w.WriteEndArray();
                    w.WriteStartArray("webhooks");
                    foreach (var subscription in store.Subscriptions.Where(s => s.Account == account).OrderBy(s => s.Id)) WriteWebhook(w, subscription);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static void WriteContact(Utf8JsonWriter w, Contact c)
        {
            w.WriteStartObject();
            ContactJson.WriteFields(w, c);
            w.WriteString("notes", c.Notes);
            w.WriteDate("createdDate", c.CreatedDate);
            w.WriteDate("lastModifiedDate", c.LastModifiedDate);
            w.WriteStartArray("locations");
            foreach (var l in c.Locations)
            {
                w.WriteStartObject();
                LocationJson.WriteAddressFields(w, l);
                w.WriteString("contactFirstName", l.ContactFirstName);
                w.WriteString("contactLastName", l.ContactLastName);
                w.WriteString("contactPhoneNumber", l.ContactPhoneNumber);
                w.WriteString("contactEmail", l.ContactEmail);
                w.WriteBoolean("isPrimary", l.IsPrimary);
                w.WriteBoolean("isBilling", l.IsBilling);
                w.WriteDate("lastModifiedDate", l.LastModifiedDate);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WriteProposal(Utf8JsonWriter w, Proposal p)
        {
            w.WriteStartObject();
            WriteProposalFields(w, p);
            w.WriteBoolean("isArchived", p.IsArchived);
            w.WriteStartArray("changeOrders");
            if (p.HasChangeOrders)
                foreach (var changeOrder in p.ChangeOrders)
                {
                    w.WriteStartObject();
                    WriteProposalFields(w, changeOrder);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WriteProposalFields(Utf8JsonWriter w, Proposal p)
        {
            w.WriteNumber("id", p.Id);
            w.WriteNumber("number", p.Number);
            w.WriteString("name", p.Name);
            w.WriteString("status", p.Status.ToString());
            w.WriteNumber("salesPersonId", p.SalesPerson.Id);
            w.WriteNumber("lastModifiedUserId", p.LastModifiedUser.Id);
            WriteNullableId(w, "customerId", p.Customer?.Id);
            WriteNullableId(w, "locationId", p.Location?.Id);
            w.WriteString("projectDescription", p.ProjectDescription);
            w.WriteString("internalNotes", p.InternalNotes);
            w.WriteDate("createdDate", p.CreatedDate);
            w.WriteDate("lastModifiedDate", p.LastModifiedDate);
            w.WriteDate("lastModifiedByUserDate", p.LastModifiedByUserDate);
            w.WriteNullableDate("lastSubmittedDate", p.LastSubmittedDate);
            w.WriteNullableDate("clientLastOpenedDate", p.ClientLastOpenedDate);
            w.WriteNullableDate("clientLastDecisionDate", p.ClientLastDecisionDate);
            w.WriteNullableDate("lastCompletedDate", p.LastCompletedDate);
            // Areas, options and line items exactly as the proposal detail shows them (money with two decimals).
            w.WriteStartArray("areas");
            if (p.HasAreas)
                foreach (var area in p.Areas) ProposalJson.WriteArea(w, area);
            w.WriteEndArray();
        }

        private static void WriteCatalogItem(Utf8JsonWriter w, CatalogItem item, bool favorite)
        {
            w.WriteStartObject();
            w.WriteNumber("id", item.Id);
            w.WriteString("itemType", item.ItemType);
            w.WriteString("brand", item.Brand);
            w.WriteString("model", item.Model);
            w.WriteString("shortDescription", item.ShortDescription);
            w.WriteString("description", item.Description);
            w.WriteNumber("categoryId", item.Category.Id);
            w.WriteNumber("msrp", item.Msrp);
            w.WriteDate("msrpModifiedDate", item.MsrpModifiedDate);
            w.WriteBoolean("isDiscontinued", item.IsDiscontinued);
            w.WriteBoolean("isFavorite", favorite);
            w.WriteNullableString("manufacturerProductUrl", item.ManufacturerProductUrl);
            w.WriteStartArray("suppliers");
            foreach (var offer in item.Suppliers)
            {
                w.WriteStartObject();
                w.WriteNumber("supplierId", offer.SupplierId);
                w.WriteString("supplierName", offer.SupplierName);
                w.WriteString("sku", offer.Sku);
                w.WriteNumber("cost", offer.Cost);
                w.WriteBoolean("isInStock", offer.IsInStock);
                w.WriteBoolean("isPromo", offer.IsPromo);
                w.WriteDate("lastVerifiedDate", offer.LastVerifiedDate);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("specs");
            foreach (var spec in item.Specs) w.WritePairObject("name", spec.Key, "value", spec.Value);
            w.WriteEndArray();
            w.WriteStartArray("pdfLinks");
            foreach (var link in item.PdfLinks) w.WritePairObject("name", link.Key, "url", link.Value);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WriteWebhook(Utf8JsonWriter w, WebhookSubscription s)
        {
            w.WriteStartObject();
            w.WriteNumber("id", s.Id);
            w.WriteString("url", s.Url);
            w.WriteString("description", s.Description);
            w.WriteBoolean("enabled", s.Enabled);
            w.WriteStartArray("events");
            foreach (var name in s.Events) w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteDate("createdDate", s.CreatedDate);
            w.WriteEndObject();
        }

        private static void WriteNullableId(Utf8JsonWriter w, string name, int? id)
        {
            if (id.HasValue) w.WriteNumber(name, id.Value);
            else w.WriteNull(name);
        }
    }
}
