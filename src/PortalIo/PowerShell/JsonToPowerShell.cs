using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace PortalIo.PowerShell
{
    /// <summary>JSON to what PowerShell users expect from a REST call: PSCustomObjects, arrays and plain values.</summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (var property in element.EnumerateObject())
                        result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                    return result;
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (var item in element.EnumerateArray()) items.Add(Convert(item));
                    return items.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt32(out var i)) return i;
                    if (element.TryGetInt64(out var l)) return l;
                    if (element.TryGetDecimal(out var d)) return d;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
