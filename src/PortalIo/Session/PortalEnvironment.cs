using System;

namespace PortalIo.Session
{
    /// <summary>The Portal.io environments that Connect-Portal -Environment names.</summary>
    public enum PortalEnvironment
    {
        /// <summary>https://api.portal.io/</summary>
        Production,

        /// <summary>
        /// Portal.io's hosted sandbox environment (https://sandbox.api.portal.io/), for integrations
        /// not yet approved: not the local sandbox of Start-PortalSandbox, which is reached by its BaseUri.
        /// </summary>
        Sandbox,
    }

    internal static class PortalEnvironments
    {
        public static readonly Uri ProductionUri = new Uri("https://api.portal.io/");
        public static readonly Uri HostedSandboxUri = new Uri("https://sandbox.api.portal.io/");

        public static Uri BaseUriOf(PortalEnvironment environment) =>
            environment == PortalEnvironment.Sandbox ? HostedSandboxUri : ProductionUri;
    }
}
