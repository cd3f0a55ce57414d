using System;
using System.Globalization;

namespace PortalIo.Signing
{
    /// <summary>
    /// The X-MSS-CUSTOM-DATE value: UTC in RFC 7231 form (<c>Mon, 06 Apr 2026 00:22:19 GMT</c>).
    /// Formatted with the invariant culture because a user's current culture (de-DE, ar-SA with
    /// its Hijri calendar, th-TH with its Buddhist era) would otherwise change day names, month
    /// names or even the year, and the server would reject every signature.
    /// </summary>
    internal static class PortalDate
    {
        public static string Format(DateTimeOffset instant) =>
            instant.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

        public static string Now() => Format(DateTimeOffset.UtcNow);

        /// <summary>Parses an RFC 7231 date as sent by a server in its Date header.</summary>
        public static bool TryParse(string? value, out DateTimeOffset instant) =>
            DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }
}
