using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>The two things a proposal is assigned (Set-PortalProposalContact, Set-PortalProposalLocation).</summary>
    internal enum ProposalAssignment
    {
        Contact,
        Location,
    }

    /// <summary>
    /// Proposal routes: list, detail, create, update (name and salesperson, description, internal
    /// notes), assign a contact or a location, add an area, add an option, and set an option's texts.
    /// </summary>
    internal static class ProposalsApi
    {
        public const int DefaultPageSize = 50;

        private const string Root = "public/proposals/";

        /// <summary>GET /public/proposals with the filter, a page at a time.</summary>
        public static ListRoute<ProposalList, Proposal> List(PortalCall call, ProposalFilter filter)
        {
            var request = PortalRequest.Get("public/proposals");
            filter.ApplyTo(request);
            return new ListRoute<ProposalList, Proposal>(call, request);
        }

        public static async Task<Proposal> GetAsync(PortalCall call, int proposalId) =>
            (await call.SendAsync<Proposal>(PortalRequest.Get(Root + Wire.Text(proposalId))).ConfigureAwait(false)).LinkChildren();

        /// <summary>
        /// Creates a Draft proposal. Never resent when its answer is lost: a proposal has no natural
        /// key (the name is optional and need not be unique), so nothing read back could tell the
        /// new one from one made before.
        /// </summary>
        public static async Task<Proposal> CreateAsync(PortalCall call, int salesPersonId, string? name)
        {
            var fields = new List<KeyValuePair<string, string>> { Wire.Field("SalesPersonId", Wire.Text(salesPersonId)) };
            if (!string.IsNullOrEmpty(name)) fields.Add(Wire.Field("Name", name!));
            var request = PortalRequest.PostForm("public/proposals", fields);
            return (await WriteSettlement.SendUnsettledAsync<Proposal>(call, request,
                "a proposal has no natural key (its name is optional and need not be unique), so reading back cannot tell a new one from an older one, and it is not sent again").ConfigureAwait(false)).LinkChildren();
        }

        /// <summary>
        /// Adds an area and returns it (with the Draft option the API creates with it). An area's
        /// name is unique in its proposal, so a lost answer is settled by reading the proposal back.
        /// </summary>
        public static Task<Area> AddAreaAsync(PortalCall call, int proposalId, string name) =>
            new AddArea(proposalId, name).RunAsync(call);

        /// <summary>
        /// Adds an option to an area and returns it. The area's option ids are read first: after a
        /// lost answer, a new id with this description is this option, and no new id means it was
        /// not added (an area holds at most 3 options, so the read is small).
        /// </summary>
        public static Task<AreaOption> AddAreaOptionAsync(PortalCall call, int proposalId, int areaId, string? clientDescription, string? internalNotes) =>
            new AddAreaOption(proposalId, areaId, clientDescription, internalNotes).RunAsync(call);

        /// <summary>Name and/or salesperson (a partial update: omitted fields stay). Idempotent: retried like a GET.</summary>
        public static Task<Proposal> UpdateAsync(PortalCall call, int proposalId, string? name, int? salesPersonId)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (name != null) fields.Add(Wire.Field("Name", name));
            if (salesPersonId.HasValue) fields.Add(Wire.Field("SalesPersonId", Wire.Text(salesPersonId.Value)));
            return PostForProposalAsync(call, Idempotent(PortalRequest.PostForm(Root + Wire.Text(proposalId), fields)));
        }

        /// <summary>The client-facing project description. Idempotent: retried like a GET.</summary>
        public static Task<Proposal> SetDescriptionAsync(PortalCall call, int proposalId, string description) =>
            PostForProposalAsync(call, Idempotent(PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/description", new[] { Wire.Field("Description", description) })));

        /// <summary>Internal notes, never shown to the client. Idempotent: retried like a GET.</summary>
        public static Task<Proposal> SetInternalNotesAsync(PortalCall call, int proposalId, string notes) =>
            PostForProposalAsync(call, Idempotent(PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/internalnotes", new[] { Wire.Field("InternalNotes", notes) })));

        /// <summary>Marks a route that sets a value: sending it twice leaves what sending it once does.</summary>
        private static PortalRequest Idempotent(PortalRequest request)
        {
            request.IsIdempotent = true;
            return request;
        }

        /// <summary>
        /// Assigns a contact or a location (Portal.io recalculates the tax). Sent as a JSON body
        /// repeating the ids, or with <paramref name="formEncoded"/> as a form POST without fields
        /// (see docs/api-decisions.md, 'Contact and location assignment'). The API answers 200 with
        /// the proposal or 204 without a body; either way the proposal is returned.
        /// </summary>
        public static async Task<Proposal> AssignAsync(PortalCall call, int proposalId, ProposalAssignment what, int id, bool formEncoded)
        {
            var target = what == ProposalAssignment.Contact ? "contact" : "location";
            var jsonBody = new Dictionary<string, int> { ["proposalId"] = proposalId, [target + "Id"] = id };
            var request = new PortalRequest(HttpMethod.Post, Root + Wire.Text(proposalId) + "/" + target + "/" + Wire.Text(id))
            {
                Body = formEncoded ? RequestBody.EmptyForm() : RequestBody.Json(jsonBody),
                // Assigning the same contact or location again changes nothing: retried like a GET.
                IsIdempotent = true,
            };
            var proposal = await call.SendForOptionalAsync<Proposal>(request).ConfigureAwait(false);
            return proposal?.LinkChildren() ?? await GetAsync(call, proposalId).ConfigureAwait(false);
        }

        /// <summary>An option's client-facing description (empty clears it).</summary>
        public static Task<AreaOption> SetOptionClientDescriptionAsync(PortalCall call, int proposalId, int optionId, string text) =>
            PostForOptionAsync(call, proposalId, optionId, "clientdescription", Wire.Field("ClientDescription", text));

        /// <summary>An option's installer notes (returned as installerDescription).</summary>
        public static Task<AreaOption> SetOptionInstallerNotesAsync(PortalCall call, int proposalId, int optionId, string text) =>
            PostForOptionAsync(call, proposalId, optionId, "installernotes", Wire.Field("InstallerNotes", text));

        private static async Task<Proposal> PostForProposalAsync(PortalCall call, PortalRequest request) =>
            (await call.SendAsync<Proposal>(request).ConfigureAwait(false)).LinkChildren();

        private static async Task<AreaOption> PostForOptionAsync(PortalCall call, int proposalId, int optionId, string route, KeyValuePair<string, string> field)
        {
            var request = Idempotent(PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/area-options/" + Wire.Text(optionId) + "/" + route, new[] { field }));
            var proposal = await PostForProposalAsync(call, request).ConfigureAwait(false);
            var option = proposal.Areas?.SelectMany(a => a.Options ?? new List<AreaOption>()).FirstOrDefault(o => o.Id == optionId);
            return option ?? throw MissingFromResponse(call, request, "option " + optionId);
        }

        private static PortalApiException MissingFromResponse(PortalCall call, PortalRequest request, string what) =>
            call.InvalidResponse(request, 200, "the response does not contain " + what);

        /// <summary>The area of this name (names are unique in a proposal; the API ignores case and surrounding spaces in them).</summary>
        private static Area? AreaNamed(Proposal proposal, string name) =>
            proposal.Areas?.LastOrDefault(a => string.Equals(a.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>Add-PortalArea: settled by the area's name, unique in its proposal.</summary>
        private sealed class AddArea : SettledWrite<Area>
        {
            private readonly int _proposalId;
            private readonly string _name;

            public AddArea(int proposalId, string name)
            {
                _proposalId = proposalId;
                _name = name;
            }

            protected override string What => "area '" + _name + "' of proposal " + _proposalId;

            protected override async Task<Area> SendOnceAsync(PortalCall call)
            {
                var request = PortalRequest.PostForm(Root + Wire.Text(_proposalId) + "/area", new[] { Wire.Field("Name", _name) });
                // The response is the whole proposal; the new area is the one with this name.
                return AreaNamed(await PostForProposalAsync(call, request).ConfigureAwait(false), _name)
                    ?? throw MissingFromResponse(call, request, "the new area '" + _name + "'");
            }

            protected override async Task<ReadBack<Area>> ReadBackAsync(PortalCall call)
            {
                var area = AreaNamed(await GetAsync(call, _proposalId).ConfigureAwait(false), _name);
                return area != null ? ReadBack<Area>.Applied(area) : ReadBack<Area>.NotAppliedYet();
            }
        }

        /// <summary>Add-PortalAreaOption: settled by the option ids the area had before.</summary>
        private sealed class AddAreaOption : SnapshotWrite<AreaOption>
        {
            private readonly int _proposalId;
            private readonly int _areaId;
            private readonly string? _clientDescription;
            private readonly string? _internalNotes;

            public AddAreaOption(int proposalId, int areaId, string? clientDescription, string? internalNotes)
            {
                _proposalId = proposalId;
                _areaId = areaId;
                _clientDescription = clientDescription;
                _internalNotes = internalNotes;
            }

            protected override string What => "the new option of area " + _areaId + " of proposal " + _proposalId;
            protected override string ItemNoun => "option";
            protected override string Owner => "the area";

            private static List<AreaOption> OptionsOf(Proposal proposal, int areaId) =>
                proposal.Areas?.FirstOrDefault(a => a.Id == areaId)?.Options ?? new List<AreaOption>();

            protected override async Task<IEnumerable<AreaOption>> ReadSiblingsAsync(PortalCall call) =>
                OptionsOf(await GetAsync(call, _proposalId).ConfigureAwait(false), _areaId);

            protected override bool IsThisOne(AreaOption item) =>
                string.Equals(item.ClientDescription ?? string.Empty, _clientDescription ?? string.Empty, StringComparison.Ordinal);

            protected override async Task<AreaOption> SendOnceAsync(PortalCall call)
            {
                var fields = new List<KeyValuePair<string, string>>();
                if (_clientDescription != null) fields.Add(Wire.Field("ClientDescription", _clientDescription));
                if (_internalNotes != null) fields.Add(Wire.Field("InternalNotes", _internalNotes));
                var request = PortalRequest.PostForm(Root + Wire.Text(_proposalId) + "/area/" + Wire.Text(_areaId) + "/option", fields);
                var proposal = await PostForProposalAsync(call, request).ConfigureAwait(false);
                // The response is the whole proposal; ids grow, so the new option is the area's highest id.
                return OptionsOf(proposal, _areaId).OrderBy(o => o.Id).LastOrDefault() ?? throw MissingFromResponse(call, request, "area " + _areaId);
            }
        }
    }
}
