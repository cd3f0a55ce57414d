using System;
using System.Net;

namespace PortalIo.Session
{
    /// <summary>
    /// Which base URIs a session may use. Plain http would send signed requests and the exchange
    /// password in clear text, so it is refused except on loopback (a local sandbox of Start-PortalSandbox).
    /// </summary>
    internal static class BaseUriPolicy
    {
        /// <summary>Returns the normalized base URI (ending in '/'), or throws with the rule broken.</summary>
        public static Uri Validate(Uri baseUri, string parameterName)
        {
            if (baseUri is null) throw new ArgumentNullException(parameterName);
            if (!baseUri.IsAbsoluteUri)
                throw new ArgumentException("-" + parameterName + " must be an absolute URI such as https://api.portal.io/.", parameterName);
            if (!string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment) || !string.IsNullOrEmpty(baseUri.UserInfo))
                throw new ArgumentException("-" + parameterName + " must not carry a query, fragment or user info: give only scheme, host, port and path.", parameterName);
            if (baseUri.Scheme == Uri.UriSchemeHttp)
            {
                if (!IsLoopback(baseUri))
                    throw new ArgumentException("-" + parameterName + " uses http:// for " + baseUri.Host +
                        ": only https:// is allowed, except for loopback addresses (127.0.0.1, ::1, localhost) such as the local sandbox.", parameterName);
            }
            else if (baseUri.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException("-" + parameterName + " must use https:// (scheme '" + baseUri.Scheme + "' is not supported).", parameterName);
            }
            var text = baseUri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
        }
    }
}
