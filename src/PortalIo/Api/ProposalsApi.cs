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

        public static Task<Proposal> CreateAsync(PortalCall call, int salesPersonId, string? name)
        {
            var fields = new List<KeyValuePair<string, string>> { Wire.Field("SalesPersonId", Wire.Text(salesPersonId)) };
            if (!string.IsNullOrEmpty(name)) fields.Add(Wire.Field("Name", name!));
            return PostForProposalAsync(call, PortalRequest.PostForm("public/proposals", fields));
        }

        /// <summary>Adds an area and returns it (with the Draft option the API creates with it).</summary>
        public static async Task<Area> AddAreaAsync(PortalCall call, int proposalId, string name)
        {
            var request = PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/area", new[] { Wire.Field("Name", name) });
            var proposal = await PostForProposalAsync(call, request).ConfigureAwait(false);
            // The response is the whole proposal; the new area is the one with this name (names are unique).
            var area = proposal.Areas?.LastOrDefault(a => string.Equals(a.Name, name, System.StringComparison.OrdinalIgnoreCase));
            return area ?? throw MissingFromResponse(call, request, "the new area '" + name + "'");
        }

        /// <summary>Adds an option to an area and returns it.</summary>
        public static async Task<AreaOption> AddAreaOptionAsync(PortalCall call, int proposalId, int areaId, string? clientDescription, string? internalNotes)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (clientDescription != null) fields.Add(Wire.Field("ClientDescription", clientDescription));
            if (internalNotes != null) fields.Add(Wire.Field("InternalNotes", internalNotes));
            var request = PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/area/" + Wire.Text(areaId) + "/option", fields);
            var proposal = await PostForProposalAsync(call, request).ConfigureAwait(false);
            // The response is the whole proposal; ids grow, so the new option is the area's highest id.
            var option = proposal.Areas?.FirstOrDefault(a => a.Id == areaId)?.Options?.OrderBy(o => o.Id).LastOrDefault();
            return option ?? throw MissingFromResponse(call, request, "area " + areaId);
        }

        /// <summary>Name and/or salesperson (a partial update: omitted fields stay).</summary>
        public static Task<Proposal> UpdateAsync(PortalCall call, int proposalId, string? name, int? salesPersonId)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (name != null) fields.Add(Wire.Field("Name", name));
            if (salesPersonId.HasValue) fields.Add(Wire.Field("SalesPersonId", Wire.Text(salesPersonId.Value)));
            return PostForProposalAsync(call, PortalRequest.PostForm(Root + Wire.Text(proposalId), fields));
        }

        /// <summary>The client-facing project description.</summary>
        public static Task<Proposal> SetDescriptionAsync(PortalCall call, int proposalId, string description) =>
            PostForProposalAsync(call, PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/description", new[] { Wire.Field("Description", description) }));

        /// <summary>Internal notes, never shown to the client.</summary>
        public static Task<Proposal> SetInternalNotesAsync(PortalCall call, int proposalId, string notes) =>
            PostForProposalAsync(call, PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/internalnotes", new[] { Wire.Field("InternalNotes", notes) }));

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
            var request = PortalRequest.PostForm(Root + Wire.Text(proposalId) + "/area-options/" + Wire.Text(optionId) + "/" + route, new[] { field });
            var proposal = await PostForProposalAsync(call, request).ConfigureAwait(false);
            var option = proposal.Areas?.SelectMany(a => a.Options ?? new List<AreaOption>()).FirstOrDefault(o => o.Id == optionId);
            return option ?? throw MissingFromResponse(call, request, "option " + optionId);
        }

        private static PortalApiException MissingFromResponse(PortalCall call, PortalRequest request, string what) =>
            call.InvalidResponse(request, 200, "the response does not contain " + what);
    }
}
