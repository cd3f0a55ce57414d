using System.Collections.Generic;
using System.Globalization;

namespace PortalIo.Api
{
    /// <summary>How values are written into paths, query strings and form fields: invariant culture, always.</summary>
    internal static class Wire
    {
        public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Text(bool value) => value ? "true" : "false";

        public static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
