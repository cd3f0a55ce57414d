using System;
using System.Collections.Generic;
using System.Text;

namespace PortalIo.Http
{
    /// <summary>
    /// Percent-encoding for query strings and form bodies. The server does not verify the query in
    /// the signature, so an encoding bug here would not fail loudly: it would silently return the
    /// wrong page or ignore a filter. Hence one small, tested encoder (RFC 3986 unreserved set,
    /// UTF-8, upper-case hex) instead of framework helpers whose rules differ between .NET versions.
    /// </summary>
    internal static class UrlEncoding
    {
        public static string Encode(string value, bool spaceAsPlus)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            var bytes = Encoding.UTF8.GetBytes(value);
            var builder = new StringBuilder(bytes.Length + 8);
            foreach (var b in bytes)
            {
                if (IsUnreserved(b)) builder.Append((char)b);
                else if (b == (byte)' ' && spaceAsPlus) builder.Append('+');
                else builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
            return builder.ToString();
        }

        /// <summary>key=value pairs joined with '&amp;'; spaces as %20 (query) or '+' (form body).</summary>
        public static string Join(IEnumerable<KeyValuePair<string, string>> pairs, bool spaceAsPlus)
        {
            var builder = new StringBuilder();
            foreach (var pair in pairs)
            {
                if (builder.Length > 0) builder.Append('&');
                builder.Append(Encode(pair.Key, spaceAsPlus)).Append('=').Append(Encode(pair.Value, spaceAsPlus));
            }
            return builder.ToString();
        }

        private const string Hex = "0123456789ABCDEF";

        private static bool IsUnreserved(byte b) =>
            (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
            b == '-' || b == '.' || b == '_' || b == '~';
    }
}
