#requires -Version 7.2
<#
.SYNOPSIS
    Runs the Pester suite in tests/pester against the staged module and prints its totals.
.DESCRIPTION
    `dotnet test` calls this (see PortalIo.Pester.csproj) in the pinned pwsh. The exit code is the
    number of failed tests (capped at 255), so the test command fails when any test fails. It prints
    one line per test file, then the totals.
.PARAMETER PesterManifest
    Pester.psd1 of the Pester 5 to use. Default: the version PortalIo.Pester.csproj pins, from the
    NuGet package folder the build restored it to; else whatever Import-Module Pester finds.
.PARAMETER ModulePath
    The PortalIo under test: a manifest path, or the name of an installed module ('PortalIo').
    Default: $env:PORTALIO_MODULE, else out/PortalIo/PortalIo.psd1.
.PARAMETER Path
    Test files or folders to run (default: every *.Tests.ps1 of this folder, and examples/Testing.Tests.ps1,
    the users' example), e.g. -Path tests/pester/Webhooks.Tests.ps1.
.EXAMPLE
    dotnet pwsh tests/pester/Invoke-PesterSuite.ps1 -Path tests/pester/Areas.Tests.ps1

    Runs one family (after `dotnet build`). `dotnet test tests/pester -p:PesterPath=tests/pester/Areas.Tests.ps1` does the same.
.EXAMPLE
    dotnet pwsh tests/pester/Invoke-PesterSuite.ps1 -ModulePath PortalIo

    Runs the suite against the PortalIo installed on $env:PSModulePath.
#>
[CmdletBinding()]
param(
    [string] $PesterManifest,
    [string] $ModulePath,
    [string[]] $Path = @($PSScriptRoot, (Join-Path $PSScriptRoot '../../examples/Testing.Tests.ps1'))
)
# No $ErrorActionPreference = 'Stop' here: the tests run in this session and must see the
# preferences a user's Invoke-Pester has.
if (-not $PesterManifest) {
    $pinned = ([xml](Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'PortalIo.Pester.csproj'))).Project.PropertyGroup.PesterVersion | Where-Object { $_ }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $restored = Join-Path $packages "pester/$pinned/tools/Pester.psd1"
    if (Test-Path -LiteralPath $restored) { $PesterManifest = $restored }
}
if ($PesterManifest) { Import-Module $PesterManifest -Force -ErrorAction Stop } else { Import-Module Pester -MinimumVersion 5.0 -ErrorAction Stop }
if ($ModulePath) {
    $env:PORTALIO_MODULE = if (Test-Path -LiteralPath $ModulePath) { (Resolve-Path -LiteralPath $ModulePath).Path } else { $ModulePath }
}
# The example is written as a user writes it (Import-Module PortalIo): the copy under test is found
# by name when its folder is first on the module path.
$underTest = if ($env:PORTALIO_MODULE) { $env:PORTALIO_MODULE } else { Join-Path $PSScriptRoot '../../out/PortalIo/PortalIo.psd1' }
if ((Test-Path -LiteralPath $underTest) -and (Split-Path -Leaf (Split-Path -Parent (Resolve-Path -LiteralPath $underTest).Path)) -eq 'PortalIo') {
    $env:PSModulePath = (Split-Path -Parent (Split-Path -Parent (Resolve-Path -LiteralPath $underTest).Path)) + [IO.Path]::PathSeparator + $env:PSModulePath
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $configuration

foreach ($container in $result.Containers) {
    '{0,-22} {1,3} passed, {2} failed, {3,2} skipped in {4,5:0.0} s' -f (Split-Path -Leaf $container.Item),
        $container.PassedCount, $container.FailedCount, $container.SkippedCount, $container.Duration.TotalSeconds
}
"Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped, $($result.NotRunCount) not run (total $($result.TotalCount)) in $([int]$result.Duration.TotalSeconds) s"
exit [Math]::Min(255, $result.FailedCount + $(if ($result.Result -eq 'Failed' -and $result.FailedCount -eq 0) { 1 } else { 0 }))
