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

        public static async Task<Location> CreateAsync(PortalCall call, int contactId, NewLocation location)
        {
            var created = await call.SendAsync<Location>(PortalRequest.PostForm(Path(contactId), location.Fields())).ConfigureAwait(false);
            created.ContactId = contactId;
            return created;
        }

        private static string Path(int contactId) => "public/people/" + Wire.Text(contactId) + "/location";
    }
}
