using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>/public/people/{ContactId}/location: list and add.</summary>
    internal sealed class LocationRoutes
    {
        public const int DefaultPageSize = 10;

        /// <summary>
        /// Length limits of the create form. Street is 255 as the prose page says (the generated
        /// reference says 100; see docs/api-decisions.md, 'Locations'); the others exist only in the
        /// generated reference.
        /// </summary>
        private static readonly (string Field, string Label, int Max)[] Limits =
        {
            ("Street", "Street", 255), ("Suite", "Suite", 100), ("City", "City", 50), ("PostalCode", "Postal Code", 20),
            ("State", "State", 256), ("Country", "Country", 256), ("ContactFirstName", "Contact First Name", 50),
            ("ContactLastName", "Contact Last Name", 50), ("ContactPhoneNumber", "Contact Phone Number", 50), ("ContactEmail", "Contact Email", 100),
        };

        private readonly EmulatorStore _store;

        public LocationRoutes(EmulatorStore store) { _store = store; }

        public void Register(Router router)
        {
            router.Map("GET", "/public/people/{contactId}/location", RouteAccess.PublicRead, List);
            router.Map("POST", "/public/people/{contactId}/location", RouteAccess.PublicWrite, Create);
        }

        /// <summary>
        /// PageNumber &lt; 1 answers the bare "Bad Request" string here: both error shapes exist and
        /// paging rules differ per endpoint; proposals use the structured one (see
        /// docs/api-decisions.md, 'Paging quirks').
        /// </summary>
        private EmulatorResponse List(EmulatorRequest request)
        {
            var contactId = request.RouteInt("contactId");
            if (contactId == null) return ErrorBodies.BadRequestBare();
            var q = request.Query;
            if (!FormReading.TryInt(q, "PageNumber", out var pageNumber) || !FormReading.TryInt(q, "PageSize", out var pageSize))
                return ErrorBodies.BadRequestBare();
            if (pageNumber.HasValue && pageNumber.Value < 1) return ErrorBodies.BadRequestBare();
            int page = pageNumber ?? 1;
            int size = pageSize.HasValue && pageSize.Value >= 1 ? pageSize.Value : DefaultPageSize;
            lock (_store.SyncRoot)
            {
                var contact = _store.FindContactInAccount(contactId.Value, request.User!.Account);
                if (contact == null) return ErrorBodies.NotFound("Contact " + contactId.Value + " was not found.");
                var ordered = contact.Locations
                    .OrderBy(l => l.IsPrimary ? 0 : l.IsBilling ? 1 : 2)
                    .ThenByDescending(l => l.LastModifiedDate)
                    .ThenByDescending(l => l.Id)
                    .ToList();
                long skip = (long)(page - 1) * size;
                var slice = skip >= ordered.Count ? new List<ContactLocation>() : ordered.Skip((int)skip).Take(size).ToList();
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("contactLocations");
                    foreach (var l in slice) LocationJson.WriteFull(w, l);
                    w.WriteEndArray();
                    w.WriteNumber("locationCount", ordered.Count);
                    w.WriteEndObject();
                }));
            }
        }

        private EmulatorResponse Create(EmulatorRequest request)
        {
            var contactId = request.RouteInt("contactId");
            if (contactId == null) return ErrorBodies.BadRequestBare();
            var form = request.Form;
            if (form == null) return ErrorBodies.BadRequestBare();
            if (!FormReading.TryBool(form, "IsPrimary", out var isPrimary) || !FormReading.TryBool(form, "IsBilling", out var isBilling))
                return ErrorBodies.BadRequestBare();

            var errors = new List<FieldError>();
            string Text(string key) => form.Get(key)?.Trim() ?? "";
            if (Text("Street").Length == 0) errors.Add(FormReading.NotEmpty("Street", "Street"));
            if (Text("Country").Length > 0 && Text("State").Length == 0)
                errors.Add(new FieldError("NotEmpty", "State", "'State' must not be empty when 'Country' is specified."));
            foreach (var (field, label, max) in Limits) FormReading.MaxLength(errors, form, field, label, max);
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);

            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var contact = _store.FindContactInAccount(contactId.Value, me.Account);
                if (contact == null) return ErrorBodies.NotFound("Contact " + contactId.Value + " was not found.");
                var now = ProposalRoutes.Now();
                // One primary and one billing at a time: the new flag moves away from the old holder.
                if (isPrimary == true)
                    foreach (var old in contact.Locations.Where(l => l.IsPrimary)) { old.IsPrimary = false; old.LastModifiedDate = now; }
                if (isBilling == true)
                    foreach (var old in contact.Locations.Where(l => l.IsBilling)) { old.IsBilling = false; old.LastModifiedDate = now; }
                var location = new ContactLocation
                {
                    Id = _store.NextLocationId(),
                    Contact = contact,
                    Street = Text("Street"),
                    Suite = Text("Suite"),
                    City = Text("City"),
                    PostalCode = Text("PostalCode"),
                    State = Text("State"),
                    StateAbbrev = TaxRates.AbbreviationOf(Text("State")),
                    Country = Text("Country"),
                    ContactFirstName = Text("ContactFirstName"),
                    ContactLastName = Text("ContactLastName"),
                    ContactPhoneNumber = Text("ContactPhoneNumber"),
                    ContactEmail = Text("ContactEmail"),
                    IsPrimary = isPrimary == true,
                    IsBilling = isBilling == true,
                    LastModifiedDate = now,
                };
                _store.AddLocation(location);
                contact.LastModifiedDate = now;
                return EmulatorResponse.Json(ProposalRoutes.CreatedStatusCode, LocationJson.Full(location));
            }
        }
    }
}
