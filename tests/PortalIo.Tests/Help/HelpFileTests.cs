using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml;
using Xunit;

namespace PortalIo.Tests.Help
{
    /// <summary>The staged help files themselves, and the generator's refusal of a malformed page.</summary>
    public class HelpFileTests : IClassFixture<HelpFixture>
    {
        private readonly HelpFixture _fixture;

        public HelpFileTests(HelpFixture fixture) => _fixture = fixture;

        /// <summary>(d) Well-formed MAML, and every command:command names an exported cmdlet.</summary>
        [Fact]
        public void Generated_maml_is_well_formed_and_names_only_exported_cmdlets()
        {
            var document = new XmlDocument();
            document.Load(HelpPaths.StagedMaml); // throws on malformed XML
            var ns = new XmlNamespaceManager(document.NameTable);
            ns.AddNamespace("msh", "http://msh");
            ns.AddNamespace("command", "http://schemas.microsoft.com/maml/dev/command/2004/10");
            ns.AddNamespace("maml", "http://schemas.microsoft.com/maml/2004/10");
            ns.AddNamespace("dev", "http://schemas.microsoft.com/maml/dev/2004/10");

            var root = document.DocumentElement!;
            Assert.Equal("helpItems", root.LocalName);
            Assert.Equal("http://msh", root.NamespaceURI);
            Assert.Equal("maml", root.GetAttribute("schema"));

            var exported = _fixture.Runspace.Run("(Get-Command -Module PortalIo -CommandType Cmdlet).Name").Output.Select(o => o.ToString()).ToList();
            var names = document.SelectNodes("/msh:helpItems/command:command/command:details/command:name", ns)!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
            Assert.NotEmpty(names);
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var name in names) Assert.Contains(name, exported);

            foreach (XmlNode command in document.SelectNodes("/msh:helpItems/command:command", ns)!)
            {
                var name = command.SelectSingleNode("command:details/command:name", ns)!.InnerText;
                Assert.Equal(name.Split('-')[0], command.SelectSingleNode("command:details/command:verb", ns)?.InnerText);
                Assert.NotNull(command.SelectSingleNode("command:details/maml:description/maml:para", ns));
                Assert.NotNull(command.SelectSingleNode("command:syntax/command:syntaxItem", ns));
                foreach (XmlElement parameter in command.SelectNodes("command:parameters/command:parameter", ns)!)
                {
                    foreach (var attribute in new[] { "required", "variableLength", "globbing", "pipelineInput", "position", "aliases" })
                        Assert.True(parameter.HasAttribute(attribute), name + ": a parameter lacks @" + attribute);
                    Assert.NotNull(parameter.SelectSingleNode("dev:type/maml:name", ns));
                }
                Assert.NotEmpty(command.SelectNodes("command:examples/command:example/dev:code", ns)!.Cast<XmlNode>());
            }
        }

        /// <summary>(c) Every about topic is staged in the classic format and found by Get-Help.</summary>
        [Theory]
        [MemberData(nameof(HelpPaths.AboutTopics), MemberType = typeof(HelpPaths))]
        public void About_topic_is_staged_and_rendered_by_Get_Help(string topic)
        {
            var path = Path.Combine(HelpPaths.StagedHelpDir, topic + ".help.txt");
            Assert.True(File.Exists(path), path + " was not staged");
            var lines = File.ReadAllLines(path);
            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("    " + topic, lines[1]);
            Assert.Contains("SHORT DESCRIPTION", lines);
            Assert.Contains("LONG DESCRIPTION", lines);
            Assert.All(lines, l => Assert.True(l.Length <= 80, topic + ": line longer than 80: " + l));

            // Rendered as a user reads it: the whole topic, no line wider than the 80 columns it was written for.
            var run = _fixture.Runspace.Run("Get-Help " + topic + " | Out-String -Width 80");
            Assert.Empty(run.Errors);
            var text = string.Concat(run.Output.Select(o => o.ToString()));
            var rendered = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).SkipWhile(l => l.Length == 0).ToList();
            Assert.Equal("TOPIC", rendered[0]);
            Assert.Equal("    " + topic, rendered[1]);
            Assert.Contains("SHORT DESCRIPTION", rendered);
            Assert.Contains("LONG DESCRIPTION", rendered);
            Assert.All(rendered, l => Assert.True(l.Length <= 80, topic + ": rendered line longer than 80: " + l));
            var source = lines.Select(l => l.TrimEnd()).ToList();
            Assert.Equal(string.Join("\n", source).Trim(), string.Join("\n", rendered).Trim());
        }

        [Fact]
        public void Get_Help_lists_the_about_topics_of_the_module()
        {
            var run = _fixture.Runspace.Run("Get-Help about_PortalIo* | Out-String -Width 120");
            Assert.Empty(run.Errors);
            var rows = string.Concat(run.Output.Select(o => o.ToString())).Replace("\r\n", "\n").Split('\n');
            foreach (var topic in HelpPaths.AboutTopics().Select(t => (string)t[0]))
                Assert.Contains(rows, r => System.Text.RegularExpressions.Regex.IsMatch(r, "^" + topic + @"\s+HelpFile\s"));
        }

        /// <summary>A page without a SYNOPSIS fails the generator with the file named and a non-zero exit code.</summary>
        [Fact]
        public void Generator_rejects_a_malformed_page_with_a_clear_message()
        {
            var generator = FindGenerator();
            var docs = Path.Combine(Path.GetTempPath(), "portalio-helpgen-" + Guid.NewGuid().ToString("N"));
            var output = Path.Combine(docs, "out");
            Directory.CreateDirectory(Path.Combine(docs, "cmdlets"));
            try
            {
                var good = File.ReadAllText(Path.Combine(HelpPaths.CmdletDocs, "Disconnect-Portal.md"));
                var bad = good.Replace("## SYNOPSIS", "## SYNOPSYS");
                File.WriteAllText(Path.Combine(docs, "cmdlets", "Disconnect-Portal.md"), bad);
                var (exit, stderr) = Run(generator, docs, output);
                Assert.NotEqual(0, exit);
                Assert.Contains("Disconnect-Portal.md", stderr);
                Assert.Contains("error HELPGEN001", stderr);
                Assert.False(File.Exists(Path.Combine(output, "PortalIo.dll-Help.xml")), "nothing is written for a malformed page");

                File.WriteAllText(Path.Combine(docs, "cmdlets", "Disconnect-Portal.md"), good);
                (exit, stderr) = Run(generator, docs, output);
                Assert.True(exit == 0, stderr);
                Assert.True(File.Exists(Path.Combine(output, "PortalIo.dll-Help.xml")));
            }
            finally
            {
                Directory.Delete(docs, recursive: true);
            }
        }

        private static string FindGenerator()
        {
            var bin = Path.Combine(TestPaths.RepoRoot, "tools", "PortalIo.HelpGen", "bin");
            var candidates = Directory.Exists(bin) ? Directory.GetFiles(bin, "PortalIo.HelpGen.dll", SearchOption.AllDirectories) : Array.Empty<string>();
            Assert.True(candidates.Length > 0, "PortalIo.HelpGen.dll not built under " + bin);
            return candidates.OrderByDescending(File.GetLastWriteTimeUtc).First();
        }

        private static (int Exit, string Stderr) Run(string generator, string docs, string output)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(generator);
            start.ArgumentList.Add(docs);
            start.ArgumentList.Add(output);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit(60_000);
            return (process.ExitCode, stderr.Result);
        }
    }
}
