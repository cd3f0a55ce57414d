using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PortalIo.Models
{
    /// <summary>
    /// A JSON object the module has no model for, as plain values in the API's order: names are
    /// case-insensitive as in PowerShell, and its text (in a CSV cell, or "$value") is the compact
    /// JSON, never a type name.
    /// </summary>
    internal sealed class JsonFields : Dictionary<string, object?>
    {
        public JsonFields()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        /// <summary>The fields of a JSON object, each as a plain value.</summary>
        internal static JsonFields Of(JsonElement element)
        {
            var fields = new JsonFields();
            foreach (var property in element.EnumerateObject()) fields[property.Name] = PlainJson.From(property.Value);
            return fields;
        }

        /// <summary>The serializer's extension data (JsonElement values) as plain values; null when empty.</summary>
        internal static JsonFields? From(IDictionary<string, object?>? extension)
        {
            if (extension is null || extension.Count == 0) return null;
            if (extension is JsonFields done) return done;
            var fields = new JsonFields();
            foreach (var pair in extension) fields[pair.Key] = PlainJson.From(pair.Value);
            return fields;
        }

        public override string ToString() => PlainJson.Text(this);
    }
}
