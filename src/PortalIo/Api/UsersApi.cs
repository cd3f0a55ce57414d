using System.Collections.Generic;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>GET /public/users: the active users (their ids are SalesPersonIds).</summary>
    internal static class UsersApi
    {
        public static async Task<IReadOnlyList<User>> ListAsync(PortalCall call)
        {
            var list = await call.SendAsync<UserList>(PortalRequest.Get("public/users")).ConfigureAwait(false);
            return (IReadOnlyList<User>?)list.Users ?? new List<User>();
        }
    }
}
