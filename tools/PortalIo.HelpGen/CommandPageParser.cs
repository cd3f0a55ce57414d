using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace PortalIo.HelpGen
{
    /// <summary>
    /// Reads a cmdlet page in platyPS's markdown layout (schema 2.0.0):
    /// front matter, # Verb-Noun, then the sections below in this order, each an H2.
    /// </summary>
    public static class CommandPageParser
    {
        public static readonly string[] Sections =
        {
            "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        private static readonly Regex CommandName = new Regex(@"^[A-Z][A-Za-z]+-[A-Z][A-Za-z0-9]+$");
        private static readonly Regex SyntaxParameter = new Regex(@"(?<=[\s\[])-(?<name>[A-Za-z][A-Za-z0-9]*)\b");

        private static readonly HashSet<string> YamlKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
            "Accept pipeline input", "Accept wildcard characters",
        };

        public static CommandPage Parse(string file, string markdown)
        {
            var page = new CommandPage { File = file };
            var document = MarkdownText.Parse(markdown);
            var blocks = document.ToList();
            var index = 0;

            if (blocks.Count == 0 || !(blocks[0] is YamlFrontMatterBlock front))
                throw Error(file, 1, "the page must start with the YAML front matter (external help file, Module Name, online version, schema).");
            foreach (var pair in MarkdownText.FrontMatter(front)) page.FrontMatter[pair.Key] = pair.Value;
            Expect(page, front, "external help file", "PortalIo.dll-Help.xml");
            Expect(page, front, "Module Name", "PortalIo");
            Expect(page, front, "schema", "2.0.0");
            index++;

            if (index >= blocks.Count || !(blocks[index] is HeadingBlock title) || title.Level != 1)
                throw Error(file, index < blocks.Count ? MarkdownText.LineOf(blocks[index]) : 1, "after the front matter comes '# Verb-Noun'.");
            page.Name = MarkdownText.HeadingText(title);
            if (!CommandName.IsMatch(page.Name))
                throw Error(file, MarkdownText.LineOf(title), "'" + page.Name + "' is not a Verb-Noun cmdlet name.");
            var expectedName = Path.GetFileNameWithoutExtension(file);
            if (!string.Equals(page.Name, expectedName, StringComparison.Ordinal))
                throw Error(file, MarkdownText.LineOf(title), "the title '# " + page.Name + "' does not match the file name '" + expectedName + ".md'.");
            index++;

            // Group the remaining blocks by H2 section.
            var sections = new List<(string Name, HeadingBlock Heading, List<Block> Body)>();
            for (; index < blocks.Count; index++)
            {
                var block = blocks[index];
                if (block is HeadingBlock h && h.Level <= 2)
                {
                    if (h.Level == 1) throw Error(file, MarkdownText.LineOf(h), "only one H1 ('# " + page.Name + "') is allowed.");
                    sections.Add((MarkdownText.HeadingText(h).ToUpperInvariant(), h, new List<Block>()));
                }
                else if (sections.Count == 0)
                {
                    throw Error(file, MarkdownText.LineOf(block), "text before '## SYNOPSIS'.");
                }
                else
                {
                    sections[sections.Count - 1].Body.Add(block);
                }
            }

            var names = sections.Select(s => s.Name).ToList();
            foreach (var s in sections)
            {
                if (Array.IndexOf(Sections, s.Name) < 0)
                    throw Error(file, MarkdownText.LineOf(s.Heading), "unknown section '## " + s.Name + "'; the sections are: " + string.Join(", ", Sections) + ".");
            }
            if (names.Count != names.Distinct().Count())
                throw Error(file, 1, "a section appears twice.");
            var missing = Sections.Where(s => !names.Contains(s)).ToList();
            if (missing.Count > 0)
                throw Error(file, 1, "missing section(s): " + string.Join(", ", missing.Select(m => "## " + m)) + ".");
            if (!names.SequenceEqual(Sections))
                throw Error(file, 1, "sections out of order; the order is: " + string.Join(", ", Sections) + ".");

            foreach (var (name, heading, body) in sections)
            {
                switch (name)
                {
                    case "SYNOPSIS": page.Synopsis.AddRange(body.SelectMany(MarkdownText.Paragraphs)); break;
                    case "SYNTAX": ReadSyntax(page, heading, body); break;
                    case "DESCRIPTION": page.Description.AddRange(body.SelectMany(MarkdownText.Paragraphs)); break;
                    case "EXAMPLES": ReadExamples(page, body); break;
                    case "PARAMETERS": ReadParameters(page, body); break;
                    case "INPUTS": ReadTypes(page, body, page.Inputs, "INPUTS"); break;
                    case "OUTPUTS": ReadTypes(page, body, page.Outputs, "OUTPUTS"); break;
                    case "NOTES": page.Notes.AddRange(body.SelectMany(MarkdownText.Paragraphs)); break;
                    case "RELATED LINKS": ReadLinks(page, body); break;
                }
            }

            if (page.Synopsis.Count == 0 || page.Synopsis.All(string.IsNullOrWhiteSpace))
                throw Error(file, MarkdownText.LineOf(sections[0].Heading), "## SYNOPSIS is empty.");
            CheckParameters(page);
            return page;
        }

        private static void Expect(CommandPage page, Block front, string key, string value)
        {
            if (!page.FrontMatter.TryGetValue(key, out var actual) || actual != value)
                throw Error(page.File, MarkdownText.LineOf(front), "front matter '" + key + ": " + value + "' is required.");
        }

        private static void ReadSyntax(CommandPage page, HeadingBlock heading, List<Block> body)
        {
            string? setName = null;
            foreach (var block in body)
            {
                switch (block)
                {
                    case HeadingBlock h when h.Level == 3:
                        setName = MarkdownText.HeadingText(h);
                        break;
                    case FencedCodeBlock code:
                        var name = setName ?? "__AllParameterSets";
                        var isDefault = name.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
                        if (isDefault) name = name.Substring(0, name.Length - "(Default)".Length).Trim();
                        page.Syntax.Add(new SyntaxSet { Name = name, IsDefault = isDefault, Text = MarkdownText.FencedCode(code).Trim() });
                        setName = null;
                        break;
                    default:
                        throw Error(page.File, MarkdownText.LineOf(block), "## SYNTAX holds only '### SetName' headings, each followed by a ``` block.");
                }
            }
            if (page.Syntax.Count == 0)
                throw Error(page.File, MarkdownText.LineOf(heading), "## SYNTAX needs at least one ``` block.");
            foreach (var set in page.Syntax)
            {
                if (!set.Text.StartsWith(page.Name, StringComparison.OrdinalIgnoreCase))
                    throw Error(page.File, MarkdownText.LineOf(heading), "the syntax of set '" + set.Name + "' must start with '" + page.Name + "'.");
            }
        }

        private static void ReadExamples(CommandPage page, List<Block> body)
        {
            Example? current = null;
            HeadingBlock? currentHeading = null;
            foreach (var block in body)
            {
                if (block is HeadingBlock h && h.Level == 3)
                {
                    Close(page, current, currentHeading);
                    current = new Example { Title = MarkdownText.HeadingText(h) };
                    currentHeading = h;
                    page.Examples.Add(current);
                    continue;
                }
                if (current is null)
                    throw Error(page.File, MarkdownText.LineOf(block), "## EXAMPLES holds '### Example N: title' headings, each with a ```powershell block and a description.");
                if (block is FencedCodeBlock code && current.Remarks.Count == 0)
                    current.Code = current.Code.Length == 0 ? MarkdownText.FencedCode(code) : current.Code + "\n\n" + MarkdownText.FencedCode(code);
                else
                    current.Remarks.AddRange(MarkdownText.Paragraphs(block));
            }
            Close(page, current, currentHeading);
        }

        private static void Close(CommandPage page, Example? example, HeadingBlock? heading)
        {
            if (example != null && example.Code.Length == 0)
                throw Error(page.File, MarkdownText.LineOf(heading!), "example '" + example.Title + "' has no ```powershell block.");
        }

        private static void ReadParameters(CommandPage page, List<Block> body)
        {
            ParameterDoc? current = null;
            var inCommon = false;
            foreach (var block in body)
            {
                if (block is HeadingBlock h && h.Level == 3)
                {
                    var text = MarkdownText.HeadingText(h);
                    inCommon = string.Equals(text, "CommonParameters", StringComparison.OrdinalIgnoreCase);
                    if (inCommon)
                    {
                        page.HasCommonParameters = true;
                        current = null;
                        continue;
                    }
                    if (!text.StartsWith("-", StringComparison.Ordinal) || text.Length < 2)
                        throw Error(page.File, MarkdownText.LineOf(h), "parameter headings are '### -Name' (found '### " + text + "').");
                    current = new ParameterDoc { Name = text.Substring(1), Line = MarkdownText.LineOf(h) };
                    if (page.Parameters.Any(p => string.Equals(p.Name, current.Name, StringComparison.OrdinalIgnoreCase)))
                        throw Error(page.File, current.Line, "parameter -" + current.Name + " is documented twice.");
                    page.Parameters.Add(current);
                    continue;
                }
                if (inCommon) continue;
                if (current is null)
                    throw Error(page.File, MarkdownText.LineOf(block), "## PARAMETERS holds '### -Name' headings, each with a description and a ```yaml block.");
                if (block is FencedCodeBlock code && MarkdownText.Info(code) == "yaml")
                    current.Blocks.Add(ReadYaml(page, current, code));
                else
                    current.Description.AddRange(MarkdownText.Paragraphs(block));
            }
            foreach (var parameter in page.Parameters)
            {
                if (parameter.Blocks.Count == 0)
                    throw Error(page.File, parameter.Line, "parameter -" + parameter.Name + " has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters).");
            }
        }

        private static ParameterAttributes ReadYaml(CommandPage page, ParameterDoc parameter, FencedCodeBlock code)
        {
            var attributes = new ParameterAttributes();
            var lineNumber = MarkdownText.LineOf(code);
            foreach (var raw in MarkdownText.FencedCode(code).Split('\n'))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0) continue;
                var colon = line.IndexOf(':');
                if (colon <= 0) throw Error(page.File, lineNumber, "-" + parameter.Name + ": '" + line + "' is not 'Key: value'.");
                var key = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                if (!YamlKeys.Contains(key))
                    throw Error(page.File, lineNumber, "-" + parameter.Name + ": unknown key '" + key + "'; the keys are: " + string.Join(", ", YamlKeys) + ".");
                switch (key.ToLowerInvariant())
                {
                    case "type": attributes.Type = value; break;
                    case "parameter sets":
                        attributes.ParameterSets.AddRange(value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0));
                        break;
                    case "aliases": attributes.Aliases = value; break;
                    case "accepted values": attributes.AcceptedValues = value; break;
                    case "required": attributes.Required = Bool(page, parameter, lineNumber, key, value); break;
                    case "position": attributes.Position = value; break;
                    case "default value": attributes.DefaultValue = value; break;
                    case "accept pipeline input": attributes.PipelineInput = value; break;
                    case "accept wildcard characters": attributes.Globbing = Bool(page, parameter, lineNumber, key, value); break;
                }
            }
            if (attributes.Type.Length == 0)
                throw Error(page.File, MarkdownText.LineOf(code), "-" + parameter.Name + ": the yaml block needs 'Type:'.");
            if (attributes.ParameterSets.Count == 0)
                throw Error(page.File, MarkdownText.LineOf(code), "-" + parameter.Name + ": the yaml block needs 'Parameter Sets:' ((All) or set names).");
            if (attributes.Position.Length == 0 || !(attributes.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) || int.TryParse(attributes.Position, out _)))
                throw Error(page.File, MarkdownText.LineOf(code), "-" + parameter.Name + ": 'Position:' is Named or a number.");
            return attributes;
        }

        private static bool Bool(CommandPage page, ParameterDoc parameter, int line, string key, string value)
        {
            if (string.Equals(value, "True", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "False", StringComparison.OrdinalIgnoreCase)) return false;
            throw Error(page.File, line, "-" + parameter.Name + ": '" + key + "' is True or False.");
        }

        private static void ReadTypes(CommandPage page, List<Block> body, List<TypeDoc> into, string section)
        {
            TypeDoc? current = null;
            foreach (var block in body)
            {
                if (block is HeadingBlock h && h.Level == 3)
                {
                    current = new TypeDoc { Name = MarkdownText.HeadingText(h) };
                    into.Add(current);
                    continue;
                }
                if (current is null)
                    throw Error(page.File, MarkdownText.LineOf(block), "## " + section + " holds '### TypeName' headings (or '### None'), each with a description.");
                current.Description.AddRange(MarkdownText.Paragraphs(block));
            }
        }

        private static void ReadLinks(CommandPage page, List<Block> body)
        {
            foreach (var block in body)
            {
                var links = MarkdownText.Links(block).ToList();
                if (links.Count == 0)
                {
                    foreach (var text in MarkdownText.Paragraphs(block))
                        page.RelatedLinks.Add(new Link { Text = text.TrimStart('-', ' ') });
                    continue;
                }
                foreach (var link in links)
                {
                    var text = MarkdownText.LinkText(link).Trim();
                    var url = link.Url ?? string.Empty;
                    // Relative links (Other-Cmdlet.md) serve the markdown; in MAML the name is what Get-Help shows.
                    var absolute = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https");
                    page.RelatedLinks.Add(new Link { Text = text.Length > 0 ? text : url, Uri = absolute ? url : string.Empty });
                }
            }
        }

        /// <summary>Every set named in a yaml block exists in SYNTAX, and every -Name in SYNTAX is documented.</summary>
        private static void CheckParameters(CommandPage page)
        {
            var sets = page.Syntax.Select(s => s.Name).ToList();
            foreach (var parameter in page.Parameters)
            {
                foreach (var block in parameter.Blocks)
                {
                    foreach (var set in block.ParameterSets)
                    {
                        if (set == "(All)" || sets.Contains(set, StringComparer.OrdinalIgnoreCase)) continue;
                        if (sets.Count == 1 && sets[0] == "__AllParameterSets") continue;
                        throw Error(page.File, parameter.Line, "-" + parameter.Name + " names parameter set '" + set + "', which ## SYNTAX does not have (" + string.Join(", ", sets) + ").");
                    }
                }
            }
            foreach (var set in page.Syntax)
            {
                foreach (Match match in SyntaxParameter.Matches(set.Text))
                {
                    var name = match.Groups["name"].Value;
                    if (!page.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                        throw Error(page.File, 1, "## SYNTAX (" + set.Name + ") shows -" + name + ", which ## PARAMETERS does not describe.");
                }
            }
        }

        private static HelpFormatException Error(string file, int line, string message) => new HelpFormatException(file, line, message);
    }
}
