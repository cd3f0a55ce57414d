using System;
using System.Management.Automation;
using System.Security;
using PortalIo.Http;
using PortalIo.Session;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>
    /// A running local sandbox, shaped so that <c>Start-PortalSandbox | Connect-Portal</c> binds
    /// BaseUri, ApplicationKey, SecretKey and Credential by property name. The demo secret is
    /// still only a SecureString here: formatting never shows it.
    /// </summary>
    public sealed class PortalSandbox
    {
        private readonly object _server;

        internal PortalSandbox(object server, Uri baseUri, string applicationKey, string secretKey, string userName, string password)
        {
            _server = server;
            BaseUri = baseUri;
            ApplicationKey = applicationKey;
            SecretKey = SecretText.Protect(secretKey);
            Credential = new PSCredential(userName, SecretText.Protect(password));
            StartedAt = DateTimeOffset.Now;
            ClosedEndpoints.Reopen(baseUri);
        }

        public Uri BaseUri { get; }
        public string ApplicationKey { get; }
        public SecureString SecretKey { get; }
        public PSCredential Credential { get; }
        public string UserName => Credential.UserName;
        public DateTimeOffset StartedAt { get; }

        public bool IsRunning => SandboxBridge.IsRunning(_server);

        /// <summary>Requests served so far.</summary>
        public long RequestCount => SandboxBridge.RequestCount(_server);

        /// <summary>What it started with, and what Reset-PortalSandbox returns to: the seeded demo data, Empty, or Data (a fixture).</summary>
        public string StartKind => SandboxBridge.StartKind(_server);

        /// <summary>The delay added before every answer (Start-PortalSandbox -Latency).</summary>
        public TimeSpan Latency => SandboxBridge.Latency(_server);

        /// <summary>The share of requests struck by a random fault (Start-PortalSandbox -FaultRate).</summary>
        public double FaultRate => SandboxBridge.FaultRate(_server);

        /// <summary>Requests per second per application key beyond which it answers 429; 0 for no limit.</summary>
        public int RateLimit => SandboxBridge.RateLimit(_server);

        /// <summary>Drives a change the public API cannot make, e.g. the client accepting a proposal.</summary>
        public void SetProposalStatus(int proposalId, string status) => SandboxBridge.SetProposalStatus(_server, proposalId, status);

        /// <summary>Changes a contact as a user of the Portal.io app would (fires PersonModification).</summary>
        public void ModifyContact(int contactId, string field, string value) => SandboxBridge.ModifyContact(_server, contactId, field, value);

        /// <summary>Adds a catalog item to an option (the public API has no route for line items).</summary>
        public void AddLineItem(int proposalId, int optionId, int catalogItemId, decimal quantity) =>
            SandboxBridge.AddLineItem(_server, proposalId, optionId, catalogItemId, quantity);

        /// <summary>
        /// Delivers webhooks for a public https host to a local listener instead, like a tunnel: the
        /// API refuses loopback subscription URLs, so subscribe with the public URL and route it here.
        /// </summary>
        public void RouteWebhookHost(string publicHost, Uri localTarget) => SandboxBridge.RouteWebhookHost(_server, publicHost, localTarget);

        /// <summary>
        /// The PortalIo.Sandbox.SandboxServer itself, for what the sandbox cmdlets do not cover (its
        /// demo users, clock offset, counters). The cmdlets are the stable way: Get-PortalSandboxRequest,
        /// Set-PortalSandboxFault, Reset-PortalSandbox and the others.
        /// </summary>
        public object GetServer() => _server;

        /// <summary>The same, for SandboxBridge.</summary>
        internal object Server => _server;

        /// <summary>
        /// Stops listening. A session that still points here then fails at once, saying the sandbox
        /// was stopped, instead of retrying a port where nothing will answer.
        /// </summary>
        public void Stop()
        {
            SandboxBridge.Stop(_server);
            ClosedEndpoints.Close(BaseUri, "the local sandbox at " + BaseUri + " was stopped",
                "Start a sandbox and connect to it (Start-PortalSandbox | Connect-Portal), or pass -Session with a session of a sandbox that runs.");
        }

        public override string ToString() => "PortalSandbox " + BaseUri;
    }
}
