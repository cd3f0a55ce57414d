using System;
using System.Runtime.CompilerServices;
using PortalIo.Sandbox;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>
    /// The only code that touches PortalIo.Sandbox types (the local sandbox). Every member is kept out
    /// of line so the sandbox assembly is loaded when Start-PortalSandbox first runs, not when the
    /// module is imported (bench scenario import, row "lazy loading", checks it).
    /// </summary>
    internal static class SandboxBridge
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static PortalSandbox Start(int port, TimeSpan latency, double faultRate)
        {
            var server = SandboxServer.Start(new SandboxOptions { Port = port, Latency = latency, FaultRate = faultRate });
            return new PortalSandbox(server, server.BaseUri, server.ApplicationKey, server.SecretKey, server.UserName, server.Password);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Stop(object server) => ((SandboxServer)server).Stop();

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static bool IsRunning(object server) => ((SandboxServer)server).IsRunning;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static long RequestCount(object server) => ((SandboxServer)server).RequestCount;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void SetProposalStatus(object server, int proposalId, string status) =>
            ((SandboxServer)server).SetProposalStatus(proposalId, status);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ModifyContact(object server, int contactId, string field, string value) =>
            ((SandboxServer)server).ModifyContact(contactId, field, value);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void AddLineItem(object server, int proposalId, int optionId, int catalogItemId, decimal quantity) =>
            ((SandboxServer)server).AddLineItem(proposalId, optionId, catalogItemId, quantity);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void RouteWebhookHost(object server, string publicHost, Uri localTarget) =>
            ((SandboxServer)server).RouteWebhookHost(publicHost, localTarget);
    }
}
