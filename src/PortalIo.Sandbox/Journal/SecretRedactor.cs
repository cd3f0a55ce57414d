using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Journal
{
    /// <summary>
    /// Keeps secrets out of the journal. The exchange password travels as a query parameter named
    /// Password, so every value of a field with that name (query, form, multipart or JSON) becomes
    /// "***". And a client bug can put a secret anywhere: every known secret (the secret key, every
    /// login's user key and password), raw or URL-encoded, is replaced by "***" in the text kept.
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const string Mask = "***";
        public const string PasswordField = "Password";

        private readonly string[] _secrets;

        public SecretRedactor(IEnumerable<string> secrets)
        {
            var all = new List<string>();
            foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal))
            {
                all.Add(secret);
                var escaped = Uri.EscapeDataString(secret);
                if (escaped != secret) all.Add(escaped);
                var formEscaped = escaped.Replace("%20", "+");
                if (formEscaped != escaped) all.Add(formEscaped);
            }
            // Longest first, so that a secret containing another is masked whole.
            _secrets = all.OrderByDescending(s => s.Length).ToArray();
        }

        public static bool IsPasswordField(string name) => string.Equals(name, PasswordField, StringComparison.OrdinalIgnoreCase);

        /// <summary>Every known secret in <paramref name="text"/> replaced by the mask (escapes compared case-insensitively).</summary>
        public string Scrub(string text)
        {
            if (text.Length == 0) return text;
            foreach (var secret in _secrets)
            {
                var comparison = secret.IndexOf('%') >= 0 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                int at = text.IndexOf(secret, comparison);
                while (at >= 0)
                {
                    text = text.Substring(0, at) + Mask + text.Substring(at + secret.Length);
                    at = text.IndexOf(secret, at + Mask.Length, comparison);
                }
            }
            return text;
        }

        /// <summary>A raw query or form body with every Password value masked, then scrubbed.</summary>
        public string RedactUrlEncoded(string raw)
        {
            if (raw.Length == 0) return raw;
            var pairs = raw.Split('&');
            for (int i = 0; i < pairs.Length; i++)
            {
                int eq = pairs[i].IndexOf('=');
                var rawKey = eq < 0 ? pairs[i] : pairs[i].Substring(0, eq);
                if (IsPasswordField(UrlEncoding.Decode(rawKey, strict: false) ?? rawKey)) pairs[i] = rawKey + "=" + Mask;
            }
            return Scrub(string.Join("&", pairs));
        }

        /// <summary>Decoded parameters as the journal shows them: values listed per name, Password masked, secrets scrubbed.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Redact(ParameterBag parameters)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in parameters.Entries)
                result[Scrub(entry.Key)] = entry.Value.Select(v => IsPasswordField(entry.Key) ? Mask : Scrub(v)).ToArray();
            return result;
        }
    }
}
