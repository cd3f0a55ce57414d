using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Journal
{
    /// <summary>
    /// A request body as the journal keeps it: parsed into plain .NET values a test can assert on
    /// (see SandboxRequestRecord.ParsedBody), and as redacted text cut to <see cref="MaxTextChars"/>.
    /// </summary>
    internal sealed class RecordedBody
    {
        public const int MaxTextChars = 64 * 1024;

        private RecordedBody(SandboxBodyKind kind, object? parsed, string text)
        {
            Kind = kind;
            Parsed = parsed;
            Text = text.Length > MaxTextChars ? text.Substring(0, MaxTextChars) : text;
        }

        public SandboxBodyKind Kind { get; }
        public object? Parsed { get; }
        public string Text { get; }

        public static RecordedBody Read(string? contentType, string text, byte[] bytes, SecretRedactor redactor)
        {
            if (bytes.Length == 0) return new RecordedBody(SandboxBodyKind.None, null, "");
            var mediaType = (contentType ?? "").Split(';')[0].Trim();
            if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                var form = UrlEncoding.Parse(text, strict: true);
                var redactedText = redactor.RedactUrlEncoded(text);
                return form == null
                    ? new RecordedBody(SandboxBodyKind.Unparsed, null, redactedText)
                    : new RecordedBody(SandboxBodyKind.Form, Fields(redactor.Redact(form), null), redactedText);
            }
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
                return ReadJson(text, redactor);
            if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var multipart = MultipartForm.Parse(contentType, bytes);
                if (multipart == null) return new RecordedBody(SandboxBodyKind.Unparsed, null, redactor.Scrub(text));
                var hasPassword = multipart.Fields.Entries.Any(e => SecretRedactor.IsPasswordField(e.Key));
                return new RecordedBody(SandboxBodyKind.Multipart, Fields(redactor.Redact(multipart.Fields), multipart.Files),
                    hasPassword ? "(multipart body withheld: it has a Password field)" : redactor.Scrub(text));
            }
            return new RecordedBody(SandboxBodyKind.Unparsed, null, redactor.Scrub(text));
        }

        /// <summary>One value per name, a list where the name repeats, files as <see cref="SandboxUploadedFile"/>.</summary>
        private static IReadOnlyDictionary<string, object?> Fields(IReadOnlyDictionary<string, IReadOnlyList<string>> fields, IEnumerable<UploadedFile>? files)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in fields)
                result[field.Key] = field.Value.Count == 1 ? (object)field.Value[0] : field.Value;
            foreach (var group in (files ?? Enumerable.Empty<UploadedFile>()).GroupBy(f => f.FieldName, StringComparer.OrdinalIgnoreCase))
            {
                var summaries = group.Select(f => new SandboxUploadedFile(f.FileName, f.ContentType, f.Content.LongLength)).ToArray();
                result[group.Key] = summaries.Length == 1 ? (object)summaries[0] : summaries;
            }
            return result;
        }

        private static RecordedBody ReadJson(string text, SecretRedactor redactor)
        {
            try
            {
                using (var document = JsonDocument.Parse(text))
                {
                    var sawPassword = false;
                    var parsed = Convert(document.RootElement, redactor, ref sawPassword);
                    // A password inside a JSON body would otherwise survive in the text: the text is rewritten from the redacted values.
                    return new RecordedBody(SandboxBodyKind.Json, parsed, sawPassword ? Serialize(parsed) : redactor.Scrub(text));
                }
            }
            catch (JsonException)
            {
                return new RecordedBody(SandboxBodyKind.Unparsed, null, redactor.Scrub(text));
            }
        }

        private static object? Convert(JsonElement element, SecretRedactor redactor, ref bool sawPassword)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        if (SecretRedactor.IsPasswordField(property.Name))
                        {
                            sawPassword = true;
                            map[property.Name] = SecretRedactor.Mask;
                        }
                        else
                        {
                            map[redactor.Scrub(property.Name)] = Convert(property.Value, redactor, ref sawPassword);
                        }
                    }
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray()) list.Add(Convert(item, redactor, ref sawPassword));
                    return list;
                case JsonValueKind.String: return redactor.Scrub(element.GetString() ?? "");
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Null: return null;
                default:
                    if (element.TryGetInt64(out var whole)) return whole;
                    if (element.TryGetDecimal(out var exact)) return exact;
                    // Beyond double as well (1e400): the number as written.
                    return element.TryGetDouble(out var approximate) ? approximate : (object)element.GetRawText();
            }
        }

        private static string Serialize(object? value)
        {
            using (var stream = new System.IO.MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    Write(writer, value);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case long l: writer.WriteNumberValue(l); break;
                case decimal m: writer.WriteNumberValue(m); break;
                case double d: writer.WriteNumberValue(d); break;
                case Dictionary<string, object?> map:
                    writer.WriteStartObject();
                    foreach (var entry in map)
                    {
                        writer.WritePropertyName(entry.Key);
                        Write(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case List<object?> list:
                    writer.WriteStartArray();
                    foreach (var item in list) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default: writer.WriteStringValue(System.Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
