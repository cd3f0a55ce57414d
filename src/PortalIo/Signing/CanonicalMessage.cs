using System;

namespace PortalIo.Signing
{
    /// <summary>
    /// The string Portal.io signs (about_PortalIo_Authentication, "The canonical message"):
    /// METHOD + scheme://host/path (never the query) + Content-Type (non-GET only) + date + user key,
    /// with no separators. The user key is empty for the credential exchange.
    /// </summary>
    internal static class CanonicalMessage
    {
        public const string MaskedUserKey = "<user key>";

        public static string Build(string method, Uri requestUri, string? contentType, string date, string userKey)
        {
            if (method is null) throw new ArgumentNullException(nameof(method));
            if (requestUri is null) throw new ArgumentNullException(nameof(requestUri));
            if (date is null) throw new ArgumentNullException(nameof(date));
            var upperMethod = method.ToUpperInvariant();
            return string.Concat(upperMethod, SignedUrl(requestUri), upperMethod != "GET" ? contentType ?? string.Empty : string.Empty,
                date, userKey ?? string.Empty);
        }

        /// <summary>
        /// The canonical message with the user key replaced by a placeholder, for -Debug output and
        /// for error messages: shape and every other character stay comparable, the key never shows.
        /// </summary>
        public static string BuildMasked(string method, Uri requestUri, string? contentType, string date, string userKey) =>
            Build(method, requestUri, contentType, date, string.IsNullOrEmpty(userKey) ? string.Empty : MaskedUserKey);

        /// <summary>
        /// scheme://host[:port]/path as sent on the wire (path still percent-encoded), without the
        /// query string (see docs/api-decisions.md, 'Signed URL without the query string').
        /// </summary>
        public static string SignedUrl(Uri requestUri)
        {
            if (!requestUri.IsAbsoluteUri)
                throw new ArgumentException("The request URI must be absolute.", nameof(requestUri));
            return requestUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }
    }
}
