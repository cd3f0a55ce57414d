using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Xunit;

namespace PortalIo.Tests.Help
{
    /// <summary>
    /// Help as a user reads it: Get-Help rendered with Out-String at 80 and 120 columns, from the
    /// staged module's en-US/PortalIo.dll-Help.xml (generated from docs/cmdlets/*.md at build time).
    /// </summary>
    public class CmdletHelpTests : IClassFixture<HelpFixture>
    {
        private readonly HelpFixture _fixture;

        public CmdletHelpTests(HelpFixture fixture) => _fixture = fixture;

        private string Render(string command, int width = 120)
        {
            var run = _fixture.Runspace.Run(command + " | Out-String -Width " + width);
            Assert.True(run.Errors.Count == 0 && run.Terminating == null, command + ": " + (run.Terminating?.Message ?? string.Join("; ", run.Errors)));
            return string.Concat(run.Output.Select(o => o.ToString()));
        }

        /// <summary>
        /// Every exported cmdlet has a page, and its rendered full help has a synopsis, a
        /// description, at least two examples, outputs, and a described block for every parameter
        /// Get-Command reports (common parameters excepted; -WhatIf/-Confirm and paging included).
        /// </summary>
        [Fact]
        public void Every_exported_cmdlet_has_complete_rendered_help()
        {
            var commands = _fixture.Runspace.Run("Get-Command -Module PortalIo -CommandType Cmdlet").Objects<CmdletInfo>().ToList();
            Assert.NotEmpty(commands);
            var problems = new List<string>();
            foreach (var command in commands)
            {
                if (!File.Exists(Path.Combine(HelpPaths.CmdletDocs, command.Name + ".md")))
                {
                    problems.Add(command.Name + ": no page docs/cmdlets/" + command.Name + ".md (copy docs/cmdlets/_TEMPLATE.md.txt)");
                    continue;
                }
                var help = new RenderedHelp(Render("Get-Help " + command.Name + " -Full"));
                foreach (var heading in new[] { "SYNOPSIS", "DESCRIPTION", "OUTPUTS" })
                    if (RenderedHelp.Squeeze(help.Section(heading)).Length == 0) problems.Add(command.Name + ": no " + heading);
                var examples = help.ExampleTitles().Count;
                if (examples < 2) problems.Add(command.Name + ": " + examples + " example(s), at least 2 needed");

                var described = help.Parameters();
                foreach (var parameter in command.Parameters.Keys.Where(p => !Cmdlet.CommonParameters.Contains(p)))
                {
                    // A hidden parameter (the pipeline binding rule's InputObject) is not for the command line: the help must not show it.
                    if (command.Parameters[parameter].Attributes.OfType<ParameterAttribute>().Any(a => a.DontShow))
                    {
                        if (described.ContainsKey(parameter)) problems.Add(command.Name + ": the help shows the hidden parameter -" + parameter);
                        continue;
                    }
                    if (!described.TryGetValue(parameter, out var block)) problems.Add(command.Name + ": -" + parameter + " is not in the help");
                    else if (block.Description.Length == 0) problems.Add(command.Name + ": -" + parameter + " has no description");
                }
                foreach (var extra in described.Keys.Where(k => !command.Parameters.ContainsKey(k)))
                    problems.Add(command.Name + ": the help describes -" + extra + ", which the cmdlet does not have");
            }
            Assert.True(problems.Count == 0, "Help problems:\n" + string.Join("\n", problems));
        }

        /// <summary>Get-Help -Full, rendered at both widths, shows the page: synopsis, description, syntax per parameter set, examples.</summary>
        [Theory]
        [MemberData(nameof(HelpPaths.Cmdlets), MemberType = typeof(HelpPaths))]
        public void Get_Help_Full_renders_the_whole_page(string cmdlet)
        {
            var page = File.ReadAllText(Path.Combine(HelpPaths.CmdletDocs, cmdlet + ".md")).Replace("\r\n", "\n");
            var synopsis = Regex.Match(page, @"## SYNOPSIS\n+(?<text>[^\n]+)").Groups["text"].Value;
            // The first paragraph of the description, as plain text (the generator drops Markdown's code marks).
            var description = Regex.Match(page, @"## DESCRIPTION\n+(?<text>[^\n]+)").Groups["text"].Value.Replace("`", string.Empty);
            var sets = Convert.ToInt32(_fixture.Runspace.Run("(Get-Command " + cmdlet + ").ParameterSets.Count").Output.Single().BaseObject);
            foreach (var width in new[] { 80, 120 })
            {
                var text = Render("Get-Help " + cmdlet + " -Full", width);
                var help = new RenderedHelp(text);
                var context = cmdlet + " at " + width + " columns:\n" + text;

                Assert.True(new[] { "NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS" }.SequenceEqual(help.HeadingOrder.Take(7)), "Sections: " + string.Join(", ", help.HeadingOrder) + ". " + context);
                Assert.Equal(cmdlet, help.Section("NAME").Trim());
                Assert.Equal(RenderedHelp.Squeeze(synopsis), RenderedHelp.Squeeze(help.Section("SYNOPSIS")));
                Assert.True(description.Length > 80, cmdlet + ": the description is too short to be useful");
                Assert.Contains(RenderedHelp.Squeeze(description), RenderedHelp.Squeeze(help.Section("DESCRIPTION")));

                // One syntax paragraph per parameter set, each a command line of this cmdlet.
                var syntax = help.Paragraphs("SYNTAX");
                Assert.Equal(sets, syntax.Count);
                Assert.All(syntax, s => Assert.Matches("^" + Regex.Escape(cmdlet) + @"[-\[]", s));

                Assert.True(help.ExampleTitles().Count >= 2, "fewer than two examples. " + context);
                Assert.Contains("<CommonParameters>", help.Section("PARAMETERS"));
                // Nothing of the page's markup or template reaches the reader.
                foreach (var markup in new[] { "```", "{{", "}}", "### ", "MamlCommandHelpInfo" })
                    Assert.False(text.Contains(markup, StringComparison.Ordinal), "'" + markup + "' in the rendered help. " + context);
            }
        }

        /// <summary>Get-Help -Examples renders the examples alone, each with its code and its explanation.</summary>
        [Theory]
        [MemberData(nameof(HelpPaths.Cmdlets), MemberType = typeof(HelpPaths))]
        public void Get_Help_Examples_renders_the_examples(string cmdlet)
        {
            var text = Render("Get-Help " + cmdlet + " -Examples", 80);
            var help = new RenderedHelp(text);
            Assert.Equal(new[] { "NAME", "SYNOPSIS" }, help.HeadingOrder);
            var examples = Regex.Split(help.Section("SYNOPSIS"), @"^ *-{10,} Example \d+:", RegexOptions.Multiline).Skip(1).ToList();
            Assert.True(examples.Count >= 2, cmdlet + " renders " + examples.Count + " examples:\n" + text);
            Assert.All(examples, e => Assert.Contains(RenderedHelp.Squeeze(cmdlet), RenderedHelp.Squeeze(e)));
        }

        [Fact]
        public void Connect_Portal_full_help_shows_everything_of_its_page()
        {
            foreach (var width in new[] { 80, 120 })
            {
                var text = Render("Get-Help Connect-Portal -Full", width);
                var help = new RenderedHelp(text);
                string Squeezed(string heading) => RenderedHelp.Squeeze(help.Section(heading));

                Assert.StartsWith("ConnectstothePortal.ioAPI", Squeezed("SYNOPSIS"));
                Assert.Contains("credentialexchange", Squeezed("DESCRIPTION"));

                var syntax = help.Paragraphs("SYNTAX");
                Assert.Equal(2, syntax.Count);
                Assert.Contains(syntax, s => s.StartsWith("Connect-Portal-ApplicationKey<String>-SecretKey<SecureString>-Credential<PSCredential>", StringComparison.Ordinal) && !s.Contains("-UserKey"));
                Assert.Contains(syntax, s => s.StartsWith("Connect-Portal-ApplicationKey<String>-SecretKey<SecureString>-UserKey<SecureString>", StringComparison.Ordinal) && !s.Contains("-Credential"));
                Assert.All(syntax, s => Assert.Contains("[-Environment{Production|Sandbox}]", s));

                var parameters = help.Parameters();
                Assert.Equal("-SecretKey <SecureString>", parameters["SecretKey"].Header);
                Assert.Equal("true", parameters["ApplicationKey"].Attribute("Required?"));
                Assert.Equal("100", parameters["TimeoutSec"].Attribute("Default value"));
                Assert.Equal("True (ByPropertyName)", parameters["Credential"].Attribute("Accept pipeline input?"));
                Assert.Equal("-PassThru [<SwitchParameter>]", parameters["PassThru"].Header);
                Assert.Contains("HMACkey", RenderedHelp.Squeeze(parameters["SecretKey"].Description));

                Assert.Contains("PortalIo.PowerShell.LocalSandbox.PortalSandbox", Squeezed("INPUTS"));
                Assert.Contains("PortalIo.Session.PortalSession", Squeezed("OUTPUTS"));
                Assert.Contains("Disconnect-Portal", Squeezed("NOTES"));

                var titles = help.ExampleTitles();
                Assert.Contains(titles, t => t.StartsWith("Example1:", StringComparison.Ordinal));
                Assert.Contains("PORTAL_USER_KEY", Squeezed("NOTES"));

                var links = help.Section("RELATED LINKS").Split('\n').Select(l => l.Trim()).ToList();
                Assert.Contains("Disconnect-Portal", links);
                Assert.Contains("about_PortalIo_Authentication", links);
            }
        }

        [Fact]
        public void Get_Help_Parameter_renders_one_parameter()
        {
            var text = Render("Get-Help Get-PortalProposal -Parameter First", 80);
            Assert.StartsWith("-First <UInt64>", text.TrimStart());
            Assert.Contains("page", text, StringComparison.OrdinalIgnoreCase);
            Assert.Matches(@"Required\?\s+false", text);
            Assert.DoesNotContain("-SearchText", text);
        }
    }
}
