using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading.Tasks;
using System.Xml.Linq;
using PortalIo.Tests.PowerShell;
using Xunit;

namespace PortalIo.Tests.Packaging
{
    /// <summary>
    /// Packs the staged module once, as `dotnet pack src/PortalIo --no-build` does (no rebuild, so
    /// out/PortalIo is not touched while other tests import it), into a temporary folder.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public PackageFixture()
        {
            OutputDirectory = Path.Combine(Path.GetTempPath(), "PortalIo.Package." + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(OutputDirectory);
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = TestPaths.RepoRoot,
            };
            foreach (var argument in new[]
            {
                "pack", Path.Combine(TestPaths.RepoRoot, "src", "PortalIo", "PortalIo.csproj"),
                "--no-build", "-c", configuration, "-o", OutputDirectory, "-p:NuspecFile=" + Path.Combine(OutputDirectory, "PortalIo.nuspec"),
            }) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(240_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet pack did not finish within 240 s.");
            }
            Task.WaitAll(output, error);
            Log = output.Result + error.Result;
            if (process.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed (" + process.ExitCode + "):\n" + Log);
        }

        public string OutputDirectory { get; }

        public string Log { get; }

        public void Dispose()
        {
            try { Directory.Delete(OutputDirectory, recursive: true); } catch (IOException) { }
        }
    }

    public class PackageLayoutTests : IClassFixture<PackageFixture>
    {
        private static readonly string StagedDirectory = Path.GetDirectoryName(TestPaths.StagedManifest)!;

        /// <summary>The parts every .nupkg carries for NuGet itself (Open Packaging Conventions), besides the nuspec.</summary>
        private static bool IsPackagingPart(string entry) =>
            entry == "[Content_Types].xml" || entry == "_rels/.rels" ||
            (entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && entry.EndsWith(".psmdcp", StringComparison.Ordinal));

        private readonly PackageFixture _package;

        public PackageLayoutTests(PackageFixture package) => _package = package;

        private static Version ModuleVersion
        {
            get
            {
                var v = typeof(PortalIo.PowerShell.PortalCmdlet).Assembly.GetName().Version!;
                return new Version(v.Major, v.Minor, v.Build);
            }
        }

        private string PackagePath => Path.Combine(_package.OutputDirectory, "PortalIo." + ModuleVersion + ".nupkg");

        private static SortedDictionary<string, string> StagedFiles() => new(
            Directory.GetFiles(StagedDirectory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(StagedDirectory, f).Replace('\\', '/'), f => Hash(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

        private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

        private static byte[] Read(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private XElement Nuspec()
        {
            using var zip = ZipFile.OpenRead(PackagePath);
            var entry = zip.GetEntry("PortalIo.nuspec");
            Assert.NotNull(entry);
            using var stream = entry!.Open();
            return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        private static string? Field(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        [Fact]
        public void The_package_is_named_by_id_and_version()
        {
            Assert.True(File.Exists(PackagePath), "Expected " + PackagePath + "; pack wrote:\n" + string.Join("\n", Directory.GetFiles(_package.OutputDirectory)) + "\n" + _package.Log);
        }

        [Fact]
        public void Module_files_sit_at_the_root_exactly_as_staged_with_no_lib_or_content_folder()
        {
            using var zip = ZipFile.OpenRead(PackagePath);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("PortalIo.nuspec", names);
            Assert.DoesNotContain(names, n => n.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) || n.StartsWith("content/", StringComparison.OrdinalIgnoreCase)
                || n.StartsWith("contentFiles/", StringComparison.OrdinalIgnoreCase) || n.StartsWith("PortalIo/", StringComparison.OrdinalIgnoreCase));

            var packaged = new SortedDictionary<string, string>(
                zip.Entries.Where(e => !IsPackagingPart(e.FullName) && e.FullName != "PortalIo.nuspec").ToDictionary(e => e.FullName, e => Hash(Read(e))),
                StringComparer.Ordinal);
            var staged = StagedFiles();
            Assert.Equal(staged.Keys, packaged.Keys);
            Assert.Equal(staged, packaged);
            foreach (var required in new[] { "PortalIo.psd1", "PortalIo.dll", "PortalIo.Sandbox.dll", "PortalIo.format.ps1xml", "PortalIo.types.ps1xml", "LICENSE", "en-US/PortalIo.dll-Help.xml", "dependencies/System.Text.Json.dll" })
                Assert.Contains(required, packaged.Keys);
        }

        [Fact]
        public void Nuspec_carries_the_manifest_metadata_and_the_gallery_tags()
        {
            using var rs = new ModuleRunspace();
            var run = rs.Run("Test-ModuleManifest -Path '" + TestPaths.StagedManifest + "'");
            Assert.Empty(run.Errors);
            var module = Assert.IsType<PSModuleInfo>(run.Output.Single().BaseObject);

            var metadata = Nuspec();
            Assert.Equal("PortalIo", Field(metadata, "id"));
            Assert.Equal(ModuleVersion.ToString(), Field(metadata, "version"));
            Assert.Equal(module.Author, Field(metadata, "authors"));
            Assert.Equal(module.Description, Field(metadata, "description"));
            Assert.Equal(module.Copyright, Field(metadata, "copyright"));
            Assert.Equal(module.ReleaseNotes.Replace("\r\n", "\n"), Field(metadata, "releaseNotes")?.Replace("\r\n", "\n"));
            Assert.Contains("[" + ModuleVersion + "]", Field(metadata, "releaseNotes"));
            Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));

            var tags = (Field(metadata, "tags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(tags.Length, tags.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var tag in new[] { "PSModule", "PSIncludes_Cmdlet", "PSEdition_Core", "PSEdition_Desktop" }) Assert.Contains(tag, tags);
            foreach (var tag in module.Tags) Assert.Contains(tag, tags);

            var cmdlets = typeof(PortalIo.PowerShell.PortalCmdlet).Assembly.GetTypes()
                .Select(t => t.GetCustomAttribute<CmdletAttribute>())
                .Where(a => a != null)
                .Select(a => a!.VerbName + "-" + a.NounName)
                .ToList();
            Assert.NotEmpty(cmdlets);
            foreach (var cmdlet in cmdlets)
            {
                Assert.Contains("PSCmdlet_" + cmdlet, tags);
                Assert.Contains("PSCommand_" + cmdlet, tags);
            }
            Assert.Equal(cmdlets.Count, tags.Count(t => t.StartsWith("PSCmdlet_", StringComparison.Ordinal)));
        }
    }
}
