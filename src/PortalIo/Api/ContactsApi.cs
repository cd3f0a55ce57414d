using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
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
