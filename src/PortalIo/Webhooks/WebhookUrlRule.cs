using System;
using System.Net;
using System.Net.Sockets;

namespace PortalIo.Webhooks
{
    /// <summary>
    /// The documented rule for a subscription's Url, checked before any request:
    /// an absolute https URL whose host is publicly routable (no private, loopback or link-local
    /// address). Host names are not resolved here (Portal.io resolves them); names that can never be
    /// public (localhost, *.localhost, *.local, *.internal, single labels) are refused.
    /// </summary>
    internal static class WebhookUrlRule
    {
        /// <returns>Null when the URL is acceptable, else the reason.</returns>
        public static string? Check(string? url)
        {
            var text = (url ?? string.Empty).Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
                return "'" + text + "' is not an absolute URL; give one like https://hooks.example.com/portal.";
            if (!string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
                return "The webhook URL must use https (not " + uri.Scheme + "): Portal.io delivers only to https endpoints.";
            if (uri.UserInfo.Length > 0)
                return "The webhook URL must not contain a user name or password.";
            var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
            if (host.Length == 0) return "The webhook URL has no host.";
            var literal = host.Trim('[', ']');
            if (IPAddress.TryParse(literal, out var address))
            {
                return IsPublic(address) ? null
                    : "The webhook URL's host " + literal + " is a private, loopback or link-local address: Portal.io delivers only to publicly routable hosts.";
            }
            if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal)
                || host.EndsWith(".internal", StringComparison.Ordinal) || host.IndexOf('.') < 0)
                return "The webhook URL's host '" + host + "' is not a publicly routable name: Portal.io delivers only to public hosts.";
            return null;
        }

        /// <summary>False for loopback, private, link-local, unspecified, carrier-grade NAT, multicast and reserved addresses.</summary>
        public static bool IsPublic(IPAddress address)
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
                if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address)) return false;
                if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
                var b6 = address.GetAddressBytes();
                return (b6[0] & 0xFE) != 0xFC; // fc00::/7, unique local
            }
            var b = address.GetAddressBytes();
            if (b[0] == 0 || b[0] == 10 || b[0] == 127) return false;      // "this" network, private, loopback
            if (b[0] == 169 && b[1] == 254) return false;                  // link-local
            if (b[0] == 172 && b[1] >= 16 && b[1] <= 31) return false;     // private
            if (b[0] == 192 && b[1] == 168) return false;                  // private
            if (b[0] == 100 && b[1] >= 64 && b[1] <= 127) return false;    // carrier-grade NAT
            if (b[0] >= 224) return false;                                 // multicast, reserved, broadcast
            return true;
        }
    }
}
