using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace PortalIo.HelpGen
{
    /// <summary>
    /// Turns docs/about/about_Name.md into the classic about_Name.help.txt:
    /// TOPIC / SHORT DESCRIPTION / LONG DESCRIPTION / ... at column 0, text indented 4, H3 headings (as written)
    /// indented 2, code indented 8, every line at most 80 characters.
    /// Layout of the markdown: '# about_Name', then H2 sections (SHORT DESCRIPTION and LONG
    /// DESCRIPTION required; EXAMPLES, NOTE, TROUBLESHOOTING NOTE, SEE ALSO, KEYWORDS optional), H3 subsections.
    /// </summary>
    public static class AboutTopicRenderer
    {
        public const int Width = 80;
        private const string TextIndent = "    ";
        private const string CodeIndent = "        ";

        public static (string Name, string Text) Render(string file, string markdown)
        {
            var document = MarkdownText.Parse(markdown);
            var blocks = document.Where(b => !(b is YamlFrontMatterBlock)).ToList();
            if (blocks.Count == 0 || !(blocks[0] is HeadingBlock title) || title.Level != 1)
                throw new HelpFormatException(file, 1, "an about topic starts with '# about_Name'.");
            var name = MarkdownText.HeadingText(title);
            var expected = Path.GetFileNameWithoutExtension(file);
            if (!name.StartsWith("about_", StringComparison.Ordinal) || name != expected)
                throw new HelpFormatException(file, MarkdownText.LineOf(title), "the title '# " + name + "' must be 'about_...' and match the file name '" + expected + ".md'.");

            var output = new List<string> { "TOPIC", TextIndent + name, string.Empty };
            var sections = new List<string>();
            foreach (var block in blocks.Skip(1))
            {
                var line = MarkdownText.LineOf(block);
                switch (block)
                {
                    case HeadingBlock h when h.Level == 2:
                        var section = MarkdownText.HeadingText(h).ToUpperInvariant();
                        if (sections.Count == 0 && section != "SHORT DESCRIPTION")
                            throw new HelpFormatException(file, line, "the first section is '## SHORT DESCRIPTION'.");
                        sections.Add(section);
                        Blank(output);
                        output.Add(section);
                        break;
                    case HeadingBlock h when h.Level == 3:
                        Need(file, sections, line);
                        Blank(output);
                        Add(file, output, line, "  " + MarkdownText.HeadingText(h));
                        break;
                    case HeadingBlock h:
                        throw new HelpFormatException(file, line, "use '## SECTION' and '### Subsection' headings only (found level " + h.Level + ").");
                    case ThematicBreakBlock _:
                        break;
                    default:
                        Need(file, sections, line);
                        RenderBlock(file, output, block, TextIndent, line);
                        output.Add(string.Empty);
                        break;
                }
            }
            if (!sections.Contains("SHORT DESCRIPTION") || !sections.Contains("LONG DESCRIPTION"))
                throw new HelpFormatException(file, 1, "an about topic needs '## SHORT DESCRIPTION' and '## LONG DESCRIPTION'.");
            while (output.Count > 0 && output[output.Count - 1].Length == 0) output.RemoveAt(output.Count - 1);
            // Collapse runs of blank lines.
            var text = new StringBuilder();
            var previousBlank = false;
            foreach (var l in output)
            {
                var blank = l.Length == 0;
                if (blank && previousBlank) continue;
                text.Append(l).Append(Environment.NewLine);
                previousBlank = blank;
            }
            return (name, text.ToString());
        }

        private static void Need(string file, List<string> sections, int line)
        {
            if (sections.Count == 0) throw new HelpFormatException(file, line, "text before '## SHORT DESCRIPTION'.");
        }

        private static void Blank(List<string> output)
        {
            if (output.Count > 0 && output[output.Count - 1].Length != 0) output.Add(string.Empty);
        }

        private static void RenderBlock(string file, List<string> output, Block block, string indent, int line)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    foreach (var l in Wrap(MarkdownText.InlineText(paragraph.Inline).Trim(), indent, indent))
                        Add(file, output, line, l);
                    break;
                case FencedCodeBlock code:
                    foreach (var l in MarkdownText.FencedCode(code).Split('\n'))
                        Add(file, output, line, l.Length == 0 ? string.Empty : indent + "    " + l);
                    break;
                case CodeBlock code:
                    foreach (var l in code.Lines.Lines.Take(code.Lines.Count).Select(x => x.Slice.ToString()))
                        Add(file, output, line, l.Length == 0 ? string.Empty : indent + "    " + l);
                    break;
                case ListBlock list:
                    var number = list.IsOrdered && int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var bullet = list.IsOrdered ? (number++) + ". " : "- ";
                        var hanging = indent + new string(' ', bullet.Length);
                        var first = true;
                        foreach (var child in item)
                        {
                            if (first && child is ParagraphBlock p)
                            {
                                foreach (var l in Wrap(MarkdownText.InlineText(p.Inline).Trim(), indent + bullet, hanging))
                                    Add(file, output, line, l);
                            }
                            else
                            {
                                if (!(child is ListBlock)) output.Add(string.Empty);
                                RenderBlock(file, output, child, hanging, MarkdownText.LineOf(child));
                            }
                            first = false;
                        }
                    }
                    break;
                case QuoteBlock quote:
                    foreach (var child in quote) RenderBlock(file, output, child, indent + "  ", MarkdownText.LineOf(child));
                    break;
                case HtmlBlock _:
                    break;
                default:
                    throw new HelpFormatException(file, line, "unsupported markdown in an about topic (" + block.GetType().Name + "); use paragraphs, lists and ``` blocks.");
            }
        }

        private static void Add(string file, List<string> output, int line, string text)
        {
            text = text.TrimEnd();
            if (text.Length > Width)
                throw new HelpFormatException(file, line, "this renders to a line of " + text.Length + " characters (at most " + Width + "): '" + text.Trim() + "'. Shorten the code line or the word.");
            output.Add(text);
        }

        /// <summary>Word wrap at <see cref="Width"/>; hard breaks (two spaces or a backslash at line end) start a new line.</summary>
        public static IEnumerable<string> Wrap(string text, string firstIndent, string indent)
        {
            var prefix = firstIndent;
            foreach (var hardLine in text.Split('\n'))
            {
                var line = new StringBuilder(prefix);
                var empty = true;
                foreach (var word in hardLine.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!empty && line.Length + 1 + word.Length > Width)
                    {
                        yield return line.ToString();
                        line.Clear().Append(indent);
                        empty = true;
                    }
                    if (!empty) line.Append(' ');
                    line.Append(word);
                    empty = false;
                }
                yield return line.ToString();
                prefix = indent;
            }
        }
    }
}
