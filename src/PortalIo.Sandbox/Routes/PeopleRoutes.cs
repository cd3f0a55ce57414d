using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;
using PortalIo.Sandbox.Webhooks;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>/public/people: list, detail and create. Update and delete are not documented, so they do not exist (see docs/api-decisions.md, 'Contacts').</summary>
    internal sealed class PeopleRoutes
    {
        public const int DefaultPageSize = 10;

        public static readonly string[] SortFields = { "ModifiedDate", "CreatedDate", "FirstName", "LastName", "LastActive", "LastActiveByMe" };
        public static readonly string[] PartyTypes = { "Person", "Company" };
        public static readonly string[] ContactTypes = { "Client", "Employee", "Contractor", "Other" };

        private readonly EmulatorStore _store;
        private readonly WebhookDispatcher _webhooks;

        public PeopleRoutes(EmulatorStore store, WebhookDispatcher webhooks)
        {
            _store = store;
            _webhooks = webhooks;
        }

        public void Register(Router router)
        {
            router.Map("GET", "/public/people", RouteAccess.PublicRead, List);
            router.Map("POST", "/public/people", RouteAccess.PublicWrite, Create);
            router.Map("GET", "/public/people/{personId}", RouteAccess.PublicRead, Get);
        }

        private EmulatorResponse List(EmulatorRequest request)
        {
            var q = request.Query;
            if (!FormReading.TryInt(q, "PageNumber", out var pageNumber) || !FormReading.TryInt(q, "PageSize", out var pageSize))
                return ErrorBodies.BadRequestBare();
            // Unlike proposals and locations, this endpoint never rejects paging values: it defaults them.
            int page = pageNumber.HasValue && pageNumber.Value >= 1 ? pageNumber.Value : 1;
            int size = pageSize.HasValue && pageSize.Value >= 1 ? pageSize.Value : DefaultPageSize;

            // ContactTypes filters on the party type despite its name (newer docs); repeated key or comma-separated.
            var partyTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in FormReading.Multi(q, "ContactTypes"))
            {
                var match = PartyTypes.FirstOrDefault(t => t.Equals(value, StringComparison.OrdinalIgnoreCase));
                if (match == null)
                    return ErrorBodies.Validation(new FieldError("Enum", "ContactTypes",
                        "'Contact Types' has a range of values which does not include '" + value + "'. Valid: Person, Company."));
                partyTypes.Add(match);
            }

            string sortBy = "LastName";
            var sortText = q.Get("SortBy");
            if (!string.IsNullOrEmpty(sortText))
            {
                var field = SortFields.FirstOrDefault(f => f.Equals(sortText, StringComparison.OrdinalIgnoreCase));
                if (field == null)
                    return ErrorBodies.Validation(new FieldError("Enum", "SortBy", "'Sort By' must be one of: " + string.Join(", ", SortFields) + "."));
                sortBy = field;
            }
            bool descending = false;
            var direction = q.Get("SortDirection");
            if (!string.IsNullOrEmpty(direction))
            {
                if (direction!.Equals("Desc", StringComparison.OrdinalIgnoreCase) || direction.Equals("Descending", StringComparison.OrdinalIgnoreCase)) descending = true;
                else if (!direction.Equals("Asc", StringComparison.OrdinalIgnoreCase) && !direction.Equals("Ascending", StringComparison.OrdinalIgnoreCase))
                    return ErrorBodies.Validation(new FieldError("Enum", "SortDirection", "'Sort Direction' must be Asc or Desc."));
            }
            var search = q.Get("SearchText")?.Trim();

            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var matches = _store.Contacts.Where(c => c.Account == me.Account
                        && (partyTypes.Count == 0 || partyTypes.Contains(c.PartyType))
                        && (string.IsNullOrEmpty(search) || Matches(c, search!)))
                    .ToList();
                var ordered = Order(matches, sortBy, descending, me).ToList();
                long skip = (long)(page - 1) * size;
                var slice = skip >= ordered.Count ? new List<Contact>() : ordered.Skip((int)skip).Take(size).ToList();
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("people");
                    foreach (var c in slice) ContactJson.Write(w, c, null);
                    w.WriteEndArray();
                    w.WriteNumber("peopleCount", matches.Count);
                    w.WriteEndObject();
                }));
            }
        }

        private static bool Matches(Contact c, string search) =>
            new[] { c.FirstName, c.LastName, c.FirstName + " " + c.LastName, c.CompanyName, c.ContactEmail }
                .Any(field => field.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>
        /// LastActive is the latest of the contact's own modification and its proposals' modifications;
        /// LastActiveByMe counts only proposals the caller last modified. Ties break on id for stable pages.
        /// </summary>
        private IEnumerable<Contact> Order(List<Contact> contacts, string sortBy, bool descending, DealerUser me)
        {
            Func<Contact, IComparable> key;
            switch (sortBy)
            {
                case "ModifiedDate": key = c => c.LastModifiedDate; break;
                case "CreatedDate": key = c => c.CreatedDate; break;
                case "FirstName": key = c => c.FirstName.ToUpperInvariant(); break;
                case "LastActive": key = c => LastActive(c, null); break;
                case "LastActiveByMe": key = c => LastActive(c, me); break;
                default: key = c => (c.LastName + " " + c.FirstName).ToUpperInvariant(); break;
            }
            var ordered = descending ? contacts.OrderByDescending(key) : contacts.OrderBy(key);
            return ordered.ThenBy(c => c.Id);
        }

        private DateTime LastActive(Contact c, DealerUser? by)
        {
            var latest = by == null ? c.LastModifiedDate : DateTime.MinValue;
            foreach (var p in _store.Proposals)
                if (p.Customer == c && (by == null || p.LastModifiedUser == by) && p.LastModifiedDate > latest) latest = p.LastModifiedDate;
            return latest;
        }

        private EmulatorResponse Get(EmulatorRequest request)
        {
            var personId = request.RouteInt("personId");
            if (personId == null) return ErrorBodies.BadRequestBare();
            if (!FormReading.TryBool(request.Query, "IncludeCounts", out var includeCounts)) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var contact = _store.FindContactInAccount(personId.Value, request.User!.Account);
                if (contact == null) return ErrorBodies.NotFound("Contact " + personId.Value + " was not found.");
                return EmulatorResponse.Json(200, ContactJson.Detail(contact, includeCounts == true ? _store : null));
            }
        }

        private EmulatorResponse Create(EmulatorRequest request)
        {
            var form = request.Form;
            if (form == null) return ErrorBodies.BadRequestBare();
            var errors = new List<FieldError>();
            var partyType = Enum(form.Get("PartyType"), PartyTypes, "PartyType", "Party Type", errors);
            var contactType = Enum(form.Get("ContactType"), ContactTypes, "ContactType", "Contact Type", errors);
            var firstName = form.Get("FirstName")?.Trim() ?? "";
            // The endpoint page says FirstName is always required, companies included: the stricter of the documented rules (see docs/api-decisions.md, 'Contacts').
            if (firstName.Length == 0) errors.Add(FormReading.NotEmpty("FirstName", "First Name"));
            var companyName = form.Get("CompanyName")?.Trim() ?? "";
            if (partyType == "Company" && companyName.Length == 0)
                errors.Add(new FieldError("NotEmpty", "CompanyName", "'Company Name' must not be empty when 'Party Type' is Company."));
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);

            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var now = ProposalRoutes.Now();
                var contact = new Contact(_store.NextContactId(), me.Account, partyType!, firstName, form.Get("LastName")?.Trim() ?? "",
                    companyName, form.Get("ContactEmail")?.Trim() ?? "", form.Get("ContactPhone")?.Trim() ?? "")
                {
                    ContactType = contactType!,
                    ContactEmailCC = form.Get("ContactEmailCC")?.Trim() ?? "",
                    Notes = form.Get("Notes") ?? "",
                    CreatedDate = now,
                    LastModifiedDate = now,
                };
                _store.AddContact(contact);
                _webhooks.Publish(me.Account, WebhookEventNames.PersonModification, w => ContactJson.Write(w, contact, null));
                // Counts are part of the documented create response (0 for a new contact).
                return EmulatorResponse.Json(ProposalRoutes.CreatedStatusCode, ContactJson.Detail(contact, _store));
            }
        }

        private static string? Enum(string? value, string[] valid, string field, string label, List<FieldError> errors)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(FormReading.NotEmpty(field, label));
                return null;
            }
            var match = valid.FirstOrDefault(v => v.Equals(value!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match == null)
                errors.Add(new FieldError("Enum", field, "'" + label + "' has a range of values which does not include '" + value!.Trim() + "'. Valid: " + string.Join(", ", valid) + "."));
            return match;
        }
    }
}
