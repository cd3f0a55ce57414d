using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PortalIo.Sandbox.Fixtures
{
    /// <summary>
    /// One JSON object of a fixture, read strictly: property names match case-insensitively (a
    /// hand-written or ConvertTo-Json fixture may use any case), a value of the wrong type or a name
    /// the format does not have is an error, and every error names where it is
    /// (e.g. "proposals[2].areas[0].name"), so a typo never silently becomes a default.
    /// </summary>
    internal sealed class FixtureNode
    {
        private readonly Dictionary<string, JsonProperty> _properties = new Dictionary<string, JsonProperty>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private FixtureNode(JsonElement element, string path)
        {
            Path = path;
            if (element.ValueKind != JsonValueKind.Object) throw Error(path, "expected an object, got " + Describe(element) + ".");
            foreach (var property in element.EnumerateObject())
            {
                if (_properties.ContainsKey(property.Name)) throw Error(Join(path, property.Name), "the property is given twice.");
                _properties[property.Name] = property;
            }
        }

        public string Path { get; }

        public static FixtureNode Root(JsonElement element) => new FixtureNode(element, "");

        public static FormatException Error(string path, string message) =>
            new FormatException("Sandbox data" + (path.Length == 0 ? "" : ", " + path) + ": " + message);

        public FormatException Fail(string property, string message) => Error(Join(Path, property), message);

        /// <summary>True when the property is there, even as null (absent and null can mean different things).</summary>
        public bool IsPresent(string name)
        {
            _read.Add(name);
            return _properties.ContainsKey(name);
        }

        public int Id(string name = "id")
        {
            var value = OptionalInt(name) ?? throw Fail(name, "is required.");
            if (value < 1) throw Fail(name, "must be a positive whole number; got " + value + ".");
            return value;
        }

        public int? OptionalInt(string name)
        {
            var element = Take(name);
            if (element == null) return null;
            if (element.Value.ValueKind != JsonValueKind.Number || !element.Value.TryGetInt32(out var value))
                throw Fail(name, "expected a whole number, got " + Describe(element.Value) + ".");
            return value;
        }

        public long? OptionalLong(string name)
        {
            var element = Take(name);
            if (element == null) return null;
            if (element.Value.ValueKind != JsonValueKind.Number || !element.Value.TryGetInt64(out var value))
                throw Fail(name, "expected a whole number, got " + Describe(element.Value) + ".");
            return value;
        }

        public string String(string name, string fallback) => NullableString(name) ?? fallback;

        public string? NullableString(string name)
        {
            var element = Take(name);
            if (element == null) return null;
            if (element.Value.ValueKind != JsonValueKind.String) throw Fail(name, "expected a string, got " + Describe(element.Value) + ".");
            return element.Value.GetString();
        }

        public string RequiredString(string name)
        {
            var value = NullableString(name);
            if (string.IsNullOrWhiteSpace(value)) throw Fail(name, "is required and must not be empty.");
            return value!;
        }

        /// <summary>One of <paramref name="allowed"/> (any case), returned as spelled there.</summary>
        public string Choice(string name, IReadOnlyList<string> allowed, string fallback)
        {
            var value = NullableString(name);
            if (value == null) return fallback;
            return allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
                   ?? throw Fail(name, "'" + value + "' is not one of: " + string.Join(", ", allowed) + ".");
        }

        public bool Bool(string name, bool fallback)
        {
            var element = Take(name);
            if (element == null) return fallback;
            if (element.Value.ValueKind == JsonValueKind.True) return true;
            if (element.Value.ValueKind == JsonValueKind.False) return false;
            throw Fail(name, "expected true or false, got " + Describe(element.Value) + ".");
        }

        public decimal Decimal(string name, decimal fallback)
        {
            var element = Take(name);
            if (element == null) return fallback;
            if (element.Value.ValueKind != JsonValueKind.Number || !element.Value.TryGetDecimal(out var value))
                throw Fail(name, "expected a number, got " + Describe(element.Value) + ".");
            return value;
        }

        public DateTime Date(string name, DateTime fallback) => NullableDate(name) ?? fallback;

        /// <summary>An ISO 8601 date and time; without an offset it is taken as UTC.</summary>
        public DateTime? NullableDate(string name)
        {
            var text = NullableString(name);
            if (text == null) return null;
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
                throw Fail(name, "'" + text + "' is not a date and time (write it like 2026-04-01T09:30:00Z).");
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        public IReadOnlyList<FixtureNode> Objects(string name)
        {
            var element = Take(name);
            if (element == null) return new FixtureNode[0];
            if (element.Value.ValueKind != JsonValueKind.Array) throw Fail(name, "expected an array, got " + Describe(element.Value) + ".");
            var path = Join(Path, name);
            return element.Value.EnumerateArray().Select((e, i) => new FixtureNode(e, path + "[" + i + "]")).ToList();
        }

        public IReadOnlyList<string> Strings(string name)
        {
            var element = Take(name);
            if (element == null) return new string[0];
            if (element.Value.ValueKind != JsonValueKind.Array) throw Fail(name, "expected an array of strings, got " + Describe(element.Value) + ".");
            var result = new List<string>();
            foreach (var item in element.Value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String) throw Fail(name, "expected an array of strings; one item is " + Describe(item) + ".");
                result.Add(item.GetString()!);
            }
            return result;
        }

        /// <summary>Call after reading every property the format has: any other one is a mistake worth naming.</summary>
        public void EnsureNoOtherProperties()
        {
            var unknown = _properties.Keys.Where(k => !_read.Contains(k)).ToList();
            if (unknown.Count > 0)
                throw Fail(unknown[0], "is not a property of this object (known: " + string.Join(", ", _read.OrderBy(k => k, StringComparer.Ordinal)) + "). See docs/sandbox-fixture.md.");
        }

        private JsonElement? Take(string name)
        {
            _read.Add(name);
            if (!_properties.TryGetValue(name, out var property) || property.Value.ValueKind == JsonValueKind.Null) return null;
            return property.Value;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

        private static string Describe(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: return "the string \"" + Shorten(element.GetString() ?? "") + "\"";
                case JsonValueKind.Number: return "the number " + element.GetRawText();
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.Object: return "an object";
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                default: return "null";
            }
        }

        private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "…" : text;
    }
}
