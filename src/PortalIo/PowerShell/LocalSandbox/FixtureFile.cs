using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text;
using System.Text.Json;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>
    /// A sandbox fixture file as JSON text (the sandbox's format, docs/sandbox-fixture.md). A .psd1
    /// file is read as Import-PowerShellDataFile reads one: parsed, never run; its first hashtable is
    /// taken, and anything but constants (a variable, a command, a script block) is refused. The
    /// hashtable is then written as the same JSON document, so the fixture's rules and error
    /// messages are the same in both shapes.
    /// </summary>
    internal static class FixtureFile
    {
        /// <exception cref="FormatException">The file is not a data file (the message says where and why).</exception>
        /// <exception cref="IOException">It cannot be read.</exception>
        public static string ReadAsJson(string path)
        {
            if (!string.Equals(Path.GetExtension(path), ".psd1", StringComparison.OrdinalIgnoreCase))
                return File.ReadAllText(path, Encoding.UTF8);

            var ast = Parser.ParseFile(path, out _, out var errors);
            if (errors.Length > 0)
            {
                var first = errors[0];
                throw new FormatException("It is not a valid PowerShell data file: line " + first.Extent.StartLineNumber.ToString(CultureInfo.InvariantCulture)
                    + ", column " + first.Extent.StartColumnNumber.ToString(CultureInfo.InvariantCulture) + ": " + first.Message);
            }
            if (!(ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) is HashtableAst table))
                throw new FormatException("It holds no hashtable: a .psd1 fixture is one @{ ... } with the properties of the JSON format.");
            object? value;
            try
            {
                value = table.SafeGetValue();
            }
            catch (InvalidOperationException e)
            {
                throw new FormatException("It may hold only constants (strings, numbers, $true, $false, $null, @(...) and @{...}): " + e.Message, e);
            }
            return JsonSerializer.Serialize(ToJsonValue(value, "fixture"), new JsonSerializerOptions { WriteIndented = false });
        }

        /// <summary>Hashtables and arrays as dictionaries and lists; constants as they are; anything else is refused, naming its place.</summary>
        private static object? ToJsonValue(object? value, string place)
        {
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                case int _:
                case long _:
                case double _:
                case decimal _:
                    return value;
                case IDictionary table:
                    var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in table)
                    {
                        var name = entry.Key as string ?? throw new FormatException(place + ": the key " + entry.Key + " is not a string.");
                        fields[name] = ToJsonValue(entry.Value, place + "." + name);
                    }
                    return fields;
                case IEnumerable items:
                    return items.Cast<object?>().Select((item, i) => ToJsonValue(item, place + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")).ToList();
                default:
                    throw new FormatException(place + ": a " + value.GetType().Name + " is not data; use a string, a number, $true, $false, $null, @(...) or @{...}.");
            }
        }
    }
}
