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

        private static PortalApiException MissingFromResponse(PortalClient client, PortalRequest request, string what) =>
            new PortalApiException(PortalErrorKind.InvalidResponse, 200, "the response does not contain " + what,
                request.Method.Method, request.DescribeUri(client.BaseUri));

        internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

        internal static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
