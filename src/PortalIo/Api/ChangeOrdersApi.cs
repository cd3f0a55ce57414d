using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>Change-order routes (read only in the public API): list, detail.</summary>
    internal static class ChangeOrdersApi
    {
        public static async Task<IReadOnlyList<ChangeOrder>> ListAsync(PortalCall call, int proposalId)
        {
            var list = await call.SendAsync<List<ChangeOrder>>(PortalRequest.Get(Path(proposalId))).ConfigureAwait(false);
            return list.Select(c => c.Link(proposalId)).ToList();
        }

        public static async Task<ChangeOrder> GetAsync(PortalCall call, int proposalId, int changeOrderId) =>
            (await call.SendAsync<ChangeOrder>(PortalRequest.Get(Path(proposalId) + "/" + Wire.Text(changeOrderId))).ConfigureAwait(false)).Link(proposalId);

        private static string Path(int proposalId) => "public/proposals/" + Wire.Text(proposalId) + "/changeorders";
    }
}
