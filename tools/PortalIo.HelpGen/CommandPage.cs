using System.Collections.Generic;

namespace PortalIo.HelpGen
{
    /// <summary>One docs/cmdlets/Verb-Noun.md page, as read from its platyPS layout.</summary>
    public sealed class CommandPage
    {
        public string File { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public string Verb => Name.Substring(0, Name.IndexOf('-'));
        public string Noun => Name.Substring(Name.IndexOf('-') + 1);
        public Dictionary<string, string> FrontMatter { get; } = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        public List<string> Synopsis { get; } = new List<string>();
        public List<SyntaxSet> Syntax { get; } = new List<SyntaxSet>();
        public List<string> Description { get; } = new List<string>();
        public List<Example> Examples { get; } = new List<Example>();
        public List<ParameterDoc> Parameters { get; } = new List<ParameterDoc>();
        public bool HasCommonParameters { get; set; }
        public List<TypeDoc> Inputs { get; } = new List<TypeDoc>();
        public List<TypeDoc> Outputs { get; } = new List<TypeDoc>();
        public List<string> Notes { get; } = new List<string>();
        public List<Link> RelatedLinks { get; } = new List<Link>();
    }

    public sealed class SyntaxSet
    {
        /// <summary>"__AllParameterSets" when the page has one unnamed set.</summary>
        public string Name { get; set; } = string.Empty;
        public bool IsDefault { get; set; }
        public string Text { get; set; } = string.Empty;
    }

    public sealed class Example
    {
        public string Title { get; set; } = string.Empty;
        public string Code { get; set; } = string.Empty;
        public List<string> Remarks { get; } = new List<string>();
    }

    public sealed class ParameterDoc
    {
        public string Name { get; set; } = string.Empty;
        public int Line { get; set; }
        public List<string> Description { get; } = new List<string>();

        /// <summary>One yaml block per group of parameter sets in which the parameter behaves alike (platyPS).</summary>
        public List<ParameterAttributes> Blocks { get; } = new List<ParameterAttributes>();
    }

    public sealed class ParameterAttributes
    {
        public string Type { get; set; } = string.Empty;
        public List<string> ParameterSets { get; } = new List<string>();
        public string Aliases { get; set; } = string.Empty;
        public bool Required { get; set; }
        public string Position { get; set; } = "Named";
        public string DefaultValue { get; set; } = "None";
        public string PipelineInput { get; set; } = "False";
        public bool Globbing { get; set; }
        public string? AcceptedValues { get; set; }

        public bool AppliesTo(string set) =>
            ParameterSets.Exists(s => s == "(All)" || string.Equals(s, set, System.StringComparison.OrdinalIgnoreCase));
    }

    public sealed class TypeDoc
    {
        public string Name { get; set; } = string.Empty;
        public List<string> Description { get; } = new List<string>();
    }

    public sealed class Link
    {
        public string Text { get; set; } = string.Empty;
        public string Uri { get; set; } = string.Empty;
    }
}
