using System;
using System.IO;
using System.Reflection;

namespace PortalIo.Bench
{
    /// <summary>Where the repository, the staged module and the baseline module are.</summary>
    public static class BenchPaths
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        /// <summary>out/PortalIo/PortalIo.psd1, staged by building src/PortalIo (a project reference of the bench).</summary>
        public static string StagedManifest => Path.Combine(RepoRoot, "out", "PortalIo", "PortalIo.psd1");

        public static string StagedAssembly => Path.Combine(RepoRoot, "out", "PortalIo", "PortalIo.dll");

        /// <summary>
        /// What the pwsh scenarios import: the staged module, or the manifest $env:PORTALIO_BENCH_MODULE
        /// names (another build, to compare with; the in-process scenarios always use this build).
        /// </summary>
        public static string PwshModule => Environment.GetEnvironmentVariable("PORTALIO_BENCH_MODULE") is { Length: > 0 } other
            ? Path.GetFullPath(other)
            : StagedManifest;

        public static string ResultsFile => Path.Combine(RepoRoot, "bench", "results", "latest.json");

        /// <summary>The configuration (Debug/Release) the staged PortalIo.dll was built in, read without loading it.</summary>
        public static string StagedConfiguration() => Configuration(StagedAssembly);

        /// <summary>The configuration (Debug/Release) a PortalIo.dll was built in, read without loading it.</summary>
        public static string Configuration(string assembly)
        {
            try
            {
                using var stream = File.OpenRead(assembly);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
                foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
                {
                    var attribute = md.GetCustomAttribute(handle);
                    if (attribute.Constructor.Kind != System.Reflection.Metadata.HandleKind.MemberReference) continue;
                    var member = md.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor);
                    var type = md.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)member.Parent);
                    if (md.GetString(type.Name) != nameof(AssemblyConfigurationAttribute)) continue;
                    var blob = md.GetBlobReader(attribute.Value);
                    blob.ReadUInt16();
                    return blob.ReadSerializedString() ?? "?";
                }
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is InvalidCastException)
            {
            }
            return "?";
        }

        /// <summary>
        /// Stages the one-cmdlet baseline module next to the bench (psd1 + dll, like out/PortalIo) and
        /// returns its manifest. The dll is found as a file, never loaded here.
        /// </summary>
        public static string StageTinyModule()
        {
            var source = Path.Combine(AppContext.BaseDirectory, "PortalIo.BenchTiny.dll");
            if (!File.Exists(source)) throw new FileNotFoundException("The baseline module was not built next to the bench.", source);
            var dir = Path.Combine(AppContext.BaseDirectory, "tiny-module", "PortalIo.BenchTiny");
            Directory.CreateDirectory(dir);
            var target = Path.Combine(dir, "PortalIo.BenchTiny.dll");
            if (!File.Exists(target) || File.GetLastWriteTimeUtc(target) != File.GetLastWriteTimeUtc(source)) File.Copy(source, target, overwrite: true);
            var manifest = Path.Combine(dir, "PortalIo.BenchTiny.psd1");
            File.WriteAllText(manifest,
                "@{\n    RootModule = 'PortalIo.BenchTiny.dll'\n    ModuleVersion = '1.0.0'\n    GUID = '0c0e5f52-8d7b-4d1e-9b7a-2b1f6f3e9a11'\n" +
                "    CompatiblePSEditions = @('Core', 'Desktop')\n    PowerShellVersion = '5.1'\n    CmdletsToExport = @('Get-BenchTiny')\n" +
                "    FunctionsToExport = @()\n    AliasesToExport = @()\n    VariablesToExport = @()\n}\n");
            return manifest;
        }

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PortalIo.sln"))) return dir.FullName;
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PortalIo.sln"))) return dir.FullName;
            throw new InvalidOperationException("PortalIo.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
