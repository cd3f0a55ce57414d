using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace PortalIo.HelpGen
{
    /// <summary>
    /// Writes the MAML that Get-Help reads for binary cmdlets (the layout platyPS produces):
    /// helpItems/command:command with details, description, syntax, parameters, inputTypes,
    /// returnValues, alertSet, examples and relatedLinks.
    /// </summary>
    public static class MamlWriter
    {
        public const string Msh = "http://msh";
        public const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        public const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        public const string MsHelp = "http://msdn.microsoft.com/mshelp";

        public static void Write(IReadOnlyList<CommandPage> pages, string path)
        {
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            using var xml = XmlWriter.Create(stream, settings);
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", Msh);
            xml.WriteAttributeString("schema", "maml");
            foreach (var page in pages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)) WriteCommand(xml, page);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        private static void WriteCommand(XmlWriter xml, CommandPage page)
        {
            xml.WriteStartElement("command", "command", Command);
            xml.WriteAttributeString("xmlns", "maml", null, Maml);
            xml.WriteAttributeString("xmlns", "command", null, Command);
            xml.WriteAttributeString("xmlns", "dev", null, Dev);
            xml.WriteAttributeString("xmlns", "MSHelp", null, MsHelp);

            xml.WriteStartElement("command", "details", Command);
            xml.WriteElementString("command", "name", Command, page.Name);
            xml.WriteElementString("command", "verb", Command, page.Verb);
            xml.WriteElementString("command", "noun", Command, page.Noun);
            Description(xml, page.Synopsis);
            xml.WriteEndElement();

            Description(xml, page.Description);

            xml.WriteStartElement("command", "syntax", Command);
            foreach (var set in OrderedSets(page))
            {
                xml.WriteStartElement("command", "syntaxItem", Command);
                xml.WriteElementString("maml", "name", Maml, page.Name);
                foreach (var (parameter, attributes) in ParametersOf(page, set))
                    Parameter(xml, parameter, attributes, inSyntax: true);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("command", "parameters", Command);
            foreach (var parameter in page.Parameters)
                Parameter(xml, parameter, Merge(parameter), inSyntax: false);
            xml.WriteEndElement();

            xml.WriteStartElement("command", "inputTypes", Command);
            foreach (var type in page.Inputs) TypeEntry(xml, "inputType", type);
            xml.WriteEndElement();

            xml.WriteStartElement("command", "returnValues", Command);
            foreach (var type in page.Outputs) TypeEntry(xml, "returnValue", type);
            xml.WriteEndElement();

            xml.WriteStartElement("maml", "alertSet", Maml);
            xml.WriteStartElement("maml", "alert", Maml);
            Paras(xml, page.Notes);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("command", "examples", Command);
            foreach (var example in page.Examples)
            {
                xml.WriteStartElement("command", "example", Command);
                xml.WriteElementString("maml", "title", Maml, "-------------------------- " + example.Title + " --------------------------");
                xml.WriteElementString("dev", "code", Dev, example.Code);
                xml.WriteStartElement("dev", "remarks", Dev);
                Paras(xml, example.Remarks);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("command", "relatedLinks", Command);
            var online = page.FrontMatter.TryGetValue("online version", out var o) ? o : string.Empty;
            if (online.Length > 0) Link(xml, "Online Version:", online);
            foreach (var link in page.RelatedLinks) Link(xml, link.Text, link.Uri);
            xml.WriteEndElement();

            xml.WriteEndElement();
        }

        /// <summary>The default set first, as Get-Help and platyPS show it.</summary>
        private static IEnumerable<SyntaxSet> OrderedSets(CommandPage page) =>
            page.Syntax.Where(s => s.IsDefault).Concat(page.Syntax.Where(s => !s.IsDefault));

        /// <summary>The parameters of one set, in the order its syntax line shows them.</summary>
        private static IEnumerable<(ParameterDoc, ParameterAttributes)> ParametersOf(CommandPage page, SyntaxSet set)
        {
            var single = page.Syntax.Count == 1;
            var found = new List<(ParameterDoc Parameter, ParameterAttributes Attributes, int Order)>();
            foreach (var parameter in page.Parameters)
            {
                var attributes = single ? parameter.Blocks[0] : parameter.Blocks.FirstOrDefault(b => b.AppliesTo(set.Name));
                if (attributes is null) continue;
                var at = set.Text.IndexOf("-" + parameter.Name + " ", StringComparison.OrdinalIgnoreCase);
                if (at < 0) at = set.Text.IndexOf("-" + parameter.Name + "]", StringComparison.OrdinalIgnoreCase);
                found.Add((parameter, attributes, at < 0 ? int.MaxValue : at));
            }
            return found.OrderBy(f => f.Order).Select(f => (f.Parameter, f.Attributes));
        }

        /// <summary>In the parameters list a parameter is described once: required if it is in any set.</summary>
        private static ParameterAttributes Merge(ParameterDoc parameter)
        {
            if (parameter.Blocks.Count == 1) return parameter.Blocks[0];
            var first = parameter.Blocks[0];
            var merged = new ParameterAttributes
            {
                Type = first.Type,
                Aliases = first.Aliases,
                Required = parameter.Blocks.Any(b => b.Required),
                Position = parameter.Blocks.Select(b => b.Position).FirstOrDefault(p => !p.Equals("Named", StringComparison.OrdinalIgnoreCase)) ?? "Named",
                DefaultValue = first.DefaultValue,
                PipelineInput = parameter.Blocks.Select(b => b.PipelineInput).FirstOrDefault(p => !p.Equals("False", StringComparison.OrdinalIgnoreCase)) ?? "False",
                Globbing = parameter.Blocks.Any(b => b.Globbing),
                AcceptedValues = first.AcceptedValues,
            };
            merged.ParameterSets.AddRange(parameter.Blocks.SelectMany(b => b.ParameterSets).Distinct());
            return merged;
        }

        private static void Parameter(XmlWriter xml, ParameterDoc parameter, ParameterAttributes a, bool inSyntax)
        {
            var isSwitch = a.Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);
            xml.WriteStartElement("command", "parameter", Command);
            xml.WriteAttributeString("required", a.Required ? "true" : "false");
            xml.WriteAttributeString("variableLength", "true");
            xml.WriteAttributeString("globbing", a.Globbing ? "true" : "false");
            xml.WriteAttributeString("pipelineInput", a.PipelineInput);
            xml.WriteAttributeString("position", a.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : a.Position);
            xml.WriteAttributeString("aliases", a.Aliases.Length == 0 ? "none" : a.Aliases);
            xml.WriteElementString("maml", "name", Maml, parameter.Name);
            Description(xml, parameter.Description);

            var accepted = (a.AcceptedValues ?? string.Empty).Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            if (inSyntax && accepted.Count > 0)
            {
                xml.WriteStartElement("command", "parameterValueGroup", Command);
                foreach (var value in accepted)
                {
                    xml.WriteStartElement("command", "parameterValue", Command);
                    xml.WriteAttributeString("required", "false");
                    xml.WriteAttributeString("command", "variableLength", Command, "false");
                    xml.WriteString(value);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            if (!(inSyntax && (isSwitch || accepted.Count > 0)))
            {
                xml.WriteStartElement("command", "parameterValue", Command);
                xml.WriteAttributeString("required", isSwitch ? "false" : "true");
                xml.WriteAttributeString("variableLength", "false");
                xml.WriteString(a.Type);
                xml.WriteEndElement();
            }
            xml.WriteStartElement("dev", "type", Dev);
            xml.WriteElementString("maml", "name", Maml, a.Type);
            xml.WriteElementString("maml", "uri", Maml, string.Empty);
            xml.WriteEndElement();
            xml.WriteElementString("dev", "defaultValue", Dev, a.DefaultValue);
            xml.WriteEndElement();
        }

        private static void TypeEntry(XmlWriter xml, string element, TypeDoc type)
        {
            xml.WriteStartElement("command", element, Command);
            xml.WriteStartElement("dev", "type", Dev);
            xml.WriteElementString("maml", "name", Maml, type.Name);
            xml.WriteEndElement();
            Description(xml, type.Description);
            xml.WriteEndElement();
        }

        private static void Link(XmlWriter xml, string text, string uri)
        {
            xml.WriteStartElement("maml", "navigationLink", Maml);
            xml.WriteElementString("maml", "linkText", Maml, text);
            xml.WriteElementString("maml", "uri", Maml, uri);
            xml.WriteEndElement();
        }

        private static void Description(XmlWriter xml, IEnumerable<string> paragraphs)
        {
            xml.WriteStartElement("maml", "description", Maml);
            Paras(xml, paragraphs);
            xml.WriteEndElement();
        }

        private static void Paras(XmlWriter xml, IEnumerable<string> paragraphs)
        {
            foreach (var para in paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)))
                xml.WriteElementString("maml", "para", Maml, para);
        }
    }
}
