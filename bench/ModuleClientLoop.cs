using System;
using System.Threading;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Session;

namespace PortalIo.Bench
{
    /// <summary>
    /// PortalIo's own client (signing, pacing, retries, the response checks) in a plain C# loop,
    /// called once per batch from pwsh: against the raw C# loop it is what the client costs, against
    /// Get-PortalProposal what the cmdlet around it costs.
    /// </summary>
    public static class ModuleClientLoop
    {
        public static void ReadProposals(PortalSession session, int[] ids)
        {
            var call = new PortalCall(session.Client, null, CancellationToken.None);
            foreach (var id in ids)
            {
                var p = ProposalsApi.GetAsync(call, id).GetAwaiter().GetResult();
                if (p.Id != id) throw new InvalidOperationException("The module's client read proposal " + p.Id + " for " + id + ".");
            }
        }
    }
}
