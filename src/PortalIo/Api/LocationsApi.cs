using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>Contact location routes: list, create.</summary>
    internal static class LocationsApi
    {
        public const int DefaultPageSize = 50;

        /// <summary>GET /public/people/{contactId}/location, a page at a time; each location carries its ContactId.</summary>
        public static ListRoute<LocationList, Location> List(PortalCall call, int contactId) =>
            new ListRoute<LocationList, Location>(call, PortalRequest.Get(Path(contactId)), location => location.ContactId = contactId);

        /// <summary>
        /// Adds a location to a contact. The contact's location ids are read first: after a lost
        /// answer, a new id with this street is this location, and no new id means it was not added.
        /// </summary>
        public static Task<Location> CreateAsync(PortalCall call, int contactId, NewLocation location) =>
            new CreateLocation(contactId, location).RunAsync(call);

        /// <summary>A contact's locations are few; a read-back that finds more pages than this gives up.</summary>
        private const int MaxReadBackPages = 20;

        private static async Task<List<Location>> AllOfAsync(PortalCall call, int contactId)
        {
            var route = List(call, contactId);
            var all = new List<Location>();
            for (var page = PagedReader.FirstPageNumber; page < PagedReader.FirstPageNumber + MaxReadBackPages; page++)
            {
                var items = (await route.FetchAsync(page, DefaultPageSize).ConfigureAwait(false)).Items;
                all.AddRange(items);
                if (items.Count < DefaultPageSize) return all;
            }
            throw call.InvalidResponse(PortalRequest.Get(Path(contactId)), 200, "the contact's locations did not end after " + MaxReadBackPages + " pages");
        }

        private static string Path(int contactId) => "public/people/" + Wire.Text(contactId) + "/location";

        private sealed class CreateLocation : SnapshotWrite<Location>
        {
            private readonly int _contactId;
            private readonly NewLocation _location;

            public CreateLocation(int contactId, NewLocation location)
            {
                _contactId = contactId;
                _location = location;
            }

            protected override string What => "location '" + _location.Street + "' of contact " + _contactId;
            protected override string ItemNoun => "location";
            protected override string Owner => "the contact";

            protected override async Task<IEnumerable<Location>> ReadSiblingsAsync(PortalCall call) =>
                await AllOfAsync(call, _contactId).ConfigureAwait(false);

            protected override bool IsThisOne(Location item) =>
                string.Equals((item.Street ?? string.Empty).Trim(), _location.Street.Trim(), StringComparison.OrdinalIgnoreCase);

            protected override async Task<Location> SendOnceAsync(PortalCall call)
            {
                var created = await call.SendAsync<Location>(PortalRequest.PostForm(Path(_contactId), _location.Fields())).ConfigureAwait(false);
                created.ContactId = _contactId;
                return created;
            }
        }
    }
}
