using System;
using System.Collections.Generic;

namespace PortalIo.Sandbox.Http
{
    /// <summary>
    /// Query or form parameters. Keys match case-insensitively (as ServiceStack binds them) and
    /// may repeat (Statuses=Draft&amp;Statuses=Submitted).
    /// </summary>
    internal sealed class ParameterBag
    {
        private readonly Dictionary<string, List<string>> _values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        public static readonly ParameterBag Empty = new ParameterBag();

        public void Add(string key, string value)
        {
            if (!_values.TryGetValue(key, out var list))
            {
                list = new List<string>();
                _values[key] = list;
            }
            list.Add(value);
        }

        public bool Contains(string key) => _values.ContainsKey(key);

        /// <summary>The first value, or null when the key is absent.</summary>
        public string? Get(string key) => _values.TryGetValue(key, out var list) && list.Count > 0 ? list[0] : null;

        /// <summary>Every name with its values, in the order the names first appeared.</summary>
        public IEnumerable<KeyValuePair<string, List<string>>> Entries => _values;

        public IReadOnlyList<string> GetAll(string key) =>
            _values.TryGetValue(key, out var list) ? (IReadOnlyList<string>)list : new string[0];
    }
}
