using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PortalIo.Tests.Architecture
{
    /// <summary>
    /// docs/api-decisions.md records what the module does where Portal.io's reference is silent or
    /// contradicts itself. Comments and README cite its headings, so a citation must name a heading
    /// that exists, and the module cites nothing outside the repository instead.
    /// </summary>
    public class ApiDecisionsTests
    {
        private static readonly string DecisionsFile = Path.Combine(TestPaths.RepoRoot, "docs", "api-decisions.md");

        /// <summary>A group's "##" heading or a decision's "###" heading.</summary>
        private static readonly HashSet<string> Headings = File.ReadAllLines(DecisionsFile)
            .Where(l => l.StartsWith("## ") || l.StartsWith("### "))
            .Select(l => l.TrimStart('#').Trim())
            .ToHashSet();

        private static IEnumerable<string> SourceFiles(string project) =>
            Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", project), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) &&
                            !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar));

        /// <summary>The file as one line of text: comment markers and line breaks folded, so a citation may wrap.</summary>
        private static string Folded(string file) =>
            Regex.Replace(File.ReadAllText(file), @"\s*\n\s*(///|//|\*)?\s*", " ");

        [Fact]
        public void Every_heading_is_unique()
        {
            var all = File.ReadAllLines(DecisionsFile).Where(l => l.StartsWith("## ") || l.StartsWith("### ")).Select(l => l.TrimStart('#').Trim()).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
        }

        [Fact]
        public void Every_citation_in_the_source_names_a_heading()
        {
            var files = SourceFiles("PortalIo").Concat(SourceFiles("PortalIo.Sandbox"));
            var cited = new List<(string File, string Heading)>();
            foreach (var file in files)
            {
                foreach (Match m in Regex.Matches(Folded(file), @"docs/api-decisions\.md,\s*((?:'[^']+'(?:,\s*|\s+and\s+)?)+)"))
                {
                    foreach (Match heading in Regex.Matches(m.Groups[1].Value, "'([^']+)'"))
                        cited.Add((Path.GetFileName(file), heading.Groups[1].Value));
                }
            }
            Assert.NotEmpty(cited);
            Assert.Empty(cited.Where(c => !Headings.Contains(c.Heading)).Select(c => c.File + ": '" + c.Heading + "'"));
        }

        [Fact]
        public void Every_link_from_README_names_a_heading()
        {
            var anchors = Headings.ToDictionary(Anchor, h => h);
            var links = Regex.Matches(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")), @"\(docs/api-decisions\.md#([a-z0-9\-]+)\)")
                .Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(links);
            Assert.Empty(links.Where(a => !anchors.ContainsKey(a)));
        }

        [Fact]
        public void The_module_cites_no_document_outside_the_repository()
        {
            // "GAPS G15", "route 9", "seeds", "design.md §5", "webhooks.md §2": places a reader of the repository cannot open.
            var outside = new Regex(@"GAPS|\bG\d{1,2}\b|\broutes? \d+|\bseeds?\b|\b[\w-]+\.md §", RegexOptions.IgnoreCase);
            var offenders = SourceFiles("PortalIo")
                .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
                .Where(x => outside.IsMatch(x.line))
                .Select(x => Path.GetFileName(x.f) + ":" + (x.i + 1) + ": " + x.line.Trim())
                .ToList();
            Assert.Empty(offenders);
        }

        /// <summary>The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
        private static string Anchor(string heading) =>
            Regex.Replace(heading.ToLowerInvariant(), "[^a-z0-9 -]", string.Empty).Replace(' ', '-');
    }
}
