using System;
using System.Collections.Generic;
using System.Security;
using PortalIo.Http;

namespace PortalIo.Session
{
    /// <summary>
    /// A connection to one Portal.io account: where, as whom, and the client that signs for it.
    /// Immutable and safe to share between threads and runspaces (pass it with -Session). The
    /// secret key and user key are exposed only as SecureString; their plain text lives privately
    /// inside the client, so formatting, ToString, ConvertTo-Json or -Verbose cannot show them.
    /// </summary>
    public sealed class PortalSession
    {
        internal PortalSession(Uri baseUri, string environment, string applicationKey, SecureString secretKey,
            SecureString userKey, ExchangedUser? user, ClientSettings settings, PortalClient client)
        {
            BaseUri = baseUri;
            Environment = environment;
            ApplicationKey = applicationKey;
            SecretKey = secretKey;
            UserKey = userKey;
            UserId = user?.UserId;
            UserName = user?.UserName;
            DisplayName = user?.DisplayName;
            Roles = user?.Roles ?? Array.Empty<string>();
            Permissions = user?.Permissions ?? Array.Empty<string>();
            TimeoutSec = (int)settings.Timeout.TotalSeconds;
            MaxRetries = settings.MaxRetries;
            ConnectedAt = DateTimeOffset.Now;
            Client = client;
        }

        public Uri BaseUri { get; }

        /// <summary>Production, Sandbox (Portal.io's hosted sandbox environment), or Custom (a -BaseUri, such as a local sandbox's).</summary>
        public string Environment { get; }

        /// <summary>Identifies the integration; Portal.io documents it as safe to share.</summary>
        public string ApplicationKey { get; }

        public SecureString SecretKey { get; }
        public SecureString UserKey { get; }

        /// <summary>From the credential exchange; empty when connected with -UserKey.</summary>
        public string? UserId { get; }
        public string? UserName { get; }
        public string? DisplayName { get; }
        public IReadOnlyList<string> Roles { get; }
        public IReadOnlyList<string> Permissions { get; }

        public int TimeoutSec { get; }
        public int MaxRetries { get; }
        public DateTimeOffset ConnectedAt { get; }

        internal PortalClient Client { get; }

        public override string ToString() =>
            "PortalSession " + (string.IsNullOrEmpty(UserName) ? "(user key)" : UserName) + " @ " + BaseUri;
    }

    /// <summary>The user facts from the exchange that the session keeps (tokens are discarded).</summary>
    internal sealed class ExchangedUser
    {
        public string? UserId { get; set; }
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string[]? Roles { get; set; }
        public string[]? Permissions { get; set; }
    }
}
