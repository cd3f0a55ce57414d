using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>The fields of POST /public/people/{ContactId}/location (route 21), in the API's names.</summary>
    public sealed class NewLocation
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
            yield return ProposalsApi.Field("Street", Street);
            foreach (var (name, value) in new[]
            {
                ("Suite", Suite), ("City", City), ("PostalCode", PostalCode), ("State", State), ("Country", Country),
                ("ContactFirstName", ContactFirstName), ("ContactLastName", ContactLastName),
                ("ContactPhoneNumber", ContactPhoneNumber), ("ContactEmail", ContactEmail),
            })
            {
                if (value != null) yield return ProposalsApi.Field(name, value);
            }
            if (IsPrimary) yield return ProposalsApi.Field("IsPrimary", "true");
            if (IsBilling) yield return ProposalsApi.Field("IsBilling", "true");
        }
    }

    /// <summary>Contact location routes: list (20), create (21).</summary>
    public static class LocationsApi
    {
        public const int DefaultPageSize = 50;

        public static IEnumerable<Location> List(PortalClient client, int contactId, PagingWindow window,
            IPortalLog? log, CancellationToken cancellationToken, System.Action<long?>? onTotalCount = null) =>
            PagedReader.Read((page, size) => Sync.Wait(ListPageAsync(client, contactId, page, size, log, cancellationToken)), window, onTotalCount);

        public static async Task<Page<Location>> ListPageAsync(PortalClient client, int contactId, int pageNumber, int pageSize,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.Get("public/people/" + ProposalsApi.Id(contactId) + "/location")
                .AddQuery("PageNumber", pageNumber.ToString(CultureInfo.InvariantCulture))
                .AddQuery("PageSize", pageSize.ToString(CultureInfo.InvariantCulture));
            var list = await client.SendAsync<LocationList>(request, log, cancellationToken).ConfigureAwait(false);
            var locations = list.ContactLocations ?? new List<Location>();
            foreach (var location in locations) location.ContactId = contactId;
            return new Page<Location>(locations, list.LocationCount);
        }

        public static async Task<Location> CreateAsync(PortalClient client, int contactId, NewLocation location, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.PostForm("public/people/" + ProposalsApi.Id(contactId) + "/location", location.Fields());
            var created = await client.SendAsync<Location>(request, log, cancellationToken).ConfigureAwait(false);
            created.ContactId = contactId;
            return created;
        }
    }
}
