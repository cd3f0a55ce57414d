using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PortalIo.Sandbox.Security
{
    /// <summary>
    /// The server side of the Portal.io HMAC scheme, written independently of the module's signer
    /// so that a bug there cannot be mirrored (and masked) here. It reproduces the documented
    /// asymmetries: the query string is never signed, and the Content-Type is signed only for non-GET.
    /// </summary>
    internal sealed class SignatureVerifier
    {
        /// <summary>Allowed clock difference between the X-MSS-CUSTOM-DATE value and the server clock.</summary>
        public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

        private readonly byte[] _secretKeyBytes;

        public SignatureVerifier(string secretKey)
        {
            // The secret is used as its literal ASCII text, never Base64-decoded (see docs/api-decisions.md, 'Signing').
            _secretKeyBytes = Encoding.ASCII.GetBytes(secretKey);
        }

        /// <summary>METHOD + scheme://host[:port]/path + (non-GET: Content-Type) + date + user key, no separators.</summary>
        public static string BuildCanonicalMessage(string method, string urlWithoutQuery, string? contentType, string date, string userKey)
        {
            var builder = new StringBuilder();
            builder.Append(method);
            builder.Append(urlWithoutQuery);
            if (!string.Equals(method, "GET", StringComparison.Ordinal))
                builder.Append(contentType ?? "");
            builder.Append(date);
            builder.Append(userKey);
            return builder.ToString();
        }

        public string ComputeSignature(string canonicalMessage)
        {
            using (var hmac = new HMACSHA256(_secretKeyBytes))
            {
                return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(canonicalMessage)));
            }
        }

        public bool IsValid(string canonicalMessage, string providedSignature) =>
            FixedTimeEquals(ComputeSignature(canonicalMessage), providedSignature);

        /// <summary>True when the date is RFC 7231 ("r" format) and within the allowed skew of now.</summary>
        public static bool IsDateAcceptable(string date, DateTime nowUtc)
        {
            if (!DateTime.TryParseExact(date, "r", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var sent))
                return false;
            var difference = sent - nowUtc;
            return difference.Duration() <= AllowedClockSkew;
        }

        /// <summary>Constant-time comparison (netstandard2.0 lacks CryptographicOperations.FixedTimeEquals).</summary>
        private static bool FixedTimeEquals(string expected, string provided)
        {
            var a = Encoding.UTF8.GetBytes(expected);
            var b = Encoding.UTF8.GetBytes(provided);
            int difference = a.Length ^ b.Length;
            for (int i = 0; i < a.Length; i++)
                difference |= a[i] ^ (b.Length == 0 ? 0 : b[i % b.Length]);
            return difference == 0;
        }
    }
}
