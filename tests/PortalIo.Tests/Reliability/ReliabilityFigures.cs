using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// The figures each reliability test reports: printed to the test output and collected in
    /// reliability-figures.txt beside the test binaries (bin/&lt;Configuration&gt;/net10.0), so that
    /// the last run can be quoted.
    /// </summary>
    internal static class ReliabilityFigures
    {
        private static readonly object Gate = new object();
        private static readonly SortedDictionary<string, List<string>> Sections = new(StringComparer.Ordinal);
        private static readonly DateTime RunStarted = DateTime.UtcNow;

        public static string FilePath => Path.Combine(AppContext.BaseDirectory, "reliability-figures.txt");

        public static void Report(ITestOutputHelper output, string section, params (string Name, object Value)[] figures)
        {
            var lines = figures.Select(f => f.Name + ": " + Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            foreach (var line in lines) output.WriteLine(section + " | " + line);
            lock (Gate)
            {
                Sections[section] = lines;
                var text = new StringBuilder();
                text.AppendLine("PortalIo reliability figures, run started " + RunStarted.ToString("u") + " (dotnet test --filter Category=Reliability)");
                foreach (var pair in Sections)
                {
                    text.AppendLine();
                    text.AppendLine("[" + pair.Key + "]");
                    foreach (var line in pair.Value) text.AppendLine("  " + line);
                }
                File.WriteAllText(FilePath, text.ToString());
            }
        }
    }
}
