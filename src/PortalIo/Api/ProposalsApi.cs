using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>Proposal routes: list (3), detail (4), create (5), add area (11), add option (12).</summary>
    public static class ProposalsApi
    {
        public const int DefaultPageSize = 50;

        /// <summary>Streams proposals page by page; see <see cref="PagedReader"/>.</summary>
        public static IEnumerable<Proposal> List(PortalClient client, ProposalFilter filter, PagingWindow window,
            IPortalLog? log, CancellationToken cancellationToken, System.Action<long?>? onTotalCount = null) =>
            PagedReader.Read((page, size) => Sync.Wait(ListPageAsync(client, filter, page, size, log, cancellationToken)), window, onTotalCount);

        public static async Task<Page<Proposal>> ListPageAsync(PortalClient client, ProposalFilter filter, int pageNumber, int pageSize,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.Get("public/proposals");
            filter.ApplyTo(request);
            request.AddQuery("PageNumber", pageNumber.ToString(CultureInfo.InvariantCulture));
            request.AddQuery("PageSize", pageSize.ToString(CultureInfo.InvariantCulture));
            var list = await client.SendAsync<ProposalList>(request, log, cancellationToken).ConfigureAwait(false);
            return new Page<Proposal>(list.Proposals ?? new List<Proposal>(), list.ProposalCount);
        }

        public static async Task<Proposal> GetAsync(PortalClient client, int proposalId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var proposal = await client.SendAsync<Proposal>(PortalRequest.Get("public/proposals/" + Id(proposalId)), log, cancellationToken).ConfigureAwait(false);
            return proposal.LinkChildren();
        }

        public static async Task<Proposal> CreateAsync(PortalClient client, int salesPersonId, string? name, IPortalLog? log, CancellationToken cancellationToken)
        {
            var fields = new List<KeyValuePair<string, string>> { Field("SalesPersonId", Id(salesPersonId)) };
            if (!string.IsNullOrEmpty(name)) fields.Add(Field("Name", name!));
            var proposal = await client.SendAsync<Proposal>(PortalRequest.PostForm("public/proposals", fields), log, cancellationToken).ConfigureAwait(false);
            return proposal.LinkChildren();
        }

        /// <summary>Adds an area and returns it (with the Draft option the API creates with it).</summary>
        public static async Task<Area> AddAreaAsync(PortalClient client, int proposalId, string name, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.PostForm("public/proposals/" + Id(proposalId) + "/area", new[] { Field("Name", name) });
            var proposal = (await client.SendAsync<Proposal>(request, log, cancellationToken).ConfigureAwait(false)).LinkChildren();
            // The response is the whole proposal; the new area is the one with this name (names are unique).
            var area = proposal.Areas?.LastOrDefault(a => string.Equals(a.Name, name, System.StringComparison.OrdinalIgnoreCase));
            return area ?? throw MissingFromResponse(client, request, "the new area '" + name + "'");
        }

        /// <summary>Adds an option to an area and returns it.</summary>
        public static async Task<AreaOption> AddAreaOptionAsync(PortalClient client, int proposalId, int areaId, string? clientDescription,
            string? internalNotes, IPortalLog? log, CancellationToken cancellationToken)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (clientDescription != null) fields.Add(Field("ClientDescription", clientDescription));
            if (internalNotes != null) fields.Add(Field("InternalNotes", internalNotes));
            var request = PortalRequest.PostForm("public/proposals/" + Id(proposalId) + "/area/" + Id(areaId) + "/option", fields);
            var proposal = (await client.SendAsync<Proposal>(request, log, cancellationToken).ConfigureAwait(false)).LinkChildren();
            // The response is the whole proposal; ids grow, so the new option is the area's highest id.
            var option = proposal.Areas?.FirstOrDefault(a => a.Id == areaId)?.Options?.OrderBy(o => o.Id).LastOrDefault();
            return option ?? throw MissingFromResponse(client, request, "area " + areaId);
        }

        /// <summary>Route 6: name and/or salesperson (a partial update: omitted fields stay).</summary>
        public static async Task<Proposal> UpdateAsync(PortalClient client, int proposalId, string? name, int? salesPersonId,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (name != null) fields.Add(Field("Name", name));
            if (salesPersonId.HasValue) fields.Add(Field("SalesPersonId", Id(salesPersonId.Value)));
            return await PostForProposalAsync(client, PortalRequest.PostForm("public/proposals/" + Id(proposalId), fields), log, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Route 7: the client-facing project description.</summary>
        public static Task<Proposal> SetDescriptionAsync(PortalClient client, int proposalId, string description, IPortalLog? log, CancellationToken cancellationToken) =>
            PostForProposalAsync(client, PortalRequest.PostForm("public/proposals/" + Id(proposalId) + "/description", new[] { Field("Description", description) }), log, cancellationToken);

        /// <summary>Route 8: internal notes, never shown to the client.</summary>
        public static Task<Proposal> SetInternalNotesAsync(PortalClient client, int proposalId, string notes, IPortalLog? log, CancellationToken cancellationToken) =>
            PostForProposalAsync(client, PortalRequest.PostForm("public/proposals/" + Id(proposalId) + "/internalnotes", new[] { Field("InternalNotes", notes) }), log, cancellationToken);

        /// <summary>
        /// Route 9. The newer docs send a JSON body repeating the ids; the older ones a form POST
        /// without a body (GAPS G15): <paramref name="formEncoded"/> selects the older variant. The
        /// API answers 200 with the proposal or 204 without a body; either way the proposal is returned.
        /// </summary>
        public static Task<Proposal> AssignContactAsync(PortalClient client, int proposalId, int contactId, bool formEncoded,
            IPortalLog? log, CancellationToken cancellationToken) =>
            AssignAsync(client, proposalId, "contact/" + Id(contactId), new { proposalId, contactId }, formEncoded, log, cancellationToken);

        /// <summary>Route 10 (same two request variants as route 9); recalculates tax from the location.</summary>
        public static Task<Proposal> AssignLocationAsync(PortalClient client, int proposalId, int locationId, bool formEncoded,
            IPortalLog? log, CancellationToken cancellationToken) =>
            AssignAsync(client, proposalId, "location/" + Id(locationId), new { proposalId, locationId }, formEncoded, log, cancellationToken);

        /// <summary>Route 13: an option's client-facing description (empty clears it).</summary>
        public static Task<AreaOption> SetOptionClientDescriptionAsync(PortalClient client, int proposalId, int optionId, string text,
            IPortalLog? log, CancellationToken cancellationToken) =>
            PostForOptionAsync(client, proposalId, optionId, "clientdescription", Field("ClientDescription", text), log, cancellationToken);

        /// <summary>Route 14: an option's installer notes (returned as installerDescription).</summary>
        public static Task<AreaOption> SetOptionInstallerNotesAsync(PortalClient client, int proposalId, int optionId, string text,
            IPortalLog? log, CancellationToken cancellationToken) =>
            PostForOptionAsync(client, proposalId, optionId, "installernotes", Field("InstallerNotes", text), log, cancellationToken);

        /// <summary>The option with this id in a proposal detail, or null.</summary>
        public static AreaOption? FindOption(Proposal proposal, int optionId) =>
            proposal.Areas?.SelectMany(a => a.Options ?? new List<AreaOption>()).FirstOrDefault(o => o.Id == optionId);

        private static async Task<Proposal> AssignAsync(PortalClient client, int proposalId, string target, object jsonBody, bool formEncoded,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = new PortalRequest(System.Net.Http.HttpMethod.Post, "public/proposals/" + Id(proposalId) + "/" + target)
            {
                Body = formEncoded ? RequestBody.EmptyForm() : RequestBody.Json(jsonBody),
            };
            var response = await client.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            client.EnsureSuccess(request, response);
            if (response.Body.Length == 0)
                return await GetAsync(client, proposalId, log, cancellationToken).ConfigureAwait(false);
            return client.Deserialize<Proposal>(request, response).LinkChildren();
        }

        private static async Task<Proposal> PostForProposalAsync(PortalClient client, PortalRequest request, IPortalLog? log, CancellationToken cancellationToken) =>
            (await client.SendAsync<Proposal>(request, log, cancellationToken).ConfigureAwait(false)).LinkChildren();

        private static async Task<AreaOption> PostForOptionAsync(PortalClient client, int proposalId, int optionId, string route,
            KeyValuePair<string, string> field, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.PostForm("public/proposals/" + Id(proposalId) + "/area-options/" + Id(optionId) + "/" + route, new[] { field });
            var proposal = await PostForProposalAsync(client, request, log, cancellationToken).ConfigureAwait(false);
            return FindOption(proposal, optionId) ?? throw MissingFromResponse(client, request, "option " + optionId);
        }

        private static PortalApiException MissingFromResponse(PortalClient client, PortalRequest request, string what) =>
            new PortalApiException(PortalErrorKind.InvalidResponse, 200, "the response does not contain " + what,
                request.Method.Method, request.DescribeUri(client.BaseUri));

        internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

        internal static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
