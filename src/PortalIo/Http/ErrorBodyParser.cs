using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PortalIo.Http
{
    /// <summary>
    /// Reads an error body in either of the shapes Portal.io uses (see docs/api-decisions.md,
    /// 'Error bodies'): a structured
    /// <c>{"responseStatus":{"errorCode","message","errors":[...]}}</c> object, or a bare string
    /// (a JSON string such as the 401 signature message, or plain text such as "Bad Request").
    /// Anything else (HTML from a proxy, truncated JSON) falls back to a short, readable excerpt.
    /// </summary>
    internal static class ErrorBodyParser
    {
        private const int MaxExcerpt = 300;

        public static ParsedError Parse(byte[] body, int statusCode) =>
            Parse(body is null || body.Length == 0 ? string.Empty : Encoding.UTF8.GetString(body), statusCode);

        public static ParsedError Parse(string body, int statusCode)
        {
            var text = (body ?? string.Empty).Trim();
            if (text.Length == 0)
                return ParsedError.EmptyBody(statusCode);

            if (text[0] == '{' || text[0] == '"')
            {
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    var root = doc.RootElement;
                    if (root.ValueKind == JsonValueKind.String)
                        return new ParsedError(root.GetString() ?? string.Empty, null, null);
                    if (root.ValueKind == JsonValueKind.Object)
                        return FromObject(root, statusCode, text);
                }
                catch (JsonException)
                {
                    // Not JSON after all: fall through to the excerpt.
                }
            }
            return new ParsedError(Excerpt(text), null, null);
        }

        private static ParsedError FromObject(JsonElement root, int statusCode, string text)
        {
            var status = TryGetProperty(root, "responseStatus", out var rs) && rs.ValueKind == JsonValueKind.Object ? rs : root;
            var message = GetString(status, "message") ?? GetString(root, "message");
            var code = GetString(status, "errorCode") ?? GetString(root, "errorCode");
            var fields = new List<PortalFieldError>();
            if (TryGetProperty(status, "errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in errors.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Object) continue;
                    fields.Add(new PortalFieldError(GetString(e, "errorCode"), GetString(e, "fieldName"), GetString(e, "message")));
                }
            }
            if (string.IsNullOrEmpty(message))
                message = fields.Count > 0 ? fields[0].ToString() : code ?? Excerpt(text);
            return new ParsedError(message!, code, fields);
        }

        private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            value = default;
            return false;
        }

        private static string? GetString(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && TryGetProperty(element, name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        private static string Excerpt(string text)
        {
            // An HTML error page from a proxy: its <title> says more than its first 300 characters.
            var start = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
            if (start >= 0)
            {
                var end = text.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
                if (end > start) return text.Substring(start + 7, end - start - 7).Trim();
            }
            var flat = text.Replace('\r', ' ').Replace('\n', ' ');
            return flat.Length <= MaxExcerpt ? flat : flat.Substring(0, MaxExcerpt) + "…";
        }
    }

    internal sealed class ParsedError
    {
        public ParsedError(string message, string? errorCode, IReadOnlyList<PortalFieldError>? fieldErrors)
        {
            Message = message;
            ErrorCode = errorCode;
            FieldErrors = fieldErrors ?? Array.Empty<PortalFieldError>();
        }

        public string Message { get; }
        public string? ErrorCode { get; }
        public IReadOnlyList<PortalFieldError> FieldErrors { get; }

        /// <summary>True when the body was empty (the message only names the status).</summary>
        public bool IsEmpty { get; private set; }

        internal static ParsedError EmptyBody(int statusCode) =>
            new ParsedError(PortalApiException.StatusName(statusCode) + " (empty body)", null, null) { IsEmpty = true };

        /// <summary>The same error with every known secret replaced, in each of its texts.</summary>
        public ParsedError ScrubbedWith(SecretScrubber scrubber)
        {
            if (scrubber.IsEmpty) return this;
            var fields = FieldErrors.Select(f => new PortalFieldError(Scrub(scrubber, f.ErrorCode), Scrub(scrubber, f.FieldName), Scrub(scrubber, f.Message))).ToList();
            return new ParsedError(scrubber.Scrub(Message), Scrub(scrubber, ErrorCode), fields) { IsEmpty = IsEmpty };
        }

        private static string? Scrub(SecretScrubber scrubber, string? text) => text is null ? null : scrubber.Scrub(text);
    }
}
