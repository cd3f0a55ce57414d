using System.Collections.Generic;
using System.Text.Json;

namespace PortalIo.Models
{
    /// <summary>A JSON array the module has no model for, as plain values; its text is the compact JSON.</summary>
    internal sealed class JsonValues : List<object?>
    {
        public JsonValues()
        {
        }

        internal static JsonValues Of(JsonElement element)
        {
            var values = new JsonValues();
            foreach (var item in element.EnumerateArray()) values.Add(PlainJson.From(item));
            return values;
        }

        public override string ToString() => PlainJson.Text(this);
    }
}
