using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>Change-order routes (read only in the public API): list (15), detail (16).</summary>
    public static class ChangeOrdersApi
    {
        public static async Task<IReadOnlyList<ChangeOrder>> ListAsync(PortalClient client, int proposalId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var list = await client.SendAsync<List<ChangeOrder>>(PortalRequest.Get("public/proposals/" + ProposalsApi.Id(proposalId) + "/changeorders"),
                log, cancellationToken).ConfigureAwait(false);
            return list.Select(c => c.Link(proposalId)).ToList();
        }

        public static async Task<ChangeOrder> GetAsync(PortalClient client, int proposalId, int changeOrderId, IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.Get("public/proposals/" + ProposalsApi.Id(proposalId) + "/changeorders/" + ProposalsApi.Id(changeOrderId));
            return (await client.SendAsync<ChangeOrder>(request, log, cancellationToken).ConfigureAwait(false)).Link(proposalId);
        }
    }
}
