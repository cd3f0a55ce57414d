using System;
using System.Security.Cryptography;
using System.Text;

namespace PortalIo.Signing
{
    /// <summary>
    /// Base64(HMAC-SHA256(key = ASCII bytes of the Secret Key string, message = canonical message)).
    /// The secret is used as the literal string: it looks like Base64 but must not be decoded.
    /// An instance holds the key material privately and is safe to share between threads.
    /// </summary>
    internal sealed class RequestSigner
    {
        private readonly byte[] _key;

        // HMACSHA256 instances are not thread-safe; one per thread per signer avoids both locking
        // and the cost of re-keying for every request.
        [ThreadStatic] private static HMACSHA256? t_hmac;
        [ThreadStatic] private static byte[]? t_hmacKey;
        [ThreadStatic] private static byte[]? t_buffer;
        private const int MaxPooledBuffer = 16 * 1024;

        public RequestSigner(string secretKey)
        {
            if (string.IsNullOrEmpty(secretKey))
                throw new ArgumentException("The secret key is empty.", nameof(secretKey));
            _key = Encoding.ASCII.GetBytes(secretKey);
        }

        public string Sign(string canonicalMessage)
        {
            if (canonicalMessage is null) throw new ArgumentNullException(nameof(canonicalMessage));
            var hmac = t_hmac;
            if (hmac is null || !ReferenceEquals(t_hmacKey, _key))
            {
                hmac?.Dispose();
                hmac = t_hmac = new HMACSHA256(_key);
                t_hmacKey = _key;
            }
            // The message bytes go into a per-thread buffer that is reused: per signature only the
            // hash and the Base64 string are allocated (see bench/, scenario signing).
            var buffer = t_buffer;
            var needed = Encoding.UTF8.GetMaxByteCount(canonicalMessage.Length);
            if (buffer is null || buffer.Length < needed)
            {
                if (needed > MaxPooledBuffer) return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(canonicalMessage)));
                buffer = t_buffer = new byte[Math.Max(needed, 512)];
            }
            var count = Encoding.UTF8.GetBytes(canonicalMessage, 0, canonicalMessage.Length, buffer, 0);
            return Convert.ToBase64String(hmac.ComputeHash(buffer, 0, count));
        }

        public static string Sign(string secretKey, string canonicalMessage) =>
            new RequestSigner(secretKey).Sign(canonicalMessage);

        public override string ToString() => "RequestSigner";
    }
}
