using System;
using System.Net;
using System.Net.Sockets;

namespace PortalIo.Sandbox.Webhooks
{
    /// <summary>
    /// The documented Url rule of a subscription: an absolute https URL whose host is publicly routable.
    /// The emulator checks the host as written (IP literals by range; names "localhost", "*.localhost",
    /// "*.local", "*.internal" refused) and does not resolve DNS: it runs offline, and tests reach a
    /// local receiver through SandboxServer.RouteWebhookHost instead of a loopback URL.
    /// </summary>
    internal static class WebhookUrlRules
    {
        /// <returns>Null when acceptable, else the reason.</returns>
        public static string? Check(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                return "'Url' must be an absolute URL.";
            if (!uri.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
                return "'Url' must use https.";
            if (uri.UserInfo.Length > 0)
                return "'Url' must not contain credentials.";
            var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
            if (host.Length == 0) return "'Url' must have a host.";
            if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal)
                || host.EndsWith(".internal", StringComparison.Ordinal) || host.IndexOf('.') < 0 && uri.HostNameType == UriHostNameType.Dns)
                return "'Url' must point to a publicly routable host; '" + host + "' is not.";
            var literal = host.Trim('[', ']');
            if (IPAddress.TryParse(literal, out var address) && !IsPublic(address))
                return "'Url' must point to a publicly routable host; " + literal + " is a private, loopback or link-local address.";
            return null;
        }

        private static bool IsPublic(IPAddress address)
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
                if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address) || IPAddress.IPv6Any.Equals(address)) return false;
                if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
                var b6 = address.GetAddressBytes();
                return (b6[0] & 0xFE) != 0xFC; // fc00::/7 unique local
            }
            var b = address.GetAddressBytes();
            if (b[0] == 0 || b[0] == 10 || b[0] == 127) return false;            // this network, private, loopback
            if (b[0] == 169 && b[1] == 254) return false;                        // link-local
            if (b[0] == 172 && b[1] >= 16 && b[1] <= 31) return false;           // private
            if (b[0] == 192 && b[1] == 168) return false;                        // private
            if (b[0] == 100 && b[1] >= 64 && b[1] <= 127) return false;          // carrier-grade NAT
            if (b[0] >= 224) return false;                                       // multicast, reserved, broadcast
            return true;
        }
    }
}
