using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PortalIo.Tests.Help
{
    /// <summary>
    /// Help as Get-Help ... | Out-String rendered it: the sections under their headings (NAME,
    /// SYNOPSIS, SYNTAX, ...), the parameter blocks, the examples. The engine wraps long lines at
    /// the width wherever the width falls, so text is compared <see cref="Squeeze">squeezed</see>.
    /// </summary>
    internal sealed class RenderedHelp
    {
        private static readonly string[] Headings = { "NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS", "REMARKS" };

        public RenderedHelp(string text)
        {
            Text = text;
            string? heading = null;
            foreach (var line in text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()))
            {
                if (Headings.Contains(line))
                {
                    heading = line;
                    Sections[heading] = new List<string>();
                    HeadingOrder.Add(heading);
                }
                else if (heading != null) Sections[heading].Add(line);
            }
        }

        public string Text { get; }
        public List<string> HeadingOrder { get; } = new();
        public Dictionary<string, List<string>> Sections { get; } = new();

        public string Section(string heading) => Sections.TryGetValue(heading, out var lines) ? string.Join("\n", lines) : string.Empty;

        /// <summary>The text without any white space: what survives wrapping at any width.</summary>
        public static string Squeeze(string text) => Regex.Replace(text, @"\s+", string.Empty);

        /// <summary>Paragraphs of a section (blocks between blank lines), squeezed.</summary>
        public List<string> Paragraphs(string heading) =>
            Regex.Split(Section(heading), @"\n\s*\n").Select(Squeeze).Where(p => p.Length > 0).ToList();

        /// <summary>Each parameter's block under PARAMETERS: its header line ("-Name &lt;Type&gt;"), description and attributes.</summary>
        public Dictionary<string, ParameterBlock> Parameters()
        {
            var result = new Dictionary<string, ParameterBlock>(StringComparer.OrdinalIgnoreCase);
            ParameterBlock? current = null;
            foreach (var line in Sections.GetValueOrDefault("PARAMETERS") ?? new List<string>())
            {
                var header = Regex.Match(line, @"^    -(?<name>[A-Za-z]\w*)(?<type> .*)?$");
                if (header.Success)
                {
                    current = new ParameterBlock(line.Trim());
                    result[header.Groups["name"].Value] = current;
                }
                else if (line.StartsWith("    <CommonParameters>", StringComparison.Ordinal)) current = null;
                else current?.Lines.Add(line.Trim());
            }
            return result;
        }

        /// <summary>The titles of the examples ("Example 1: ..."), squeezed.</summary>
        public List<string> ExampleTitles() =>
            Regex.Matches(Text, @"^ *-{10,} (?<title>Example \d+:.*?)(?= -{10,}\s*$)", RegexOptions.Multiline | RegexOptions.Singleline)
                .Select(m => Squeeze(m.Groups["title"].Value)).ToList();

        internal sealed class ParameterBlock
        {
            public ParameterBlock(string header) => Header = header;

            public string Header { get; }
            public List<string> Lines { get; } = new();

            /// <summary>The lines above "Required?": what the page says about the parameter.</summary>
            public string Description => string.Join(" ", Lines.TakeWhile(l => !l.StartsWith("Required?", StringComparison.Ordinal))).Trim();

            /// <summary>The value of an attribute line such as "Default value    100".</summary>
            public string Attribute(string name) =>
                Lines.Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l.Substring(name.Length).Trim()).FirstOrDefault() ?? string.Empty;
        }
    }
}
