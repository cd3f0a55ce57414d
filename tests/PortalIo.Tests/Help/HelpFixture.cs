using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PortalIo.Tests.PowerShell;

namespace PortalIo.Tests.Help
{
    /// <summary>
    /// One runspace with the staged module imported, and $env:PSModulePath pointing at out/ so that
    /// Get-Help finds about_*.help.txt the way it does for an installed module.
    /// </summary>
    public sealed class HelpFixture : IDisposable
    {
        public HelpFixture()
        {
            Runspace = new ModuleRunspace();
            var outDir = Path.Combine(TestPaths.RepoRoot, "out");
            Runspace.Run("$env:PSModulePath = $outDir + [System.IO.Path]::PathSeparator + $env:PSModulePath",
                new Dictionary<string, object?> { ["outDir"] = outDir });
        }

        public ModuleRunspace Runspace { get; }

        public void Dispose() => Runspace.Dispose();
    }

    /// <summary>Where help comes from and goes to; the cmdlet list from the manifest, for theories.</summary>
    internal static class HelpPaths
    {
        public static string CmdletDocs => Path.Combine(TestPaths.RepoRoot, "docs", "cmdlets");
        public static string AboutDocs => Path.Combine(TestPaths.RepoRoot, "docs", "about");
        public static string StagedHelpDir => Path.Combine(TestPaths.RepoRoot, "out", "PortalIo", "en-US");
        public static string StagedMaml => Path.Combine(StagedHelpDir, "PortalIo.dll-Help.xml");

        /// <summary>CmdletsToExport of the source manifest (the tests also compare with Get-Command).</summary>
        public static IReadOnlyList<string> ManifestCmdlets()
        {
            var text = File.ReadAllText(TestPaths.SourceManifest);
            var block = Regex.Match(text, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
            return Regex.Matches(block, @"'(?<name>[^']+)'").Select(m => m.Groups["name"].Value).ToList();
        }

        public static IEnumerable<object[]> Cmdlets() => ManifestCmdlets().Select(n => new object[] { n });

        public static IEnumerable<object[]> AboutTopics() =>
            Directory.Exists(AboutDocs)
                ? Directory.GetFiles(AboutDocs, "about_*.md").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) })
                : Enumerable.Empty<object[]>();
    }
}
