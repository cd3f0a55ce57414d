#requires -Version 7.2
<#
.SYNOPSIS
    Runs the Pester suite in tests/pester against the staged module and prints its totals.
.DESCRIPTION
    `dotnet test` calls this (see PortalIo.Pester.csproj) in the pinned pwsh. The exit code is the
    number of failed tests (capped at 255), so the test command fails when any test fails.
.PARAMETER PesterManifest
    Pester.psd1 of the Pester 5 to use (the NuGet package's tools/ folder). Default: whatever
    Import-Module Pester finds.
.PARAMETER ModulePath
    The PortalIo manifest under test (default: $env:PORTALIO_MODULE, else out/PortalIo/PortalIo.psd1).
#>
[CmdletBinding()]
param(
    [string] $PesterManifest,
    [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
if ($PesterManifest) { Import-Module $PesterManifest -Force } else { Import-Module Pester -MinimumVersion 5.0 }
if ($ModulePath) { $env:PORTALIO_MODULE = (Resolve-Path -LiteralPath $ModulePath).Path }

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $configuration
"Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped, $($result.NotRunCount) not run (total $($result.TotalCount)) in $([int]$result.Duration.TotalSeconds) s"
exit [Math]::Min(255, $result.FailedCount + $(if ($result.Result -eq 'Failed' -and $result.FailedCount -eq 0) { 1 } else { 0 }))
