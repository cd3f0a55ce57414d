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
            var request = PortalRequest.Get("public/users");
            var list = await call.SendAsync<UserList>(request).ConfigureAwait(false);
            // An answer without the list (a 200 with {}) is not an account without users.
            return (IReadOnlyList<User>?)list.Users ?? throw call.InvalidResponse(request, 200, "the answer holds no 'users' list");
        }
    }
}
