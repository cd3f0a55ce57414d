using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PortalIo.Http
{
    /// <summary>
    /// Replaces every secret the module knows (secret key, user key, exchange password, a request's
    /// signature) with *** wherever it appears in text meant for people: error messages, field
    /// errors, log lines. A server may echo what it received, and not always as it was sent: each
    /// secret is also looked for percent-encoded (either hex case, space as %20 or '+'),
    /// JSON-escaped and HTML-encoded, ignoring case. Immutable and safe to share between threads.
    /// </summary>
    internal sealed class SecretScrubber
    {
        public const string Mask = "***";

        public static readonly SecretScrubber None = new SecretScrubber(Array.Empty<string>());

        private readonly string[] _secrets;
        private readonly string[] _forms;

        public SecretScrubber(IEnumerable<string?> secrets)
            : this(Array.Empty<string>(), Array.Empty<string>(), secrets)
        {
        }

        private SecretScrubber(string[] secrets, string[] forms, IEnumerable<string?> more)
        {
            var added = more.Where(s => !string.IsNullOrEmpty(s) && Array.IndexOf(secrets, s) < 0).Select(s => s!).Distinct(StringComparer.Ordinal).ToArray();
            _secrets = secrets.Concat(added).ToArray();
            // Longest first, so that a form that contains another is replaced whole.
            _forms = forms.Concat(added.SelectMany(FormsOf)).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(f => f.Length).ToArray();
        }

        public bool IsEmpty => _forms.Length == 0;

        /// <summary>This scrubber with more secrets (the same one when there are none); the forms already known are not computed again.</summary>
        public SecretScrubber With(IEnumerable<string?> more)
        {
            foreach (var secret in more)
            {
                if (!string.IsNullOrEmpty(secret) && Array.IndexOf(_secrets, secret) < 0) return new SecretScrubber(_secrets, _forms, more);
            }
            return this;
        }

        public string Scrub(string? text)
        {
            if (string.IsNullOrEmpty(text) || _forms.Length == 0) return text ?? string.Empty;
            var result = text!;
            foreach (var form in _forms)
            {
                if (result.IndexOf(form, StringComparison.OrdinalIgnoreCase) >= 0) result = ReplaceIgnoringCase(result, form);
            }
            return result;
        }

        private static string ReplaceIgnoringCase(string text, string form)
        {
            var builder = new StringBuilder(text.Length);
            var start = 0;
            for (var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(form, start, StringComparison.OrdinalIgnoreCase))
            {
                builder.Append(text, start, at - start).Append(Mask);
                start = at + form.Length;
            }
            return builder.Append(text, start, text.Length - start).ToString();
        }

        /// <summary>The ways a server may write the secret back.</summary>
        private static IEnumerable<string> FormsOf(string secret)
        {
            yield return secret;
            var query = UrlEncoding.Encode(secret, spaceAsPlus: false);
            var form = UrlEncoding.Encode(secret, spaceAsPlus: true);
            yield return query;
            yield return form;
            yield return Uri.EscapeDataString(secret);
            yield return WebUtility.UrlEncode(secret);
            yield return JsonEncodedText.Encode(secret).ToString();
            yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
            yield return WebUtility.HtmlEncode(secret);
        }
    }
}
