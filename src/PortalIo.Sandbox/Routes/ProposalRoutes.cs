using System;
using System.Globalization;
using System.Linq;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>/public/proposals: list, detail, create, update, and the area/option edits.</summary>
    internal sealed class ProposalRoutes
    {
        /// <summary>
        /// Creating a resource (proposal, area, option) answers 201, as the authoritative seed
        /// troubleshooting page says; the endpoint pages say 200, so clients must accept any 2xx.
        /// Updates answer 200. Both return the full proposal detail.
        /// </summary>
        public const int CreatedStatusCode = 201;

        public const int MaxOptionsPerArea = 3;

        private readonly EmulatorStore _store;

        public ProposalRoutes(EmulatorStore store) { _store = store; }

        public void Register(Router router)
        {
            router.Map("GET", "/public/proposals", RouteAccess.PublicRead, List);
            router.Map("POST", "/public/proposals", RouteAccess.PublicWrite, Create);
            router.Map("GET", "/public/proposals/{proposalId}", RouteAccess.PublicRead, Get);
            router.Map("POST", "/public/proposals/{proposalId}", RouteAccess.PublicWrite, Update);
            router.Map("POST", "/public/proposals/{proposalId}/description", RouteAccess.PublicWrite, UpdateDescription);
            router.Map("POST", "/public/proposals/{proposalId}/internalnotes", RouteAccess.PublicWrite, UpdateInternalNotes);
            router.Map("POST", "/public/proposals/{proposalId}/area", RouteAccess.PublicWrite, AddArea);
            router.Map("POST", "/public/proposals/{proposalId}/area/{areaId}/option", RouteAccess.PublicWrite, AddOption);
            router.Map("POST", "/public/proposals/{proposalId}/area-options/{areaOptionId}/clientdescription", RouteAccess.PublicWrite, SetOptionClientDescription);
            router.Map("POST", "/public/proposals/{proposalId}/area-options/{areaOptionId}/installernotes", RouteAccess.PublicWrite, SetOptionInstallerNotes);
        }

        private EmulatorResponse List(EmulatorRequest request)
        {
            var query = ProposalListQuery.Bind(request.Query, out var error);
            if (query == null) return error!;
            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var matches = _store.Proposals.Where(p => p.Account == me.Account && query.Matches(p)).ToList();
                long skip = (long)(query.PageNumber - 1) * query.PageSize;
                var page = skip >= matches.Count
                    ? new Proposal[0]
                    : query.Order(matches, me).Skip((int)skip).Take(query.PageSize).ToArray();
                return EmulatorResponse.Json(200, JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("proposals");
                    foreach (var p in page) ProposalJson.WriteSummary(w, p);
                    w.WriteEndArray();
                    w.WriteNumber("proposalCount", matches.Count);
                    w.WriteEndObject();
                }));
            }
        }

        private EmulatorResponse Get(EmulatorRequest request)
        {
            var proposalId = request.RouteInt("proposalId");
            if (proposalId == null) return ErrorBodies.BadRequestBare();
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, request.User!.Account);
                if (proposal == null) return ProposalNotFound(proposalId.Value);
                return EmulatorResponse.Json(200, ProposalJson.Detail(proposal))
                    .WithHeader("Last-Modified", proposal.LastModifiedDate.ToString("r", CultureInfo.InvariantCulture));
            }
        }

        private EmulatorResponse Create(EmulatorRequest request)
        {
            var form = request.Form;
            if (form == null) return ErrorBodies.BadRequestBare();
            var salesPersonText = form.Get("SalesPersonId");
            if (string.IsNullOrWhiteSpace(salesPersonText)) return SalesPersonRequired();
            if (!TryParseInt(salesPersonText!, out var salesPersonId)) return ErrorBodies.BadRequestBare();
            if (salesPersonId == 0) return SalesPersonRequired();
            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var salesPerson = _store.FindUserInAccount(salesPersonId, me.Account);
                if (salesPerson == null) return ErrorBodies.NotFound("SalesPerson " + salesPersonId + " was not found in this account.");
                var now = Now();
                var number = 1000 + ++me.Account.LastProposalNumber;
                var name = form.Get("Name");
                var proposal = new Proposal
                {
                    Id = _store.NextProposalId(),
                    Account = me.Account,
                    Number = number,
                    // Stand-in for the UI's default-name logic, which the docs do not describe.
                    Name = string.IsNullOrWhiteSpace(name) ? "Proposal #" + number : name!,
                    Status = ProposalStatus.Draft,
                    SalesPerson = salesPerson,
                    LastModifiedUser = me,
                    CreatedDate = now,
                    LastModifiedDate = now,
                    LastModifiedByUserDate = now,
                };
                _store.AddProposal(proposal);
                return EmulatorResponse.Json(CreatedStatusCode, ProposalJson.Detail(proposal));
            }
        }

        private EmulatorResponse Update(EmulatorRequest request) =>
            Mutate(request, 200, (proposal, form) =>
            {
                var name = form.Get("Name");
                if (name != null && name.Trim().Length == 0)
                    return ErrorBodies.Validation(new FieldError("NotEmpty", "Name", "'Name' must not be empty."));
                var salesPersonText = form.Get("SalesPersonId");
                DealerUser? salesPerson = null;
                if (!string.IsNullOrEmpty(salesPersonText))
                {
                    if (!TryParseInt(salesPersonText!, out var salesPersonId)) return ErrorBodies.BadRequestBare();
                    salesPerson = _store.FindUserInAccount(salesPersonId, proposal.Account);
                    if (salesPerson == null) return ErrorBodies.NotFound("SalesPerson " + salesPersonId + " was not found in this account.");
                }
                if (name != null) proposal.Name = name; // as sent: nothing documents trimming
                if (salesPerson != null) proposal.SalesPerson = salesPerson;
                return null;
            });

        private EmulatorResponse UpdateDescription(EmulatorRequest request) =>
            Mutate(request, 200, (proposal, form) =>
            {
                proposal.ProjectDescription = form.Get("Description") ?? "";
                return null;
            });

        private EmulatorResponse UpdateInternalNotes(EmulatorRequest request) =>
            Mutate(request, 200, (proposal, form) =>
            {
                proposal.InternalNotes = form.Get("InternalNotes") ?? "";
                return null;
            });

        private EmulatorResponse AddArea(EmulatorRequest request)
        {
            var form = request.Form;
            if (form == null) return ErrorBodies.BadRequestBare();
            // Stored as sent (nothing documents trimming); uniqueness ignores case and outer white space.
            var name = form.Get("Name");
            if (string.IsNullOrWhiteSpace(name))
                return ErrorBodies.Validation(new FieldError("NotEmpty", "Name", "'Name' must not be empty."));
            return Mutate(request, CreatedStatusCode, (proposal, _) =>
            {
                if (proposal.HasAreas && proposal.Areas.Any(a => string.Equals(a.Name.Trim(), name!.Trim(), StringComparison.OrdinalIgnoreCase)))
                    return ErrorBodies.Validation(new FieldError("DuplicateAreaName", "Name",
                        "An area named '" + name + "' already exists in this proposal. Area names must be unique."));
                var area = new ProposalArea { Id = _store.NextAreaId(), Name = name! };
                // Every new area starts with one Draft option, as in the Portal.io UI.
                area.Options.Add(new AreaOption { Id = _store.NextOptionId(), LastModifiedDate = Now() });
                proposal.Areas.Add(area);
                return null;
            });
        }

        private EmulatorResponse AddOption(EmulatorRequest request)
        {
            var areaId = request.RouteInt("areaId");
            if (areaId == null) return ErrorBodies.BadRequestBare();
            return Mutate(request, CreatedStatusCode, (proposal, form) =>
            {
                var area = proposal.HasAreas ? proposal.Areas.FirstOrDefault(a => a.Id == areaId.Value) : null;
                if (area == null) return ErrorBodies.NotFound("Area " + areaId.Value + " was not found in proposal " + proposal.Id + ".");
                if (area.Options.Count >= MaxOptionsPerArea)
                    return ErrorBodies.Structured(400, "MaxOptionsReached",
                        "Area '" + area.Name + "' already has the maximum of " + MaxOptionsPerArea + " options.", new FieldError[0]);
                area.Options.Add(new AreaOption
                {
                    Id = _store.NextOptionId(),
                    LastModifiedDate = Now(),
                    ClientDescription = EmptyToNull(form.Get("ClientDescription")),
                    InstallerDescription = EmptyToNull(form.Get("InternalNotes")),
                });
                return null;
            });
        }

        private EmulatorResponse SetOptionClientDescription(EmulatorRequest request) =>
            MutateOption(request, (option, form) => option.ClientDescription = EmptyToNull(form.Get("ClientDescription")));

        private EmulatorResponse SetOptionInstallerNotes(EmulatorRequest request) =>
            MutateOption(request, (option, form) => option.InstallerDescription = EmptyToNull(form.Get("InstallerNotes")));

        private EmulatorResponse MutateOption(EmulatorRequest request, Action<AreaOption, ParameterBag> apply)
        {
            var optionId = request.RouteInt("areaOptionId");
            if (optionId == null) return ErrorBodies.BadRequestBare();
            return Mutate(request, 200, (proposal, form) =>
            {
                // The option must belong to this proposal: another proposal's option id is a 404 too.
                var option = proposal.HasAreas
                    ? proposal.Areas.SelectMany(a => a.Options).FirstOrDefault(o => o.Id == optionId.Value)
                    : null;
                if (option == null) return ErrorBodies.NotFound("Area option " + optionId.Value + " was not found in proposal " + proposal.Id + ".");
                apply(option, form);
                option.LastModifiedDate = Now();
                return null;
            });
        }

        /// <summary>
        /// The common edit pipeline: bind the body, find the proposal in the caller's account (404),
        /// refuse terminal proposals (409), apply the change (which may refuse it), stamp the
        /// modification and answer the full detail.
        /// </summary>
        private EmulatorResponse Mutate(EmulatorRequest request, int successStatus, Func<Proposal, ParameterBag, EmulatorResponse?> apply)
        {
            var proposalId = request.RouteInt("proposalId");
            if (proposalId == null) return ErrorBodies.BadRequestBare();
            var form = request.Form;
            if (form == null) return ErrorBodies.BadRequestBare();
            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, me.Account);
                if (proposal == null) return ProposalNotFound(proposalId.Value);
                if (proposal.IsLocked) return ErrorBodies.ProposalLocked(proposal.Id, proposal.Status.ToString());
                var refusal = apply(proposal, form);
                if (refusal != null) return refusal;
                var now = Now();
                proposal.LastModifiedDate = now;
                proposal.LastModifiedByUserDate = now;
                proposal.LastModifiedUser = me;
                return EmulatorResponse.Json(successStatus, ProposalJson.Detail(proposal));
            }
        }

        private static EmulatorResponse ProposalNotFound(int proposalId) =>
            ErrorBodies.NotFound("Proposal " + proposalId + " was not found.");

        private static EmulatorResponse SalesPersonRequired() =>
            ErrorBodies.Validation(new FieldError("NotEmpty", "SalesPersonId", "'Sales Person Id' must not be empty."));

        private static bool TryParseInt(string text, out int value) =>
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

        /// <summary>Whole seconds: the wire format and Last-Modified carry no fractions, so stored times should not either.</summary>
        internal static DateTime Now()
        {
            var now = DateTime.UtcNow;
            return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }
    }
}
