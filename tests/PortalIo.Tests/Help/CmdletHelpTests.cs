using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PortalIo.Tests.Help
{
    /// <summary>
    /// Help as a user meets it: Get-Help in the real engine, against the staged module's
    /// en-US/PortalIo.dll-Help.xml (generated from docs/cmdlets/*.md at build time).
    /// </summary>
    public class CmdletHelpTests : IClassFixture<HelpFixture>
    {
        private readonly HelpFixture _fixture;

        public CmdletHelpTests(HelpFixture fixture) => _fixture = fixture;

        /// <summary>
        /// (a) Every exported cmdlet has a page, and its help has a synopsis, a description, at least
        /// two examples, outputs, and a description for every parameter Get-Command reports (common
        /// parameters excepted; -WhatIf/-Confirm and the paging parameters included).
        /// </summary>
        [Fact]
        public void Every_exported_cmdlet_has_complete_help()
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
                var help = GetHelp(command.Name);
                if (help is null)
                {
                    problems.Add(command.Name + ": Get-Help -Full returned nothing");
                    continue;
                }
                if (!IsMaml(help)) problems.Add(command.Name + ": Get-Help did not find MAML help (got " + help.BaseObject.GetType().Name + ")");
                if (string.IsNullOrWhiteSpace(Synopsis(help))) problems.Add(command.Name + ": no synopsis");
                if (string.IsNullOrWhiteSpace(Text(help.Properties["description"]?.Value))) problems.Add(command.Name + ": no description");
                var examples = Examples(help);
                if (examples.Count < 2) problems.Add(command.Name + ": " + examples.Count + " example(s), at least 2 needed");
                if (string.IsNullOrWhiteSpace(Text(Nested(help, "returnValues", "returnValue"))))
                    problems.Add(command.Name + ": no OUTPUTS");

                var described = ParameterDescriptions(help);
                foreach (var parameter in command.Parameters.Keys)
                {
                    if (Cmdlet.CommonParameters.Contains(parameter)) continue;
                    if (!described.TryGetValue(parameter, out var description))
                        problems.Add(command.Name + ": -" + parameter + " is not in the help");
                    else if (string.IsNullOrWhiteSpace(description))
                        problems.Add(command.Name + ": -" + parameter + " has no description");
                }
                foreach (var extra in described.Keys.Where(k => !command.Parameters.ContainsKey(k)))
                    problems.Add(command.Name + ": the help describes -" + extra + ", which the cmdlet does not have");
            }
            Assert.True(problems.Count == 0, "Help problems:\n" + string.Join("\n", problems));
        }

        /// <summary>(b) Get-Help -Full returns the MAML content of each exported cmdlet.</summary>
        [Theory]
        [MemberData(nameof(HelpPaths.Cmdlets), MemberType = typeof(HelpPaths))]
        public void Get_Help_Full_returns_synopsis_description_examples_and_parameters(string cmdlet)
        {
            var help = GetHelp(cmdlet);
            Assert.NotNull(help);
            Assert.True(IsMaml(help!), cmdlet + ": expected MamlCommandHelpInfo, got " + help!.BaseObject.GetType().FullName);
            Assert.Equal(cmdlet, help.Properties["Name"].Value?.ToString());
            Assert.Equal("Cmdlet", help.Properties["Category"].Value?.ToString());

            var page = File.ReadAllText(Path.Combine(HelpPaths.CmdletDocs, cmdlet + ".md"));
            var synopsis = Synopsis(help);
            Assert.False(string.IsNullOrWhiteSpace(synopsis));
            Assert.Contains(synopsis.Trim(), page.Replace("\r\n", "\n"));

            Assert.True(Text(help.Properties["description"]?.Value).Length > 80, cmdlet + ": the description is too short to be useful");

            var examples = Examples(help);
            Assert.True(examples.Count >= 2, cmdlet + " has " + examples.Count + " examples");
            foreach (var example in examples)
            {
                Assert.False(string.IsNullOrWhiteSpace(example.Properties["title"]?.Value?.ToString()));
                Assert.Contains(cmdlet, example.Properties["code"]?.Value?.ToString() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
                Assert.False(string.IsNullOrWhiteSpace(Text(example.Properties["remarks"]?.Value)), cmdlet + ": an example has no description");
            }

            var parameters = ParameterDescriptions(help);
            Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Value), cmdlet + " -" + p.Key + " has no description"));

            // The syntax Get-Help shows comes from the MAML too: one syntax item per parameter set.
            var syntaxItems = AsList(Nested(help, "syntax", "syntaxItem"));
            var sets = _fixture.Runspace.Run("(Get-Command " + cmdlet + ").ParameterSets.Count").Output.Single().BaseObject;
            Assert.Equal(Convert.ToInt32(sets), syntaxItems.Count);
        }

        /// <summary>Everything of the page reaches Get-Help -Full (the engine here has no Out-String: assert on the object).</summary>
        [Fact]
        public void Connect_Portal_full_help_shows_everything()
        {
            var help = GetHelp("Connect-Portal")!;
            Assert.StartsWith("Connects to the Portal.io API", Synopsis(help));
            Assert.Contains("credential exchange", Text(help.Properties["description"].Value));

            var syntax = AsList(Nested(help, "syntax", "syntaxItem"));
            Assert.Equal(2, syntax.Count);
            var setParameters = syntax.Select(s => AsList(s.Properties["parameter"].Value).Select(p => p.Properties["name"].Value?.ToString()).ToList()).ToList();
            Assert.Contains(setParameters, names => names.Contains("Credential") && !names.Contains("UserKey"));
            Assert.Contains(setParameters, names => names.Contains("UserKey") && !names.Contains("Credential"));

            var parameters = AsList(Nested(help, "parameters", "parameter")).ToDictionary(p => p.Properties["name"].Value!.ToString()!);
            Assert.Equal("true", parameters["ApplicationKey"].Properties["required"].Value?.ToString());
            Assert.Equal("100", parameters["TimeoutSec"].Properties["defaultValue"].Value?.ToString());
            Assert.StartsWith("True (ByPropertyName)", parameters["Credential"].Properties["pipelineInput"].Value?.ToString());
            Assert.Contains("SecureString", Text(AsList(parameters["SecretKey"].Properties["type"].Value).Single().Properties["name"].Value));

            Assert.Contains(TypeNames(Nested(help, "inputTypes", "inputType")), t => t.EndsWith("PortalSandbox"));
            Assert.Contains(TypeNames(Nested(help, "returnValues", "returnValue")), t => t.EndsWith("PortalSession"));
            Assert.Contains("Disconnect-Portal", Text(Nested(help, "alertSet", "alert")));

            var examples = Examples(help);
            Assert.Contains(examples, e => (e.Properties["code"].Value?.ToString() ?? "").Contains("PORTAL_USER_KEY"));
            Assert.Contains(examples, e => (e.Properties["title"].Value?.ToString() ?? "").Contains("Example 1:"));

            var links = AsList(Nested(help, "relatedLinks", "navigationLink")).Select(l => l.Properties["linkText"].Value?.ToString()).ToList();
            Assert.Contains("Disconnect-Portal", links);
            Assert.Contains("about_PortalIo_Authentication", links);
        }

        [Fact]
        public void Get_Help_Examples_and_Parameter_work_for_a_cmdlet()
        {
            var examples = _fixture.Runspace.Run("Get-Help Get-PortalProposal -Examples").Output.Single();
            Assert.True(Examples(examples).Count >= 2);
            var parameter = _fixture.Runspace.Run("Get-Help Get-PortalProposal -Parameter First").Output.Single();
            Assert.Contains("page", Text(parameter.Properties["description"]?.Value), StringComparison.OrdinalIgnoreCase);
        }

        internal PSObject? GetHelp(string cmdlet) =>
            _fixture.Runspace.Run("Get-Help " + cmdlet + " -Full").Output.SingleOrDefault();

        private static bool IsMaml(PSObject help) =>
            help.BaseObject.GetType().Name == "MamlCommandHelpInfo" || help.TypeNames.Any(t => t.StartsWith("MamlCommandHelpInfo", StringComparison.Ordinal));

        private static string Synopsis(PSObject help) => help.Properties["Synopsis"]?.Value?.ToString() ?? string.Empty;

        private static List<PSObject> Examples(PSObject help) => AsList(Nested(help, "examples", "example"));

        private static Dictionary<string, string> ParameterDescriptions(PSObject help)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in AsList(Nested(help, "parameters", "parameter")))
                result[parameter.Properties["name"]?.Value?.ToString() ?? string.Empty] = Text(parameter.Properties["description"]?.Value);
            return result;
        }

        private static List<string> TypeNames(object? entries) =>
            AsList(entries).Select(e => Text(AsList(e.Properties["type"]?.Value).FirstOrDefault()?.Properties["name"]?.Value)).ToList();

        internal static object? Nested(PSObject help, string outer, string inner)
        {
            var container = help.Properties[outer]?.Value;
            if (container is null) return null;
            var wrapped = container as PSObject ?? PSObject.AsPSObject(container);
            return wrapped.Properties[inner]?.Value;
        }

        internal static List<PSObject> AsList(object? value)
        {
            value = value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;
            switch (value)
            {
                case null: return new List<PSObject>();
                case IEnumerable sequence when !(value is string):
                    return sequence.Cast<object>().Select(PSObject.AsPSObject).ToList();
                default: return new List<PSObject> { PSObject.AsPSObject(value) };
            }
        }

        /// <summary>The text of a MAML description: an array of objects with a Text property, or a string.</summary>
        internal static string Text(object? value)
        {
            if (value is null) return string.Empty;
            var parts = new List<string>();
            foreach (var item in AsList(value))
            {
                var text = item.Properties["Text"]?.Value?.ToString();
                if (text is null && item.BaseObject is string s) text = s;
                if (text is null)
                {
                    var description = item.Properties["description"]?.Value;
                    text = description != null ? Text(description) : item.ToString();
                }
                parts.Add(text ?? string.Empty);
            }
            return string.Join("\n", parts).Trim();
        }
    }
}
