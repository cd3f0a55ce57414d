using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>Every output type has a default view, and a type shown as a table also has a list view with the detail.</summary>
    public class FormatViewTests
    {
        private static readonly XDocument Format = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "out", "PortalIo", "PortalIo.format.ps1xml"));

        public static IEnumerable<object[]> OutputTypes() =>
            typeof(PortalIo.Commands.PortalCmdlet).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
                .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
                .SelectMany(a => a.Type)
                .Select(t => t.Type)
                .Where(t => t != null && t.Assembly == typeof(PortalIo.Commands.PortalCmdlet).Assembly)
                .Distinct()
                .Select(t => new object[] { t!.FullName! });

        private static List<XElement> ViewsFor(string typeName) =>
            Format.Descendants("View").Where(v => v.Element("ViewSelectedBy")?.Elements("TypeName").Any(n => n.Value == typeName) == true).ToList();

        [Theory]
        [MemberData(nameof(OutputTypes))]
        public void Output_type_has_a_default_view_and_a_detail_list(string typeName)
        {
            var views = ViewsFor(typeName);
            Assert.True(views.Count > 0, typeName + " has no view");
            var first = views[0];
            if (first.Element("TableControl") != null)
                Assert.True(views.Any(v => v.Element("ListControl") != null), typeName + " has a table view but no list view");
        }

        [Fact]
        public void No_view_shows_a_secret()
        {
            var shown = Format.Descendants("PropertyName").Select(p => p.Value)
                .Concat(Format.Descendants("ScriptBlock").Select(s => s.Value))
                .ToList();
            foreach (var secret in new[] { "SecretKey", "UserKey", "Password", "Signature\b" })
                Assert.DoesNotContain(shown, p => System.Text.RegularExpressions.Regex.IsMatch(p, "^" + secret + "$"));
        }
    }
}
