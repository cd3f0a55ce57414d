using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PortalIo.HelpGen
{
    /// <summary>Markdig plumbing shared by the cmdlet and about_ readers: parse, and blocks to plain text.</summary>
    internal static class MarkdownText
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        public static MarkdownDocument Parse(string text) => Markdown.Parse(text.Replace("\r\n", "\n"), Pipeline);

        /// <summary>1-based line of a block, for error messages.</summary>
        public static int LineOf(Block block) => block.Line + 1;

        public static string HeadingText(HeadingBlock heading) => InlineText(heading.Inline).Trim();

        public static string FencedCode(FencedCodeBlock code)
        {
            var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString());
            return string.Join("\n", lines).TrimEnd();
        }

        public static string Info(FencedCodeBlock code) => (code.Info ?? string.Empty).Trim().ToLowerInvariant();

        public static Dictionary<string, string> FrontMatter(YamlFrontMatterBlock block)
        {
            var result = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var line in block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()))
            {
                var colon = line.IndexOf(':');
                if (line.Trim() == "---" || colon <= 0) continue;
                result[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            return result;
        }

        /// <summary>
        /// The paragraphs of a block as plain text: one entry per paragraph, list item or code block.
        /// Soft line breaks become spaces (Get-Help re-wraps); code keeps its lines.
        /// </summary>
        public static IEnumerable<string> Paragraphs(Block block)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    yield return InlineText(paragraph.Inline).Trim();
                    break;
                case ListBlock list:
                    var number = 1;
                    if (list.IsOrdered && int.TryParse(list.OrderedStart, out var start)) number = start;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var bullet = list.IsOrdered ? number++ + ". " : "- ";
                        var parts = item.SelectMany(Paragraphs).ToList();
                        if (parts.Count == 0) continue;
                        yield return bullet + parts[0];
                        foreach (var more in parts.Skip(1)) yield return "  " + more.Replace("\n", "\n  ");
                    }
                    break;
                case FencedCodeBlock fenced:
                    yield return Indent(FencedCode(fenced), "    ");
                    break;
                case CodeBlock indented:
                    yield return Indent(string.Join("\n", indented.Lines.Lines.Take(indented.Lines.Count).Select(l => l.Slice.ToString())).TrimEnd(), "    ");
                    break;
                case HeadingBlock heading:
                    yield return HeadingText(heading);
                    break;
                case QuoteBlock quote:
                    foreach (var inner in quote.SelectMany(Paragraphs)) yield return inner;
                    break;
                case ContainerBlock container:
                    foreach (var inner in container.SelectMany(Paragraphs)) yield return inner;
                    break;
                case LeafBlock leaf when leaf.Inline != null:
                    yield return InlineText(leaf.Inline).Trim();
                    break;
            }
        }

        public static string Indent(string text, string indent) =>
            string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));

        public static string InlineText(ContainerInline? container)
        {
            var builder = new StringBuilder();
            Append(builder, container);
            return builder.ToString();
        }

        /// <summary>The text of a link, without its URL.</summary>
        public static string LinkText(LinkInline link)
        {
            var builder = new StringBuilder();
            foreach (var child in link) Append(builder, child);
            return builder.ToString();
        }

        /// <summary>Every [text](uri) of a block.</summary>
        public static IEnumerable<LinkInline> Links(Block block)
        {
            var leaves = block is LeafBlock self ? new[] { self } : block.Descendants<LeafBlock>();
            foreach (var leaf in leaves)
            {
                if (leaf.Inline is null) continue;
                foreach (var link in LinksOf(leaf.Inline))
                    if (!link.IsImage) yield return link;
            }
        }

        private static IEnumerable<LinkInline> LinksOf(ContainerInline container)
        {
            foreach (var child in container)
            {
                if (child is LinkInline link) yield return link;
                else if (child is ContainerInline inner)
                    foreach (var nested in LinksOf(inner)) yield return nested;
            }
        }

        private static void Append(StringBuilder builder, Inline? inline)
        {
            switch (inline)
            {
                case null:
                    return;
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    return;
                case CodeInline code:
                    builder.Append(code.Content);
                    return;
                case LineBreakInline lineBreak:
                    builder.Append(lineBreak.IsHard ? "\n" : " ");
                    return;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    return;
                case HtmlInline html:
                    builder.Append(html.Tag);
                    return;
                case AutolinkInline auto:
                    builder.Append(auto.Url);
                    return;
                case LinkInline link:
                    var start = builder.Length;
                    foreach (var child in link) Append(builder, child);
                    var text = builder.ToString(start, builder.Length - start);
                    if (!string.IsNullOrEmpty(link.Url) && text != link.Url && !link.Url!.StartsWith("#", System.StringComparison.Ordinal))
                        builder.Append(" (").Append(link.Url).Append(')');
                    return;
                case ContainerInline container:
                    foreach (var child in container) Append(builder, child);
                    return;
            }
        }
    }
}
