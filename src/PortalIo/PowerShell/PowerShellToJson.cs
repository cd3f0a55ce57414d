using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace PortalIo.PowerShell
{
    /// <summary>Hashtables, PSCustomObjects and arrays from a script, as plain values System.Text.Json can write.</summary>
    internal static class PowerShellToJson
    {
        public static object? Convert(object? value, int depth = 0)
        {
            if (depth > 32) throw new ArgumentException("-Json is nested more than 32 levels deep.");
            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject)
                {
                    var fields = new Dictionary<string, object?>();
                    foreach (var property in ps.Properties) fields[property.Name] = Convert(property.Value, depth + 1);
                    return fields;
                }
                value = ps.BaseObject;
            }
            switch (value)
            {
                case null: return null;
                case string _: return value;
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary) map[entry.Key?.ToString() ?? string.Empty] = Convert(entry.Value, depth + 1);
                    return map;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence) list.Add(Convert(item, depth + 1));
                    return list;
                case Enum e: return e.ToString();
                default: return value;
            }
        }
    }
}
