using System;
using System.IO;

namespace PortalIo.Tests
{
    /// <summary>Where the repository, the staged module and the shell are, found from the test binaries.</summary>
    internal static class TestPaths
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        public static string StagedManifest => Path.Combine(RepoRoot, "out", "PortalIo", "PortalIo.psd1");

        public static string SourceManifest => Path.Combine(RepoRoot, "PortalIo.psd1");

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PortalIo.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("PortalIo.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
