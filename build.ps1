#requires -Version 5.1
<#
.SYNOPSIS
    Builds, stages, tests and packages PortalIo, for people who have pwsh.
.DESCRIPTION
    Every task is a thin wrapper over the dotnet CLI, so the same steps run on machines
    without PowerShell (see README.md).
      Build  - compile every project and stage the module in out/PortalIo
      Stage  - same as Build (staging is part of `dotnet build` of src/PortalIo)
      Test   - run every test: the xunit suite and the Pester suite (`dotnet test`, what CI runs)
      Pester - run only tests/pester against the staged module, with the Pester the build restored
      Package - build Release (unless -Configuration is given), stage, and pack the staged module into
               out/packages/PortalIo.<version>.nupkg (`dotnet pack src/PortalIo`)
.EXAMPLE
    ./build.ps1 -Task Build, Test
.EXAMPLE
    ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Stage', 'Test', 'Pester', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-Dotnet build PortalIo.sln -c $Configuration }
        'Stage' { Invoke-Dotnet build src/PortalIo/PortalIo.csproj -c $Configuration }
        'Test' { Invoke-Dotnet test PortalIo.sln -c $Configuration }
        'Pester' { Invoke-Dotnet test tests/pester/PortalIo.Pester.csproj -c $Configuration }
        'Package' {
            $packConfiguration = if ($PSBoundParameters.ContainsKey('Configuration')) { $Configuration } else { 'Release' }
            Invoke-Dotnet pack src/PortalIo/PortalIo.csproj -c $packConfiguration
        }
    }
}
