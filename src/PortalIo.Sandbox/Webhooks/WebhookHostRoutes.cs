using System;
using System.Collections.Concurrent;

namespace PortalIo.Sandbox.Webhooks
{
    /// <summary>
    /// SandboxServer.RouteWebhookHost: like a DNS override or a tunnel. Subscriptions keep their
    /// public https URLs (the API's rules refuse loopback ones); a delivery to a routed host goes to
    /// the local target instead. The target supplies scheme, host and port; its path replaces the
    /// subscription URL's path and query when it has one other than "/", otherwise the
    /// subscription's path and query are kept. Routes are settings of the emulator, not data: they
    /// survive a Reset.
    /// </summary>
    internal sealed class WebhookHostRoutes
    {
        private readonly ConcurrentDictionary<string, Uri> _routes = new ConcurrentDictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

        public void Route(string publicHost, Uri localTarget) => _routes[Normalize(publicHost)] = localTarget;

        public bool Unroute(string publicHost) => _routes.TryRemove(Normalize(publicHost), out _);

        public Uri Resolve(string url)
        {
            var uri = new Uri(url);
            if (!_routes.TryGetValue(uri.Host, out var target)) return uri;
            var builder = new UriBuilder(target.Scheme, target.Host, target.Port);
            if (target.AbsolutePath != "/" || target.Query.Length > 0)
            {
                builder.Path = target.AbsolutePath;
                builder.Query = target.Query.TrimStart('?');
            }
            else
            {
                builder.Path = uri.AbsolutePath;
                builder.Query = uri.Query.TrimStart('?');
            }
            return builder.Uri;
        }

        private static string Normalize(string host) => host.Trim().TrimEnd('.');
    }
}
