using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PortalIo.Sandbox.Http
{
    /// <summary>
    /// Writes response JSON by hand rather than through serializer attributes: the wire shape
    /// (camelCase names, two-decimal money, "Z" dates, explicit nulls) is the thing under test.
    /// </summary>
    internal static class JsonOutput
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            // Readable non-ASCII names (e.g. "Lucía") in the wire text; this is API JSON, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static byte[] Write(Action<Utf8JsonWriter> write)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream, WriterOptions))
                {
                    write(writer);
                }
                return stream.ToArray();
            }
        }

        public static string FormatDate(DateTime utc) =>
            DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        public static void WriteDate(this Utf8JsonWriter writer, string name, DateTime utc) =>
            writer.WriteString(name, FormatDate(utc));

        public static void WriteNullableDate(this Utf8JsonWriter writer, string name, DateTime? utc)
        {
            if (utc.HasValue) writer.WriteString(name, FormatDate(utc.Value));
            else writer.WriteNull(name);
        }

        /// <summary>Money always carries two decimals on the wire, as in every documented example.</summary>
        public static void WriteMoney(this Utf8JsonWriter writer, string name, decimal amount)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
        }

        /// <summary>An object of two string properties, e.g. a spec {"name": …, "value": …}.</summary>
        public static void WritePairObject(this Utf8JsonWriter writer, string firstName, string first, string secondName, string second)
        {
            writer.WriteStartObject();
            writer.WriteString(firstName, first);
            writer.WriteString(secondName, second);
            writer.WriteEndObject();
        }

        public static void WriteNullableString(this Utf8JsonWriter writer, string name, string? value)
        {
            if (value == null) writer.WriteNull(name);
            else writer.WriteString(name, value);
        }
    }
}
