using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// What the staged PortalIo.format.ps1xml promises for a type: the column labels of its table view
    /// and the item labels of its list view, in order. The tests render the views and compare the
    /// text with these promises.
    /// </summary>
    internal static class FormatViewDefinitions
    {
        private static readonly XDocument Format = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "out", "PortalIo", "PortalIo.format.ps1xml"));

        private static IEnumerable<XElement> ViewsFor(string typeName) =>
            Format.Descendants("View").Where(v => v.Element("ViewSelectedBy")?.Elements("TypeName").Any(n => n.Value == typeName) == true);

        /// <summary>Null when the type has no table view.</summary>
        public static List<string>? TableLabels(string typeName)
        {
            var table = ViewsFor(typeName).Select(v => v.Element("TableControl")).FirstOrDefault(t => t != null);
            if (table is null) return null;
            var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").ToList();
            var items = table.Descendants("TableColumnItem").ToList();
            return headers.Select((h, i) => h.Element("Label")?.Value ?? items[i].Element("PropertyName")!.Value).ToList();
        }

        /// <summary>Whether the table view wraps long values onto more lines (&lt;Wrap/&gt;).</summary>
        public static bool TableWraps(string typeName) =>
            ViewsFor(typeName).Select(v => v.Element("TableControl")).Any(t => t?.Descendants("Wrap").Any() == true);

        /// <summary>Null when the type has no list view.</summary>
        public static List<string>? ListLabels(string typeName)
        {
            var list = ViewsFor(typeName).Select(v => v.Element("ListControl")).FirstOrDefault(l => l != null);
            return list?.Descendants("ListItem").Select(i => i.Element("Label")?.Value ?? i.Element("PropertyName")!.Value).ToList();
        }

        /// <summary>Whether the first view of the type (the default one) is its table.</summary>
        public static bool DefaultIsTable(string typeName) => ViewsFor(typeName).First().Element("TableControl") != null;
    }
}
