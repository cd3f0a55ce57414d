using System;
using System.Collections.Generic;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>
    /// Assigning a contact and a location to a proposal. Both documented request formats are served
    /// (see docs/api-decisions.md, 'Contact and location assignment'): the newer JSON body
    /// {proposalId, contactId|locationId}, whose ids must equal the path's, and the older
    /// form-urlencoded request without a body — the API's body layer is lenient while its
    /// signature layer stays strict about the Content-Type.
    /// Both answer 200 with the full proposal (the newer page; the older one said 204), so the
    /// caller sees the auto-assigned location and the recalculated tax at once.
    /// </summary>
    internal sealed class ProposalAssignmentRoutes
    {
        private readonly EmulatorStore _store;

        public ProposalAssignmentRoutes(EmulatorStore store) { _store = store; }

        public void Register(Router router)
        {
            router.Map("POST", "/public/proposals/{proposalId}/contact/{contactId}", RouteAccess.PublicWrite, AssignContact);
            router.Map("POST", "/public/proposals/{proposalId}/location/{locationId}", RouteAccess.PublicWrite, AssignLocation);
        }

        private EmulatorResponse AssignContact(EmulatorRequest request) =>
            Assign(request, "contactId", (proposal, contactId) =>
            {
                var contact = _store.FindContactInAccount(contactId, proposal.Account);
                if (contact == null) return ErrorBodies.NotFound("Contact " + contactId + " was not found.");
                proposal.Customer = contact;
                // "Exactly one primary location": a contact has at most one primary, so this means "has a
                // primary". Without one, any previously assigned location (of the old contact) is cleared.
                proposal.Location = contact.PrimaryLocation;
                return null;
            });

        private EmulatorResponse AssignLocation(EmulatorRequest request) =>
            Assign(request, "locationId", (proposal, locationId) =>
            {
                if (proposal.Customer == null)
                    return ErrorBodies.Conflict("Proposal " + proposal.Id + " has no contact. Assign a contact before assigning a location.");
                var location = _store.FindLocationInAccount(locationId, proposal.Account);
                if (location == null || location.Contact != proposal.Customer)
                    return ErrorBodies.NotFound("Location " + locationId + " was not found for the proposal's contact.");
                proposal.Location = location;
                return null;
            });

        private EmulatorResponse Assign(EmulatorRequest request, string idName, Func<Proposal, int, EmulatorResponse?> apply)
        {
            var proposalId = request.RouteInt("proposalId");
            var targetId = request.RouteInt(idName);
            if (proposalId == null || targetId == null) return ErrorBodies.BadRequestBare();
            var body = request.Form;
            if (body == null) return ErrorBodies.BadRequestBare();

            // Body ids are optional (the form variant has none) but, when given, must repeat the path.
            if (!FormReading.TryInt(body, "proposalId", out var bodyProposalId) || !FormReading.TryInt(body, idName, out var bodyTargetId))
                return ErrorBodies.BadRequestBare();
            var errors = new List<FieldError>();
            if (bodyProposalId.HasValue && bodyProposalId.Value != proposalId.Value)
                errors.Add(new FieldError("Equal", "ProposalId", "'Proposal Id' in the body (" + bodyProposalId.Value + ") must equal the ProposalId in the path (" + proposalId.Value + ")."));
            var field = char.ToUpperInvariant(idName[0]) + idName.Substring(1);
            if (bodyTargetId.HasValue && bodyTargetId.Value != targetId.Value)
                errors.Add(new FieldError("Equal", field, "'" + field + "' in the body (" + bodyTargetId.Value + ") must equal the " + field + " in the path (" + targetId.Value + ")."));
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);

            var me = request.User!;
            lock (_store.SyncRoot)
            {
                var proposal = _store.FindProposalInAccount(proposalId.Value, me.Account);
                if (proposal == null) return ErrorBodies.NotFound("Proposal " + proposalId.Value + " was not found.");
                if (proposal.IsLocked) return ErrorBodies.ProposalLocked(proposal.Id, proposal.Status.ToString());
                var refusal = apply(proposal, targetId.Value);
                if (refusal != null) return refusal;
                var now = ProposalRoutes.Now();
                proposal.LastModifiedDate = now;
                proposal.LastModifiedByUserDate = now;
                proposal.LastModifiedUser = me;
                return EmulatorResponse.Json(200, ProposalJson.Detail(proposal));
            }
        }
    }
}
