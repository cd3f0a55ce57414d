using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The emulator's stand-in for Portal.io's "ClientLocation" tax lookup: one combined rate per US
    /// state. Texas is 8.25% because that reproduces the docs' example (3000.00 → 247.50) and the
    /// change-order example (1250.00 → 103.13). Rates are illustrative, not a tax service.
    /// </summary>
    internal static class TaxRates
    {
        private static readonly (string Name, string Abbrev, decimal Rate)[] States =
        {
            ("Alabama", "AL", 0.0400m), ("Alaska", "AK", 0m), ("Arizona", "AZ", 0.0560m), ("Arkansas", "AR", 0.0650m),
            ("California", "CA", 0.0725m), ("Colorado", "CO", 0.0290m), ("Connecticut", "CT", 0.0635m), ("Delaware", "DE", 0m),
            ("District of Columbia", "DC", 0.0600m), ("Florida", "FL", 0.0600m), ("Georgia", "GA", 0.0400m), ("Hawaii", "HI", 0.0400m),
            ("Idaho", "ID", 0.0600m), ("Illinois", "IL", 0.0625m), ("Indiana", "IN", 0.0700m), ("Iowa", "IA", 0.0600m),
            ("Kansas", "KS", 0.0650m), ("Kentucky", "KY", 0.0600m), ("Louisiana", "LA", 0.0445m), ("Maine", "ME", 0.0550m),
            ("Maryland", "MD", 0.0600m), ("Massachusetts", "MA", 0.0625m), ("Michigan", "MI", 0.0600m), ("Minnesota", "MN", 0.06875m),
            ("Mississippi", "MS", 0.0700m), ("Missouri", "MO", 0.04225m), ("Montana", "MT", 0m), ("Nebraska", "NE", 0.0550m),
            ("Nevada", "NV", 0.0685m), ("New Hampshire", "NH", 0m), ("New Jersey", "NJ", 0.06625m), ("New Mexico", "NM", 0.04875m),
            ("New York", "NY", 0.0800m), ("North Carolina", "NC", 0.0475m), ("North Dakota", "ND", 0.0500m), ("Ohio", "OH", 0.0575m),
            ("Oklahoma", "OK", 0.0450m), ("Oregon", "OR", 0m), ("Pennsylvania", "PA", 0.0600m), ("Rhode Island", "RI", 0.0700m),
            ("South Carolina", "SC", 0.0600m), ("South Dakota", "SD", 0.0420m), ("Tennessee", "TN", 0.0700m), ("Texas", "TX", 0.0825m),
            ("Utah", "UT", 0.0610m), ("Vermont", "VT", 0.0600m), ("Virginia", "VA", 0.0530m), ("Washington", "WA", 0.0650m),
            ("West Virginia", "WV", 0.0600m), ("Wisconsin", "WI", 0.0500m), ("Wyoming", "WY", 0.0400m),
        };

        /// <summary>The server-derived stateAbbrev: from a full US state name, or an abbreviation given as the state; else "".</summary>
        public static string AbbreviationOf(string state)
        {
            var match = Find(state);
            return match?.Abbrev ?? "";
        }

        /// <summary>The combined rate for the location's state; 0 where the emulator knows none (outside the US).</summary>
        public static decimal RateFor(string state, string country)
        {
            if (!IsUnitedStates(country)) return 0m;
            return Find(state)?.Rate ?? 0m;
        }

        public static string TaxNameFor(string state, string country)
        {
            var match = IsUnitedStates(country) ? Find(state) : null;
            return match == null ? "Sales Tax" : match.Value.Name + " Sales Tax";
        }

        private static bool IsUnitedStates(string country) =>
            country.Length == 0 || country.Equals("United States", StringComparison.OrdinalIgnoreCase)
            || country.Equals("USA", StringComparison.OrdinalIgnoreCase) || country.Equals("US", StringComparison.OrdinalIgnoreCase)
            || country.Equals("United States of America", StringComparison.OrdinalIgnoreCase);

        private static (string Name, string Abbrev, decimal Rate)? Find(string state)
        {
            var trimmed = (state ?? "").Trim();
            if (trimmed.Length == 0) return null;
            foreach (var s in States)
                if (s.Name.Equals(trimmed, StringComparison.OrdinalIgnoreCase) || s.Abbrev.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
                    return s;
            return null;
        }
    }
}
