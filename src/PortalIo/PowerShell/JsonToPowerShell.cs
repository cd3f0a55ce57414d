using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// JSON to what PowerShell users expect from a REST call: PSCustomObjects, arrays and plain
    /// values. What a PSCustomObject cannot carry (a property with an empty name, two names that
    /// differ only in case, a string that is not valid UTF-8) is a <see cref="FormatException"/>
    /// naming the place, which the caller reports as an invalid response: never a terminating error.
    /// </summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element) => Convert(element, "$");

        private static object? Convert(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject())
                    {
                        var name = Text(property, path);
                        if (name.Length == 0)
                            throw new FormatException("the JSON has a property with an empty name in " + path + ", which a PowerShell object cannot carry");
                        if (!names.Add(name))
                            throw new FormatException("the JSON has the property '" + name + "' twice in " + path + " (PowerShell property names ignore case)");
                        result.Properties.Add(new PSNoteProperty(name, Convert(property.Value, path + "." + name)));
                    }
                    return result;
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    var index = 0;
                    foreach (var item in element.EnumerateArray()) items.Add(Convert(item, path + "[" + index++ + "]"));
                    return items.ToArray();
                case JsonValueKind.String:
                    try
                    {
                        return element.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        throw new FormatException("the JSON has a string at " + path + " that is not valid UTF-8");
                    }
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

        private static string Text(JsonProperty property, string path)
        {
            try
            {
                return property.Name;
            }
            catch (InvalidOperationException)
            {
                throw new FormatException("the JSON has a property name in " + path + " that is not valid UTF-8");
            }
        }
    }
}
