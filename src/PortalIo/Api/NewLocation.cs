using System.Collections.Generic;

namespace PortalIo.Api
{
    /// <summary>The fields of POST /public/people/{ContactId}/location, in the API's names.</summary>
    internal sealed class NewLocation
    {
        public string Street { get; set; } = string.Empty;
        public string? Suite { get; set; }
        public string? City { get; set; }
        public string? PostalCode { get; set; }
        public string? State { get; set; }
        public string? Country { get; set; }
        public string? ContactFirstName { get; set; }
        public string? ContactLastName { get; set; }
        public string? ContactPhoneNumber { get; set; }
        public string? ContactEmail { get; set; }
        public bool IsPrimary { get; set; }
        public bool IsBilling { get; set; }

        internal IEnumerable<KeyValuePair<string, string>> Fields()
        {
            yield return Wire.Field("Street", Street);
            foreach (var (name, value) in new[]
            {
                ("Suite", Suite), ("City", City), ("PostalCode", PostalCode), ("State", State), ("Country", Country),
                ("ContactFirstName", ContactFirstName), ("ContactLastName", ContactLastName),
                ("ContactPhoneNumber", ContactPhoneNumber), ("ContactEmail", ContactEmail),
            })
            {
                if (value != null) yield return Wire.Field(name, value);
            }
            if (IsPrimary) yield return Wire.Field("IsPrimary", "true");
            if (IsBilling) yield return Wire.Field("IsBilling", "true");
        }
    }
}
