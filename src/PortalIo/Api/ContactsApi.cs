using System;
using System.Linq;
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

        /// <summary>
        /// Creates a contact. A contact has no natural key, so a lost answer is settled only one
        /// way: an identical contact among the newest ones (every field sent, equal) counts as this
        /// one, which never leaves two identical contacts behind. Not finding one proves nothing (a
        /// search may not show a contact made a moment ago), so it is never sent again.
        /// </summary>
        public static Task<Contact> CreateAsync(PortalCall call, NewContact contact) => new CreateContact(contact).RunAsync(call);

        /// <summary>How many of the newest contacts a read-back looks through.</summary>
        private const int ReadBackPageSize = 50;

        private sealed class CreateContact : SettledWrite<Contact>
        {
            private readonly NewContact _contact;

            public CreateContact(NewContact contact) => _contact = contact;

            protected override string What => "contact '" + (_contact.FirstName + " " + _contact.LastName).Trim() + "'";

            protected override Task<Contact> SendOnceAsync(PortalCall call) =>
                call.SendAsync<Contact>(PortalRequest.PostForm("public/people", _contact.Fields()));

            protected override async Task<ReadBack<Contact>> ReadBackAsync(PortalCall call)
            {
                // The most telling field the API searches (names, company names and e-mail addresses).
                var search = new[] { _contact.ContactEmail, _contact.LastName, _contact.CompanyName, _contact.FirstName }
                    .First(text => !string.IsNullOrWhiteSpace(text))!.Trim();
                var request = PortalRequest.Get("public/people").AddQuery("SearchText", search)
                    .AddQuery("SortBy", "CreatedDate").AddQuery("SortDirection", "Desc");
                var page = await new ListRoute<ContactList, Contact>(call, request).FetchAsync(1, ReadBackPageSize).ConfigureAwait(false);
                var identical = page.Items.FirstOrDefault(IsIdentical);
                return identical != null
                    ? ReadBack<Contact>.Applied(identical)
                    : ReadBack<Contact>.CannotTell("no identical contact is among the newest ones, which does not prove it was not created (a search may not show it yet), so it is not sent again");
            }

            private bool IsIdentical(Contact found)
            {
                static bool Same(string? sent, string? stored) => string.Equals((sent ?? string.Empty).Trim(), (stored ?? string.Empty).Trim(), StringComparison.Ordinal);
                return Same(_contact.PartyType, found.PartyType) && Same(_contact.ContactType, found.ContactType) && Same(_contact.FirstName, found.FirstName) &&
                    Same(_contact.LastName, found.LastName) && Same(_contact.CompanyName, found.CompanyName) && Same(_contact.ContactEmail, found.ContactEmail) &&
                    Same(_contact.ContactEmailCC, found.ContactEmailCC) && Same(_contact.ContactPhone, found.ContactPhone) &&
                    (_contact.Notes is null || found.Notes is null || Same(_contact.Notes, found.Notes));
            }
        }
    }
}
