using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// A table as Out-String rendered it: the header line(s) above the dashes, the dash runs (one per
    /// column, as long as its label) and the rows below. A row starts with a value in the first
    /// column; a line whose first column is blank continues the row above (a wrapped value).
    /// </summary>
    internal sealed class RenderedTable
    {
        public RenderedTable(string text)
        {
            Text = text;
            var lines = Lines(text);
            var dash = lines.FindIndex(l => l.Contains('-') && l.Trim().All(c => c == '-' || c == ' '));
            if (dash < 0) throw new Xunit.Sdk.XunitException("No header underline in:\n" + text);
            HeaderLines = lines.Take(dash).Where(l => l.Trim().Length > 0).ToList();
            DashRuns = Regex.Matches(lines[dash], "-+").Select(m => (m.Index, m.Length)).ToList();
            var firstColumnEnd = DashRuns.Count > 1 ? DashRuns[1].Start - 1 : int.MaxValue;
            foreach (var line in lines.Skip(dash + 1).Where(l => l.Trim().Length > 0))
            {
                var startsRow = line.Substring(0, Math.Min(firstColumnEnd, line.Length)).Trim().Length > 0;
                if (startsRow || Rows.Count == 0) Rows.Add(new List<string> { line });
                else Rows[^1].Add(line);
            }
        }

        public string Text { get; }
        public List<string> HeaderLines { get; }
        public List<(int Start, int Length)> DashRuns { get; }

        /// <summary>Each row's lines: one, unless a value wrapped.</summary>
        public List<List<string>> Rows { get; } = new();

        public List<string> Labels => HeaderLines.Count == 1
            ? HeaderLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()
            : new List<string>();

        internal static List<string> Lines(string text) => text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
    }

    /// <summary>
    /// A list as Out-String rendered it: entries of "Label : value" lines, a value that is longer
    /// than the width continued on indented lines.
    /// </summary>
    internal sealed class RenderedList
    {
        public RenderedList(string text, IReadOnlyList<string> labels)
        {
            Text = text;
            var pattern = new Regex("^(?<label>" + string.Join("|", labels.Select(Regex.Escape)) + ") *:(?: (?<value>.*))?$");
            foreach (var line in RenderedTable.Lines(text))
            {
                var match = pattern.Match(line);
                if (match.Success)
                {
                    var label = match.Groups["label"].Value;
                    if (label == labels[0] || Entries.Count == 0) Entries.Add(new List<ListItem>());
                    Entries[^1].Add(new ListItem(label, match.Groups["value"].Value, line.IndexOf(':')));
                }
                else if (line.Trim().Length > 0 && Entries.Count > 0 && Entries[^1].Count > 0)
                {
                    var last = Entries[^1][^1];
                    Entries[^1][^1] = last with { Value = last.Value + "\n" + line.Trim() };
                }
            }
        }

        public string Text { get; }
        public List<List<ListItem>> Entries { get; } = new();

        internal sealed record ListItem(string Label, string Value, int ColonColumn);
    }
}
