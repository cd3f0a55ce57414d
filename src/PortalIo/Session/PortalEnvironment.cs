using System;

namespace PortalIo.Session
{
    public enum PortalEnvironment
    {
        Production,
        Sandbox,
    }

    internal static class PortalEnvironments
    {
        public static readonly Uri ProductionUri = new Uri("https://api.portal.io/");
        public static readonly Uri SandboxUri = new Uri("https://sandbox.api.portal.io/");

        public static Uri BaseUriOf(PortalEnvironment environment) =>
            environment == PortalEnvironment.Sandbox ? SandboxUri : ProductionUri;
    }
}
