using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    public class ModuleSurfaceTests
    {
        [Fact]
        public void Manifest_exports_exactly_the_cmdlets_the_assembly_defines()
        {
            var defined = typeof(PortalIo.PowerShell.PortalCmdlet).Assembly.GetTypes()
                .Select(t => t.GetCustomAttribute<CmdletAttribute>())
                .Where(a => a != null)
                .Select(a => a!.VerbName + "-" + a.NounName)
                .OrderBy(n => n)
                .ToList();

            using var rs = new ModuleRunspace();
            var run = rs.Run("(Get-Command -Module PortalIo).Name");
            var exported = run.Output.Select(o => o.ToString()).OrderBy(n => n).ToList();

            Assert.Equal(defined, exported);
            Assert.DoesNotContain("*", File.ReadAllText(TestPaths.SourceManifest).Split("CmdletsToExport")[1].Split(')')[0]);
        }

        [Fact]
        public void Staged_manifest_is_valid_and_carries_the_build_version()
        {
            using var rs = new ModuleRunspace();
            var run = rs.Run("Test-ModuleManifest -Path '" + TestPaths.StagedManifest + "'");
            Assert.Null(run.Terminating);
            Assert.Empty(run.Errors);
            var module = Assert.IsType<PSModuleInfo>(run.Output.Single().BaseObject);
            var assemblyVersion = typeof(PortalIo.PowerShell.PortalCmdlet).Assembly.GetName().Version!;
            Assert.Equal(new Version(assemblyVersion.Major, assemblyVersion.Minor, assemblyVersion.Build), module.Version);
            Assert.Contains("Core", module.CompatiblePSEditions);
            Assert.Contains("Desktop", module.CompatiblePSEditions);
            Assert.Equal(new Version(5, 1), module.PowerShellVersion);

            // FileList: exactly the staged files, the manifest and LICENSE included (generated at staging).
            var stagedDirectory = Path.GetDirectoryName(TestPaths.StagedManifest)!;
            var staged = Directory.GetFiles(stagedDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(staged, module.FileList.Select(Path.GetFullPath).OrderBy(f => f, StringComparer.Ordinal));
            Assert.Contains(module.FileList, f => Path.GetFileName(f) == "LICENSE");
            Assert.Contains("MIT License", File.ReadAllText(Path.Combine(stagedDirectory, "LICENSE")));

            // PSData: the gallery's metadata. ReleaseNotes is this version's CHANGELOG section.
            foreach (var tag in new[] { "PortalIo", "PSEdition_Core", "PSEdition_Desktop" }) Assert.Contains(tag, module.Tags);
            Assert.DoesNotContain(module.Tags, t => t.Any(char.IsWhiteSpace));
            Assert.True(module.ReleaseNotes.StartsWith("[" + module.Version + "]", StringComparison.Ordinal)
                || module.ReleaseNotes.StartsWith("[Unreleased]", StringComparison.Ordinal), module.ReleaseNotes);
            // No public address exists yet: ProjectUri and LicenseUri are left out rather than invented.
            Assert.Null(module.ProjectUri);
            Assert.Null(module.LicenseUri);
        }

        [Fact]
        public void Every_api_cmdlet_takes_session_and_every_mutating_cmdlet_supports_should_process()
        {
            using var rs = new ModuleRunspace();
            foreach (var command in rs.Run("Get-Command -Module PortalIo").Objects<CmdletInfo>())
            {
                var isApi = typeof(PortalIo.PowerShell.PortalApiCmdlet).IsAssignableFrom(command.ImplementingType);
                if (isApi) Assert.True(command.Parameters.ContainsKey("Session"), command.Name + " lacks -Session");
                // New-PortalSignature only computes a value: it changes nothing anywhere.
                if (Regex.IsMatch(command.Verb, "^(New|Add|Set|Remove|Stop|Invoke)$") && command.Name != "New-PortalSignature")
                    Assert.True(command.Parameters.ContainsKey("WhatIf"), command.Name + " lacks -WhatIf");
                Assert.True(command.ImplementingType.GetCustomAttributes<OutputTypeAttribute>().Any(), command.Name + " lacks [OutputType]");
            }
        }
    }
}
