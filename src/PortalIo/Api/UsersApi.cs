using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>Route 2: GET /public/users (active users; their ids are SalesPersonIds).</summary>
    public static class UsersApi
    {
        public static async Task<IReadOnlyList<User>> ListAsync(PortalClient client, IPortalLog? log, CancellationToken cancellationToken)
        {
            var list = await client.SendAsync<UserList>(PortalRequest.Get("public/users"), log, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<User>?)list.Users ?? new List<User>();
        }
    }
}
