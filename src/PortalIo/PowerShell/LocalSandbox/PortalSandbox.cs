using System;
using System.Management.Automation;
using System.Security;
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
        /// The PortalIo.Sandbox.SandboxServer itself (request journal, scripted faults, demo users,
        /// webhook deliveries), for test suites until the sandbox's own cmdlets cover them.
        /// </summary>
        public object GetServer() => _server;

        public void Stop() => SandboxBridge.Stop(_server);

        public override string ToString() => "PortalSandbox " + BaseUri;
    }
}
