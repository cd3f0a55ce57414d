using System;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Signing;

namespace PortalIo.Session
{
    /// <summary>What Connect-Portal was given.</summary>
    internal sealed class ConnectRequest
    {
        public Uri BaseUri { get; set; } = PortalEnvironments.ProductionUri;
        public string EnvironmentName { get; set; } = nameof(PortalEnvironment.Production);
        public string ApplicationKey { get; set; } = string.Empty;
        public SecureString? SecretKey { get; set; }

        /// <summary>Either a user name and password for the exchange...</summary>
        public string? UserName { get; set; }
        public SecureString? Password { get; set; }

        /// <summary>...or a user key exchanged earlier (runbooks).</summary>
        public SecureString? UserKey { get; set; }

        public ClientSettings Settings { get; set; } = new ClientSettings();
        public System.Net.Http.HttpMessageHandler? Handler { get; set; }
    }

    /// <summary>
    /// Builds sessions: runs the credential exchange when given a user name and password (see
    /// docs/api-decisions.md, 'Empty user key on the credential exchange').
    /// </summary>
    internal static class SessionConnector
    {
        public const string ExchangePath = "authenticate/apikeyexchange";

        public static async Task<PortalSession> ConnectAsync(ConnectRequest request, IPortalLog? log, CancellationToken cancellationToken)
        {
            if (request.SecretKey is null) throw new ArgumentException("A secret key is required.", "SecretKey");
            var broken = CredentialRules.Check(request.ApplicationKey, request.SecretKey, request.UserKey);
            if (broken != null) throw new ArgumentException(broken.Value.Message, broken.Value.Parameter);
            var signer = new RequestSigner(SecretText.Reveal(request.SecretKey));
            var applicationKey = request.ApplicationKey.Trim();

            if (request.UserKey != null)
            {
                var client = new PortalClient(request.BaseUri, applicationKey, signer, SecretText.Reveal(request.UserKey), request.Settings, request.Handler);
                return new PortalSession(request.BaseUri, request.EnvironmentName, applicationKey, request.SecretKey, request.UserKey,
                    null, request.Settings, client);
            }

            if (string.IsNullOrEmpty(request.UserName) || request.Password is null)
                throw new ArgumentException("A user name and password (or a user key) are required.", nameof(request));

            var exchangeClient = new PortalClient(request.BaseUri, applicationKey, signer, string.Empty, request.Settings, request.Handler);
            var exchange = ExchangeRequest(request.UserName!, SecretText.Reveal(request.Password));
            ExchangeResponse response;
            try
            {
                response = await exchangeClient.SendAsync<ExchangeResponse>(exchange, log, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                exchangeClient.Dispose();
            }
            var apiKey = response.Meta?.ApiKey;
            if (string.IsNullOrEmpty(apiKey))
            {
                throw new PortalApiException(PortalErrorKind.InvalidResponse, 200,
                    "the credential exchange succeeded but returned no meta.apiKey", "GET", exchange.DescribeUri(request.BaseUri));
            }
            var keyProblem = HeaderValueRule.Problem(apiKey);
            if (keyProblem != null) throw CredentialRules.ExchangedKeyRefused(keyProblem, "GET", exchange.DescribeUri(request.BaseUri));
            var userClient = new PortalClient(request.BaseUri, applicationKey, signer, apiKey!, request.Settings, request.Handler);
            var user = new ExchangedUser
            {
                UserId = response.UserId,
                UserName = response.UserName ?? request.UserName,
                DisplayName = response.DisplayName,
                Roles = response.Roles,
                Permissions = response.Permissions,
            };
            return new PortalSession(request.BaseUri, request.EnvironmentName, applicationKey, request.SecretKey,
                SecretText.Protect(apiKey!), user, request.Settings, userClient);
        }

        /// <summary>
        /// GET /authenticate/apikeyexchange?UserName=..&amp;Password=..: the password travels only in
        /// this query string, as the API requires, and is redacted from every log line and error.
        /// </summary>
        internal static PortalRequest ExchangeRequest(string userName, string password)
        {
            var request = PortalRequest.Get(ExchangePath).AddQuery("UserName", userName).AddQuery("Password", password);
            request.IsCredentialExchange = true;
            request.RedactedQueryKeys.Add("Password");
            return request;
        }

        private sealed class ExchangeResponse
        {
            public string? UserId { get; set; }
            public string? UserName { get; set; }
            public string? DisplayName { get; set; }
            public string[]? Roles { get; set; }
            public string[]? Permissions { get; set; }
            public ExchangeMeta? Meta { get; set; }
        }

        private sealed class ExchangeMeta
        {
            public string? ApiKey { get; set; }
        }
    }
}
