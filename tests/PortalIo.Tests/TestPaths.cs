using System;
using System.IO;

namespace PortalIo.Tests
{
    /// <summary>Where the repository, the staged module and README's launcher are, found from the test binaries.</summary>
    internal static class TestPaths
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        public static string StagedManifest => Path.Combine(RepoRoot, "out", "PortalIo", "PortalIo.psd1");

        public static string SourceManifest => Path.Combine(RepoRoot, "PortalIo.psd1");

        /// <summary>README's launcher, built in the same configuration as these tests (bin/&lt;Configuration&gt;/net10.0).</summary>
        public static string LauncherDll
        {
            get
            {
                var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
                return Path.Combine(RepoRoot, "tools", "PortalIo.Run", "bin", configuration, "net10.0", "PortalIo.Run.dll");
            }
        }

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
