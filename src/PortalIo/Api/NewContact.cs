using System.Collections.Generic;

namespace PortalIo.Api
{
    /// <summary>The fields of POST /public/people, in the API's names.</summary>
    internal sealed class NewContact
    {
        public string PartyType { get; set; } = "Person";
        public string ContactType { get; set; } = "Client";
        public string FirstName { get; set; } = string.Empty;
        public string? LastName { get; set; }
        public string? CompanyName { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactEmailCC { get; set; }
        public string? ContactPhone { get; set; }
        public string? Notes { get; set; }

        internal IEnumerable<KeyValuePair<string, string>> Fields()
        {
            yield return Wire.Field("PartyType", PartyType);
            yield return Wire.Field("ContactType", ContactType);
            yield return Wire.Field("FirstName", FirstName);
            foreach (var (name, value) in new[]
            {
                ("LastName", LastName), ("CompanyName", CompanyName), ("ContactEmail", ContactEmail),
                ("ContactEmailCC", ContactEmailCC), ("ContactPhone", ContactPhone), ("Notes", Notes),
            })
            {
                if (value != null) yield return Wire.Field(name, value);
            }
        }
    }
}
