using System.Linq;
using System.Text.Json;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>The documented contact shape (property order as in the documentation's example).</summary>
    internal static class ContactJson
    {
        /// <param name="counts">Only with IncludeCounts=true: proposalCount and paymentCount.</param>
        public static void Write(Utf8JsonWriter w, Contact c, EmulatorStore? counts)
        {
            w.WriteStartObject();
            w.WriteString("notes", c.Notes);
            w.WriteDate("lastModifiedDate", c.LastModifiedDate);
            LocationJson.WriteFullOrNull(w, "primaryLocation", c.PrimaryLocation);
            LocationJson.WriteFullOrNull(w, "billingLocation", c.BillingLocation);
            if (counts != null)
            {
                w.WriteNumber("proposalCount", counts.Proposals.Count(p => p.Customer == c));
                // The emulator has no payments; the count is honest rather than invented.
                w.WriteNumber("paymentCount", 0);
            }
            WriteFields(w, c);
            w.WriteEndObject();
        }

        public static byte[] Detail(Contact c, EmulatorStore? counts) => JsonOutput.Write(w => Write(w, c, counts));

        /// <summary>The contact fields shared by a contact and a proposal's customer (id to contactPhone).</summary>
        internal static void WriteFields(Utf8JsonWriter w, Contact c)
        {
            w.WriteNumber("id", c.Id);
            w.WriteString("partyType", c.PartyType);
            w.WriteString("contactType", c.ContactType);
            w.WriteString("firstName", c.FirstName);
            w.WriteString("lastName", c.LastName);
            w.WriteString("companyName", c.CompanyName);
            w.WriteString("contactEmail", c.ContactEmail);
            w.WriteString("contactEmailCC", c.ContactEmailCC);
            w.WriteString("contactPhone", c.ContactPhone);
        }
    }
}
