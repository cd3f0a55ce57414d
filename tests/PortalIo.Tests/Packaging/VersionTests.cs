using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PortalIo.Tests.Packaging
{
    /// <summary>
    /// One version: Directory.Build.props &lt;Version&gt; is the source; the assembly, the staged psd1
    /// and the root psd1 carry it, and it agrees with CHANGELOG.md.
    /// </summary>
    public class VersionTests
    {
        private static Version AssemblyVersion
        {
            get
            {
                var v = typeof(PortalIo.PowerShell.PortalCmdlet).Assembly.GetName().Version!;
                return new Version(v.Major, v.Minor, v.Build);
            }
        }

        private static Version ManifestVersion(string path)
        {
            var m = Regex.Match(File.ReadAllText(path), @"(?m)^\s*ModuleVersion\s*=\s*'([^']*)'");
            Assert.True(m.Success, path + " has no ModuleVersion");
            return Version.Parse(m.Groups[1].Value);
        }

        [Fact]
        public void Props_assembly_staged_and_root_manifests_carry_one_version()
        {
            var props = Regex.Match(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props")), @"<Version>([^<]+)</Version>");
            Assert.True(props.Success);
            var version = Version.Parse(props.Groups[1].Value);
            Assert.Equal(version, AssemblyVersion);
            Assert.Equal(version, ManifestVersion(TestPaths.StagedManifest));
            // The root psd1 is the template staging copies; its ModuleVersion is overwritten there,
            // but it is kept equal so that reading it never misleads.
            Assert.Equal(version, ManifestVersion(TestPaths.SourceManifest));
        }

        /// <summary>
        /// The rule, with "released" = the newest "## [x.y.z] - yyyy-mm-dd" heading of CHANGELOG.md
        /// (Keep a Changelog: newest first):
        /// - the version is never below the newest release (no build can claim an older number);
        /// - if [Unreleased] is empty, the version IS the newest release (a bump with nothing to
        ///   announce means the changelog was forgotten);
        /// - if [Unreleased] has entries, the version is the newest release (not bumped yet) or
        ///   above it (bumped for the release being prepared).
        /// Released headings must be strictly descending and dated.
        /// </summary>
        [Fact]
        public void Version_agrees_with_the_changelog()
        {
            var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "CHANGELOG.md"));
            var headings = lines.Select((text, index) => (text, index)).Where(l => l.text.StartsWith("## ", StringComparison.Ordinal)).ToList();
            Assert.True(headings.Count > 0 && Regex.IsMatch(headings[0].text, @"^## \[Unreleased\]\s*$"), "CHANGELOG.md must start with ## [Unreleased]");

            var released = headings.Skip(1).Select(h =>
            {
                var m = Regex.Match(h.text, @"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})\s*$");
                Assert.True(m.Success, "Not a release heading: " + h.text);
                return Version.Parse(m.Groups[1].Value);
            }).ToList();
            Assert.NotEmpty(released);
            for (var i = 1; i < released.Count; i++) Assert.True(released[i - 1] > released[i], "Release headings must be newest first: " + released[i - 1] + " before " + released[i]);

            var unreleasedEnd = headings.Count > 1 ? headings[1].index : lines.Length;
            var unreleasedHasEntries = lines.Skip(headings[0].index + 1).Take(unreleasedEnd - headings[0].index - 1).Any(l => l.Trim().Length > 0);
            var newest = released[0];
            var version = AssemblyVersion;

            Assert.True(version >= newest, "Version " + version + " is below the newest release " + newest + " in CHANGELOG.md.");
            if (!unreleasedHasEntries)
                Assert.True(version == newest, "Version " + version + " is not the newest release " + newest + " but [Unreleased] is empty: record the changes or move them under ## [" + version + "] - date.");
        }
    }
}
