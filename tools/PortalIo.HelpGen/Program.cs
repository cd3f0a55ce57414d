using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PortalIo.HelpGen
{
    /// <summary>
    /// dotnet PortalIo.HelpGen.dll &lt;docsDir&gt; &lt;outputDir&gt;
    /// Reads &lt;docsDir&gt;/cmdlets/*.md and &lt;docsDir&gt;/about/*.md, writes &lt;outputDir&gt;/PortalIo.dll-Help.xml and
    /// &lt;outputDir&gt;/about_*.help.txt. Exit code 0 on success, 1 on a malformed page, 2 on bad usage.
    /// </summary>
    public static class Program
    {
        public const string HelpFileName = "PortalIo.dll-Help.xml";

        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: dotnet PortalIo.HelpGen.dll <docsDir> <outputDir>");
                return 2;
            }
            var docsDir = Path.GetFullPath(args[0]);
            var outputDir = Path.GetFullPath(args[1]);
            if (!Directory.Exists(docsDir))
            {
                Console.Error.WriteLine("PortalIo.HelpGen: error: docs folder '" + docsDir + "' does not exist.");
                return 2;
            }
            try
            {
                var result = Generate(docsDir, outputDir);
                Console.WriteLine("PortalIo.HelpGen: " + result.Commands + " cmdlet page(s) -> " + Path.Combine(outputDir, HelpFileName) +
                                  "; " + result.AboutTopics + " about topic(s).");
                return 0;
            }
            catch (HelpFormatException ex)
            {
                // MSBuild recognises "file(line): error CODE: text" and shows it as a build error.
                Console.Error.WriteLine(ex.File + (ex.Line > 0 ? "(" + ex.Line + ")" : string.Empty) + ": error HELPGEN001: " + ex.Message);
                return 1;
            }
        }

        public sealed class Result
        {
            public int Commands { get; set; }
            public int AboutTopics { get; set; }
        }

        /// <summary>Parses every page first, so nothing is written when any page is malformed.</summary>
        public static Result Generate(string docsDir, string outputDir)
        {
            var cmdletDir = Path.Combine(docsDir, "cmdlets");
            var aboutDir = Path.Combine(docsDir, "about");

            var pages = new List<CommandPage>();
            if (Directory.Exists(cmdletDir))
            {
                foreach (var file in Directory.GetFiles(cmdletDir, "*.md").OrderBy(f => f, StringComparer.Ordinal))
                    pages.Add(CommandPageParser.Parse(file, File.ReadAllText(file)));
            }
            var duplicate = pages.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
                throw new HelpFormatException(duplicate.Last().File, 0, "cmdlet '" + duplicate.Key + "' is documented twice.");

            var topics = new List<(string Name, string Text)>();
            if (Directory.Exists(aboutDir))
            {
                foreach (var file in Directory.GetFiles(aboutDir, "*.md").OrderBy(f => f, StringComparer.Ordinal))
                    topics.Add(AboutTopicRenderer.Render(file, File.ReadAllText(file)));
            }

            Directory.CreateDirectory(outputDir);
            // Always (re)write: MSBuild's Inputs/Outputs check compares the help file's time with the docs'.
            MamlWriter.Write(pages, Path.Combine(outputDir, HelpFileName));

            var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, text) in topics)
            {
                var path = Path.Combine(outputDir, name + ".help.txt");
                File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
                written.Add(Path.GetFileName(path));
            }
            // A topic whose markdown was removed must not linger in the staged module.
            foreach (var stale in Directory.GetFiles(outputDir, "about_*.help.txt"))
            {
                if (!written.Contains(Path.GetFileName(stale))) File.Delete(stale);
            }
            return new Result { Commands = pages.Count, AboutTopics = topics.Count };
        }
    }

    /// <summary>A page that does not follow the layout; names the file and line.</summary>
    public sealed class HelpFormatException : Exception
    {
        public HelpFormatException(string file, int line, string message) : base(message)
        {
            File = file;
            Line = line;
        }

        public string File { get; }
        public int Line { get; }
    }
}
