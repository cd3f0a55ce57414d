using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PortalIo.Models
{
    /// <summary>
    /// JSON the module has no model for, as values any .NET caller (and PowerShell) handles natively:
    /// string, long, decimal (double beyond its range), bool, null, <see cref="JsonFields"/> and
    /// <see cref="JsonValues"/>; never a JsonElement, whose text is a type name and whose
    /// properties are its ValueKind.
    /// </summary>
    internal static class PlainJson
    {
        public static object? From(object? value) => value is JsonElement element ? From(element) : value;

        public static object? From(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object: return JsonFields.Of(element);
                case JsonValueKind.Array: return JsonValues.Of(element);
                case JsonValueKind.String: return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var whole)) return whole;
                    if (element.TryGetDecimal(out var exact)) return exact;
                    return element.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        /// <summary>Plain values as compact JSON text.</summary>
        public static string Text(object? value)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
                Write(writer, value);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case long whole: writer.WriteNumberValue(whole); break;
                case decimal exact: writer.WriteNumberValue(exact); break;
                case double real: writer.WriteNumberValue(real); break;
                case IDictionary fields:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry pair in fields)
                    {
                        writer.WritePropertyName(pair.Key.ToString());
                        Write(writer, pair.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default: writer.WriteStringValue(System.Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
