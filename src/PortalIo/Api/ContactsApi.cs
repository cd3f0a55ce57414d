using System.Collections.Generic;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>The list filters of GET /public/people.</summary>
    internal sealed class ContactFilter
    {
        public string? SearchText { get; set; }

        /// <summary>Person and/or Company: the newer docs' ContactTypes filters on party type (GAPS G20).</summary>
        public IList<string> PartyTypes { get; } = new List<string>();

        public string? SortBy { get; set; }
        public bool Descending { get; set; }

        internal void ApplyTo(PortalRequest request)
        {
            if (!string.IsNullOrEmpty(SearchText)) request.AddQuery("SearchText", SearchText);
            foreach (var type in PartyTypes) request.AddQuery("ContactTypes", type);
            if (!string.IsNullOrEmpty(SortBy)) request.AddQuery("SortBy", SortBy);
            if (Descending || !string.IsNullOrEmpty(SortBy)) request.AddQuery("SortDirection", Descending ? "Desc" : "Asc");
        }
    }

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

    /// <summary>Contact routes: list, detail, create.</summary>
    internal static class ContactsApi
    {
        public const int DefaultPageSize = 50;

        /// <summary>GET /public/people with the filter, a page at a time.</summary>
        public static ListRoute<ContactList, Contact> List(PortalCall call, ContactFilter filter)
        {
            var request = PortalRequest.Get("public/people");
            filter.ApplyTo(request);
            return new ListRoute<ContactList, Contact>(call, request);
        }

        public static Task<Contact> GetAsync(PortalCall call, int contactId, bool includeCounts)
        {
            var request = PortalRequest.Get("public/people/" + Wire.Text(contactId));
            if (includeCounts) request.AddQuery("IncludeCounts", "true");
            return call.SendAsync<Contact>(request);
        }

        public static Task<Contact> CreateAsync(PortalCall call, NewContact contact) =>
            call.SendAsync<Contact>(PortalRequest.PostForm("public/people", contact.Fields()));
    }
}
