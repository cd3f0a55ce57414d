using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// PortalIo next to Microsoft.PowerShell.PSResourceGet, which ships in pwsh 7.6 and loads its own
    /// dependencies (NuGet, Newtonsoft.Json): imported in either order in one fresh pwsh, and again
    /// inside a ForEach-Object -Parallel runspace, both modules work and no assembly conflicts.
    /// PSResourceGet packs the staged module into a local repository and installs a copy from it;
    /// its settings go to a temporary XDG_DATA_HOME, never to the user's.
    /// </summary>
    public class ModuleCoexistenceTests
    {
        private const string Prologue = @"
            $ErrorActionPreference = 'Stop'
            $repository = Join-Path $env:XDG_DATA_HOME 'repository'
            $installed = Join-Path $env:XDG_DATA_HOME 'modules'
            $null = New-Item -ItemType Directory -Path $repository, $installed -Force
            function Publish-Local {
                Compress-PSResource -Path (Split-Path -Parent $env:PORTALIO_MODULE) -DestinationPath $repository
                Register-PSResourceRepository -Name PortalIoLocal -Uri $repository -Trusted
                'found: ' + (Find-PSResource -Name PortalIo -Repository PortalIoLocal).Name
            }
            function Test-Parallel([string] $module) {
                1 | ForEach-Object -Parallel {
                    $ErrorActionPreference = 'Stop'
                    Import-Module Microsoft.PowerShell.PSResourceGet
                    Import-Module $using:module
                    'parallel: ' + (Get-PortalProposal -Id 1043 -Session $using:session).Name + ' / ' + (Find-PSResource -Name PortalIo -Repository PortalIoLocal).Name
                }
            }
        ";

        private const string Epilogue = @"
            # PortalIo's assemblies and those it ships for Windows PowerShell: each loaded once at most.
            $ours = (Get-ChildItem -Path (Split-Path -Parent $env:PORTALIO_MODULE) -Filter *.dll -Recurse).BaseName
            'loaded twice: ' + (([AppDomain]::CurrentDomain.GetAssemblies().GetName() | Where-Object Name -In $ours | Group-Object Name | Where-Object Count -GT 1).Name -join ',')
            'PortalIo loaded: ' + @([AppDomain]::CurrentDomain.GetAssemblies().GetName() | Where-Object Name -EQ 'PortalIo').Count
            'errors: ' + $Error.Count
            $Error | ForEach-Object { 'error: ' + $_ }
            $sandbox | Stop-PortalSandbox
        ";

        [Fact]
        public void PortalIo_first_then_PSResourceGet_both_work_here_and_in_a_parallel_runspace()
        {
            var run = Run(Prologue + @"
                Import-Module $env:PORTALIO_MODULE
                $sandbox = Start-PortalSandbox
                $session = $sandbox | Connect-Portal -PassThru
                'before: ' + (Get-PortalProposal -Id 1042).Name
                Import-Module Microsoft.PowerShell.PSResourceGet
                Publish-Local
                'after: ' + (Get-PortalProposal -Id 1042).Name
                Test-Parallel $env:PORTALIO_MODULE
            " + Epilogue);

            Assert.Contains("before: Smith Residence AV", run.StandardOutput);
            AssertBothWorkWithoutConflict(run);
        }

        [Fact]
        public void PSResourceGet_first_installs_PortalIo_whose_copy_then_works_here_and_in_a_parallel_runspace()
        {
            var run = Run(Prologue + @"
                Import-Module Microsoft.PowerShell.PSResourceGet
                Publish-Local
                Save-PSResource -Name PortalIo -Repository PortalIoLocal -Path $installed -TrustRepository -IncludeXml
                'installed: ' + (Get-PSResource -Name PortalIo -Path $installed).Name
                $env:PSModulePath = $installed + [IO.Path]::PathSeparator + $env:PSModulePath
                Import-Module PortalIo
                'imported from: ' + (Get-Module PortalIo).ModuleBase.StartsWith($installed)
                $sandbox = Start-PortalSandbox
                $session = $sandbox | Connect-Portal -PassThru
                'after: ' + (Get-PortalProposal -Id 1042).Name
                Test-Parallel PortalIo
            " + Epilogue);

            Assert.Contains("installed: PortalIo", run.StandardOutput);
            Assert.Contains("imported from: True", run.StandardOutput);
            AssertBothWorkWithoutConflict(run);
        }

        private static void AssertBothWorkWithoutConflict(PwshRun run)
        {
            Assert.True(run.ExitCode == 0, run.All);
            Assert.Contains("found: PortalIo", run.StandardOutput);
            Assert.Contains("after: Smith Residence AV", run.StandardOutput);
            Assert.Contains("parallel: Chen Media Room / PortalIo", run.StandardOutput);
            // One copy of PortalIo and of each assembly it ships, and no error at all.
            Assert.Contains("loaded twice: \n", run.StandardOutput.Replace("\r\n", "\n") + "\n");
            Assert.Contains("PortalIo loaded: 1", run.StandardOutput);
            Assert.Contains("errors: 0", run.StandardOutput);
            Assert.DoesNotContain("error: ", run.StandardOutput);
            Assert.Equal(string.Empty, run.StandardError.Trim());
        }

        private static PwshRun Run(string script)
        {
            var home = Path.Combine(Path.GetTempPath(), "portalio-psresourceget-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(home);
            try
            {
                return PwshRun.Fresh(script, new Dictionary<string, string>
                {
                    ["XDG_DATA_HOME"] = Path.Combine(home, "data"),
                    ["XDG_CONFIG_HOME"] = Path.Combine(home, "config"),
                    ["XDG_CACHE_HOME"] = Path.Combine(home, "cache"),
                });
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }
}
