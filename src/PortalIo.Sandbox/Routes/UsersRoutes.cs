using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>GET /public/users: the users of the caller's account (salesperson ids).</summary>
    internal sealed class UsersRoutes
    {
        private readonly EmulatorStore _store;

        public UsersRoutes(EmulatorStore store) { _store = store; }

        public void Register(Router router) => router.Map("GET", "/public/users", RouteAccess.PublicRead, List);

        private EmulatorResponse List(EmulatorRequest request)
        {
            var users = _store.UsersOf(request.User!.Account);
            return EmulatorResponse.Json(200, JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("users");
                foreach (var user in users)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", user.Id);
                    w.WriteString("firstName", user.FirstName);
                    w.WriteString("lastName", user.LastName);
                    w.WriteString("email", user.Email);
                    w.WriteString("permissionGroup", user.PermissionGroup);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("usersCount", users.Count);
                w.WriteEndObject();
            }));
        }
    }
}
