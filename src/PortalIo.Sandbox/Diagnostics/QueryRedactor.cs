using System;
using System.Linq;

namespace PortalIo.Sandbox.Diagnostics
{
    /// <summary>Removes the exchange password from a raw query before it is logged.</summary>
    internal static class QueryRedactor
    {
        public static string Redact(string rawQuery)
        {
            if (rawQuery.Length == 0) return rawQuery;
            return string.Join("&", rawQuery.Split('&').Select(pair =>
            {
                int eq = pair.IndexOf('=');
                var key = eq < 0 ? pair : pair.Substring(0, eq);
                return key.Equals("Password", StringComparison.OrdinalIgnoreCase) ? key + "=***" : pair;
            }));
        }
    }
}
