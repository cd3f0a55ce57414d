using System;
using System.Collections.Generic;
using System.Security;
using PortalIo.Http;

namespace PortalIo.Session
{
    /// <summary>
    /// A connection to one Portal.io account: where, as whom, and the client that signs for it.
    /// Immutable and safe to share between threads and runspaces of one process (pass it with
    /// -Session). The secret key and user key are exposed only as SecureString, each read a fresh
    /// copy of the session's own (the caller may dispose what it gave Connect-Portal, and what it
    /// reads here); their plain text lives privately inside the client, so formatting, ToString,
    /// ConvertTo-Json or -Verbose cannot show them, and PortalIo.types.ps1xml keeps them out of
    /// every serialized copy (Export-Clixml, jobs, remoting): a copy has no keys and cannot sign.
    /// </summary>
    public sealed class PortalSession
    {
        private readonly SecureString _secretKey;
        private readonly SecureString _userKey;

        internal PortalSession(Uri baseUri, string environment, string applicationKey, SecureString secretKey,
            SecureString userKey, ExchangedUser? user, ClientSettings settings, PortalClient client)
        {
            BaseUri = baseUri;
            Environment = environment;
            ApplicationKey = applicationKey;
            _secretKey = OwnCopy(secretKey)!;
            _userKey = OwnCopy(userKey)!;
            UserId = user?.UserId;
            UserName = user?.UserName;
            DisplayName = user?.DisplayName;
            Roles = new Models.TextList<string>(user?.Roles ?? Array.Empty<string>());
            Permissions = new Models.TextList<string>(user?.Permissions ?? Array.Empty<string>());
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

        /// <summary>A copy of the session's secret key (New-PortalSignature uses it).</summary>
        public SecureString SecretKey => OwnCopy(_secretKey)!;

        /// <summary>A copy of the session's user key: what a runbook keeps in its vault for Connect-Portal -UserKey.</summary>
        public SecureString UserKey => OwnCopy(_userKey)!;

        /// <summary>From the credential exchange; empty when connected with -UserKey.</summary>
        public string? UserId { get; }
        public string? UserName { get; }
        public string? DisplayName { get; }
        public IReadOnlyList<string> Roles { get; }
        public IReadOnlyList<string> Permissions { get; }

        public int TimeoutSec { get; }
        public int MaxRetries { get; }
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>
        /// Null in an instance that was not made by Connect-Portal (a test double made without a
        /// constructor, such as Pester's New-MockObject): such a session cannot call the API.
        /// </summary>
        internal PortalClient? Client { get; }

        /// <summary>A read-only copy; null for the null fields of an instance made without a constructor.</summary>
        private static SecureString? OwnCopy(SecureString? source)
        {
            if (source is null) return null;
            var copy = source.Copy();
            copy.MakeReadOnly();
            return copy;
        }

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
