using System.Text.Json;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>Wire shapes of locations: the full contact location and the short address shape.</summary>
    internal static class LocationJson
    {
        /// <summary>Property order as in the docs' examples (on-site contact fields first).</summary>
        public static void WriteFull(Utf8JsonWriter w, ContactLocation l)
        {
            w.WriteStartObject();
            w.WriteString("contactFirstName", l.ContactFirstName);
            w.WriteString("contactLastName", l.ContactLastName);
            w.WriteString("contactPhoneNumber", l.ContactPhoneNumber);
            w.WriteString("contactEmail", l.ContactEmail);
            w.WriteBoolean("isPrimary", l.IsPrimary);
            w.WriteBoolean("isBilling", l.IsBilling);
            WriteAddressFields(w, l);
            w.WriteEndObject();
        }

        public static void WriteFullOrNull(Utf8JsonWriter w, string name, ContactLocation? l)
        {
            w.WritePropertyName(name);
            if (l == null) w.WriteNullValue();
            else WriteFull(w, l);
        }

        /// <summary>The short shape of customer.location, taxLocation and the webhook payloads.</summary>
        public static void WriteAddress(Utf8JsonWriter w, string name, ContactLocation l)
        {
            w.WriteStartObject(name);
            WriteAddressFields(w, l);
            w.WriteEndObject();
        }

        /// <summary>id, street … phone: the fields every location shape starts with (the fixture format too).</summary>
        internal static void WriteAddressFields(Utf8JsonWriter w, ContactLocation l)
        {
            w.WriteNumber("id", l.Id);
            w.WriteString("street", l.Street);
            w.WriteString("suite", l.Suite);
            w.WriteString("city", l.City);
            w.WriteString("postalCode", l.PostalCode);
            w.WriteString("state", l.State);
            w.WriteString("stateAbbrev", l.StateAbbrev);
            w.WriteString("country", l.Country);
            w.WriteString("phone", l.Phone);
        }

        public static byte[] Full(ContactLocation l) => JsonOutput.Write(w => WriteFull(w, l));
    }
}
