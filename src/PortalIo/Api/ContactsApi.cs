using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>The list filters of GET /public/people (route 17).</summary>
    public sealed class ContactFilter
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

    /// <summary>The fields of POST /public/people (route 19), in the API's names.</summary>
    public sealed class NewContact
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
            yield return ProposalsApi.Field("PartyType", PartyType);
            yield return ProposalsApi.Field("ContactType", ContactType);
            yield return ProposalsApi.Field("FirstName", FirstName);
            foreach (var (name, value) in new[]
            {
                ("LastName", LastName), ("CompanyName", CompanyName), ("ContactEmail", ContactEmail),
                ("ContactEmailCC", ContactEmailCC), ("ContactPhone", ContactPhone), ("Notes", Notes),
            })
            {
                if (value != null) yield return ProposalsApi.Field(name, value);
            }
        }
    }

    /// <summary>Contact routes: list (17), detail (18), create (19).</summary>
    public static class ContactsApi
    {
        public const int DefaultPageSize = 50;

        public static IEnumerable<Contact> List(PortalClient client, ContactFilter filter, PagingWindow window,
            IPortalLog? log, CancellationToken cancellationToken, System.Action<long?>? onTotalCount = null) =>
            PagedReader.Read((page, size) => Sync.Wait(ListPageAsync(client, filter, page, size, log, cancellationToken)), window, onTotalCount);

        public static async Task<Page<Contact>> ListPageAsync(PortalClient client, ContactFilter filter, int pageNumber, int pageSize,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.Get("public/people");
            filter.ApplyTo(request);
            request.AddQuery("PageNumber", pageNumber.ToString(CultureInfo.InvariantCulture));
            request.AddQuery("PageSize", pageSize.ToString(CultureInfo.InvariantCulture));
            var list = await client.SendAsync<ContactList>(request, log, cancellationToken).ConfigureAwait(false);
            return new Page<Contact>(list.People ?? new List<Contact>(), list.PeopleCount);
        }

        public static Task<Contact> GetAsync(PortalClient client, int contactId, bool includeCounts, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.Get("public/people/" + ProposalsApi.Id(contactId));
            if (includeCounts) request.AddQuery("IncludeCounts", "true");
            return client.SendAsync<Contact>(request, log, cancellationToken);
        }

        public static Task<Contact> CreateAsync(PortalClient client, NewContact contact, IPortalLog? log, CancellationToken cancellationToken) =>
            client.SendAsync<Contact>(PortalRequest.PostForm("public/people", contact.Fields()), log, cancellationToken);
    }
}
