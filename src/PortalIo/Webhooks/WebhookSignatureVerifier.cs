using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace PortalIo.Webhooks
{
    /// <summary>The outcome of verifying one delivery.</summary>
    internal sealed class WebhookSignatureResult
    {
        internal WebhookSignatureResult(bool isValid, string reason, DateTimeOffset? timestamp)
        {
            IsValid = isValid;
            Reason = reason;
            Timestamp = timestamp;
        }

        public bool IsValid { get; }

        /// <summary>Why the delivery was refused (or "valid").</summary>
        public string Reason { get; }

        /// <summary>The header's t, when it could be read.</summary>
        public DateTimeOffset? Timestamp { get; }

        public override string ToString() => IsValid ? "valid" : "invalid: " + Reason;
    }

    /// <summary>The parts of an X-Webhook-Signature header value: t=unix seconds, v1=hex (one or more).</summary>
    internal sealed class WebhookSignatureHeader
    {
        internal WebhookSignatureHeader(long timestamp, string timestampText, IReadOnlyList<byte[]> signatures)
        {
            Timestamp = timestamp;
            TimestampText = timestampText;
            Signatures = signatures;
        }

        public long Timestamp { get; }

        /// <summary>t exactly as it appears in the header: it is what was signed.</summary>
        public string TimestampText { get; }

        /// <summary>The decoded v1 values (a header may carry several, e.g. during a key rotation).</summary>
        public IReadOnlyList<byte[]> Signatures { get; }
    }

    /// <summary>
    /// Verifies Portal.io webhook deliveries (see docs/api-decisions.md, 'Webhook signatures'). Pure functions, no I/O:
    /// message = t + "." + raw body bytes; v1 = hex(HMAC-SHA256(key = UTF-8 bytes of the
    /// subscription's secretKey, message)), compared case-insensitively (it is compared as decoded
    /// bytes) and in constant time; t must be within the tolerance of now, both ways.
    /// </summary>
    internal static class WebhookSignatureVerifier
    {
        public const string HeaderName = "X-Webhook-Signature";

        /// <summary>The documented replay window.</summary>
        public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

        private const int HashBytes = 32;

        /// <summary>Verifies a delivery. A malformed header throws <see cref="FormatException"/> (with what is wrong).</summary>
        public static WebhookSignatureResult Verify(byte[] rawBody, string signatureHeader, string secretKey, DateTimeOffset now, TimeSpan tolerance)
        {
            if (rawBody is null) throw new ArgumentNullException(nameof(rawBody));
            if (secretKey is null) throw new ArgumentNullException(nameof(secretKey));
            if (tolerance < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(tolerance), "The tolerance cannot be negative.");
            var header = ParseHeader(signatureHeader);

            DateTimeOffset timestamp;
            try
            {
                timestamp = DateTimeOffset.FromUnixTimeSeconds(header.Timestamp);
            }
            catch (ArgumentOutOfRangeException)
            {
                return new WebhookSignatureResult(false, "the timestamp t=" + header.TimestampText + " is not a valid date", null);
            }

            // The signature first: a replayed delivery with a valid signature and a forged one are both
            // refused, but the reason should name the more serious problem.
            var expected = ComputeSignature(secretKey, header.TimestampText, rawBody);
            var matched = false;
            foreach (var candidate in header.Signatures)
                matched |= FixedTimeEquals(expected, candidate);
            if (!matched)
                return new WebhookSignatureResult(false, "the signature does not match the body (wrong secret key, or a body that was changed or re-serialized)", timestamp);

            var age = now - timestamp;
            if (age > tolerance)
                return new WebhookSignatureResult(false, "the timestamp is " + Describe(age) + " old, more than the tolerance of " + Describe(tolerance) + " (a replayed or long-delayed delivery)", timestamp);
            if (-age > tolerance)
                return new WebhookSignatureResult(false, "the timestamp is " + Describe(-age) + " in the future, more than the tolerance of " + Describe(tolerance) + " (check this computer's clock)", timestamp);
            return new WebhookSignatureResult(true, "valid", timestamp);
        }

        /// <summary>Parses "t=…,v1=…" (order free, spaces allowed, other schemes such as v0 ignored).</summary>
        /// <exception cref="FormatException">The header is empty, has no t or no v1, or one of them is malformed.</exception>
        public static WebhookSignatureHeader ParseHeader(string signatureHeader)
        {
            if (string.IsNullOrWhiteSpace(signatureHeader))
                throw new FormatException("The signature header is empty; it must look like 't=1710000000,v1=<64 hex digits>'.");
            string? timestampText = null;
            var signatures = new List<byte[]>();
            foreach (var rawPart in signatureHeader.Split(','))
            {
                var part = rawPart.Trim();
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=');
                if (eq <= 0)
                    throw new FormatException("The signature header has an element without 'name=value' ('" + Shorten(part) + "'); it must look like 't=1710000000,v1=<64 hex digits>'.");
                var name = part.Substring(0, eq).Trim();
                var value = part.Substring(eq + 1).Trim();
                if (name == "t")
                {
                    if (timestampText != null) throw new FormatException("The signature header has more than one t.");
                    if (value.Length == 0 || value.Length > 18 || !IsDigits(value))
                        throw new FormatException("The signature header's t ('" + Shorten(value) + "') is not a number of seconds since 1970-01-01 (Unix time).");
                    timestampText = value;
                }
                else if (name == "v1")
                {
                    signatures.Add(DecodeHex(value) ?? throw new FormatException(
                        "The signature header's v1 ('" + Shorten(value) + "') is not " + HashBytes * 2 + " hexadecimal digits (an HMAC-SHA256 in hex)."));
                }
            }
            if (timestampText is null) throw new FormatException("The signature header has no timestamp (t=…); it must look like 't=1710000000,v1=<64 hex digits>'.");
            if (signatures.Count == 0) throw new FormatException("The signature header has no signature (v1=…); it must look like 't=1710000000,v1=<64 hex digits>'.");
            return new WebhookSignatureHeader(long.Parse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture), timestampText, signatures);
        }

        /// <summary>HMAC-SHA256(UTF-8 bytes of the secret, t + "." + body).</summary>
        public static byte[] ComputeSignature(string secretKey, string timestamp, byte[] rawBody)
        {
            var key = Encoding.UTF8.GetBytes(secretKey);
            var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
            var message = new byte[prefix.Length + rawBody.Length];
            Buffer.BlockCopy(prefix, 0, message, 0, prefix.Length);
            Buffer.BlockCopy(rawBody, 0, message, prefix.Length, rawBody.Length);
            try
            {
                using (var hmac = new HMACSHA256(key)) return hmac.ComputeHash(message);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        /// <summary>The lower-case hex v1 a sender would put in the header.</summary>
        public static string ComputeSignatureHex(string secretKey, string timestamp, byte[] rawBody)
        {
            var hash = ComputeSignature(secretKey, timestamp, rawBody);
            var hex = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        /// <summary>
        /// Compares in time that depends only on the lengths, never on where the first difference is
        /// (what CryptographicOperations.FixedTimeEquals does on newer frameworks, which netstandard2.0 lacks).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        public static bool FixedTimeEquals(byte[] left, byte[] right)
        {
            if (left is null) throw new ArgumentNullException(nameof(left));
            if (right is null) throw new ArgumentNullException(nameof(right));
            if (left.Length != right.Length) return false;
            var difference = 0;
            for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
            return difference == 0;
        }

        /// <summary>Hex in either case to bytes; null unless exactly 64 hex digits.</summary>
        internal static byte[]? DecodeHex(string hex)
        {
            if (hex.Length != HashBytes * 2) return null;
            var bytes = new byte[HashBytes];
            for (var i = 0; i < bytes.Length; i++)
            {
                var high = HexValue(hex[2 * i]);
                var low = HexValue(hex[2 * i + 1]);
                if (high < 0 || low < 0) return null;
                bytes[i] = (byte)((high << 4) | low);
            }
            return bytes;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text) if (c < '0' || c > '9') return false;
            return true;
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";

        private static string Describe(TimeSpan span)
        {
            if (span.TotalSeconds < 120) return ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
            if (span.TotalMinutes < 120) return ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min";
            if (span.TotalHours < 48) return ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + " h";
            return ((long)span.TotalDays).ToString(CultureInfo.InvariantCulture) + " days";
        }
    }
}
