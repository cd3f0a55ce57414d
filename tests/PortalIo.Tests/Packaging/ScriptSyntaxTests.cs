using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace PortalIo.Tests.Packaging
{
    /// <summary>
    /// Every PowerShell file of the repository parses with the engine's parser: the scripts that no
    /// test runs here (build.ps1, tests/pester on machines with Pester) at least stay valid.
    /// </summary>
    public class ScriptSyntaxTests
    {
        private static readonly string[] Extensions = { ".ps1", ".psm1", ".psd1" };
        private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "out", ".git" };

        private static IEnumerable<string> ScriptFiles(DirectoryInfo directory)
        {
            foreach (var file in directory.EnumerateFiles())
                if (Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase)) yield return file.FullName;
            foreach (var child in directory.EnumerateDirectories())
            {
                if (SkippedDirectories.Contains(child.Name)) continue;
                foreach (var file in ScriptFiles(child)) yield return file;
            }
        }

        [Fact]
        public void Every_script_manifest_and_pester_file_parses()
        {
            var files = ScriptFiles(new DirectoryInfo(TestPaths.RepoRoot)).ToList();
            var relative = files.Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f).Replace('\\', '/')).ToList();
            Assert.Contains("build.ps1", relative);
            Assert.Contains("PortalIo.psd1", relative);
            Assert.Contains(relative, f => f.StartsWith("tests/pester/", StringComparison.Ordinal) && f.EndsWith(".Tests.ps1", StringComparison.Ordinal));

            var problems = new List<string>();
            foreach (var file in files)
            {
                Parser.ParseFile(file, out _, out var errors);
                problems.AddRange(errors.Select(e => Path.GetRelativePath(TestPaths.RepoRoot, file) + ":" + e.Extent.StartLineNumber + ":" + e.Extent.StartColumnNumber + ": " + e.ErrorId + ": " + e.Message));
            }
            Assert.True(problems.Count == 0, "Parse errors:\n" + string.Join("\n", problems));
        }
    }
}
