using System;

namespace PortalIo.Http
{
    /// <summary>
    /// How far this computer's clock may be from the server's before a refused signature is blamed
    /// on it (X-MSS-CUSTOM-DATE must be the current UTC time), and how to say by how much.
    /// </summary>
    internal static class ServerClock
    {
        public static readonly TimeSpan SkewLimit = TimeSpan.FromMinutes(1);

        /// <summary>"3 min 5 s ahead of" or "40 s behind", for a sentence that ends with "the server's".</summary>
        public static string DescribeSkew(TimeSpan skew)
        {
            var seconds = (long)Math.Round(Math.Abs(skew.TotalSeconds));
            var amount = seconds >= 120 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
            return amount + (skew > TimeSpan.Zero ? " ahead of" : " behind");
        }
    }
}
