using System;
using System.Linq;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>GET /authenticate/apikeyexchange: trades a login for the user key (meta.apiKey).</summary>
    internal sealed class AuthRoutes
    {
        private readonly EmulatorStore _store;
        private readonly Uri _baseUri;

        public AuthRoutes(EmulatorStore store, Uri baseUri)
        {
            _store = store;
            _baseUri = baseUri;
        }

        public void Register(Router router) =>
            router.Map("GET", "/authenticate/apikeyexchange", RouteAccess.Exchange, Exchange);

        private EmulatorResponse Exchange(EmulatorRequest request)
        {
            var userName = request.Query.Get("UserName");
            var password = request.Query.Get("Password");
            var user = string.IsNullOrEmpty(userName) ? null : _store.FindLoginUser(userName!);
            // One message for unknown user and wrong password, so the answer does not reveal which logins exist.
            if (user == null || !string.Equals(user.Password, password, StringComparison.Ordinal))
                return ErrorBodies.Unauthorized("Invalid UserName or Password.");

            var now = DateTime.UtcNow;
            var body = JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("userId", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("sessionId", Guid.NewGuid().ToString("N"));
                w.WriteString("userName", user.Email);
                w.WriteString("displayName", user.DisplayName);
                w.WriteString("bearerToken", "sandbox-bearer-" + Guid.NewGuid().ToString("N"));
                w.WriteString("refreshToken", "sandbox-refresh-" + Guid.NewGuid().ToString("N"));
                w.WriteDate("refreshTokenExpiry", now.AddDays(30));
                w.WriteString("profileUrl", new Uri(_baseUri, "profile/" + user.Id).ToString());
                w.WriteStartArray("roles");
                w.WriteStringValue(user.PermissionGroup);
                w.WriteEndArray();
                w.WriteStartArray("permissions");
                foreach (var permission in user.Permissions.OrderBy(p => p, StringComparer.Ordinal)) w.WriteStringValue(permission);
                w.WriteEndArray();
                w.WriteString("authProvider", "credentials");
                w.WriteStartObject("meta");
                w.WriteString("apiKey", user.UserKey);
                w.WriteEndObject();
                w.WriteEndObject();
            });
            return EmulatorResponse.Json(200, body);
        }
    }
}
