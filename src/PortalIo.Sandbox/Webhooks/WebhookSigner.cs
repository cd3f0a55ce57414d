using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PortalIo.Sandbox.Webhooks
{
    /// <summary>
    /// X-Webhook-Signature as documented: t=unix seconds, v1=hex HMAC-SHA256 of t + "." + raw body,
    /// keyed with the subscription's secretKey. The documentation leaves the key encoding and hex
    /// case open: the emulator uses the UTF-8 bytes of the key string and lower-case hex (see
    /// docs/api-decisions.md, 'Webhook signatures').
    /// </summary>
    internal static class WebhookSigner
    {
        public const string HeaderName = "X-Webhook-Signature";

        public static string Header(string secretKey, long unixSeconds, string rawBody)
        {
            var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
            return "t=" + t + ",v1=" + HexHmac(secretKey, t + "." + rawBody);
        }

        public static string HexHmac(string secretKey, string message)
        {
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey)))
            {
                var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
                var hex = new StringBuilder(hash.Length * 2);
                foreach (var b in hash) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                return hex.ToString();
            }
        }
    }
}
