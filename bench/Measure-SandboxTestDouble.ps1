#requires -Version 7.2
<#
.SYNOPSIS
    Measures what a Pester suite pays for the local sandbox as a test double, in the real pwsh.
.DESCRIPTION
    Reset-PortalSandbox (what a BeforeEach pays), Start-PortalSandbox plus Stop-PortalSandbox (what
    a test file with a sandbox of its own pays), the same from a fixture (-Data), and Start, connect
    and Stop (with the credential exchange). Each is timed -Iterations times after a warm-up; the
    median and the 95th percentile are printed in milliseconds, one line per measure. The first
    sandbox of the process is timed once, before the rest: it also loads the sandbox's assembly. about_PortalIo_Testing and README
    quote the figures.
.PARAMETER Iterations
    How many times each is timed (default 200).
.PARAMETER ModulePath
    The PortalIo to import (default: the staged out/PortalIo/PortalIo.psd1).
.EXAMPLE
    dotnet pwsh bench/Measure-SandboxTestDouble.ps1

    Prints one line per measure, after `dotnet build`.
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100000)] [int] $Iterations = 200,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/PortalIo/PortalIo.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$fixture = Join-Path $PSScriptRoot '../examples/fixtures/small-shop.json'

function Measure-Milliseconds {
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [scriptblock] $Action)
    for ($i = 0; $i -lt [Math]::Min(20, $Iterations); $i++) { & $Action }
    $times = [double[]]::new($Iterations)
    for ($i = 0; $i -lt $Iterations; $i++) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        & $Action
        $times[$i] = $clock.Elapsed.TotalMilliseconds
    }
    [Array]::Sort($times)
    $median = $times[[int][Math]::Floor(($Iterations - 1) / 2)]
    $p95 = $times[[int][Math]::Ceiling(0.95 * $Iterations) - 1]
    '{0,-46} median {1,8:0.00} ms   p95 {2,8:0.00} ms   ({3} runs)' -f $Name, $median, $p95, $Iterations
}

# The first sandbox of a process also loads the sandbox's assembly and compiles its code: once per pwsh.
$clock = [Diagnostics.Stopwatch]::StartNew()
$first = Start-PortalSandbox
$first | Connect-Portal
$first | Stop-PortalSandbox
'{0,-46} once   {1,8:0.00} ms' -f 'First Start + Connect-Portal + Stop in a pwsh', $clock.Elapsed.TotalMilliseconds

$sandbox = Start-PortalSandbox
$sandbox | Connect-Portal
try {
    Measure-Milliseconds 'Reset-PortalSandbox (seeded demo data)' { Reset-PortalSandbox }
    $shop = Start-PortalSandbox -Data $fixture
    Measure-Milliseconds 'Reset-PortalSandbox (fixture small-shop.json)' { Reset-PortalSandbox -Sandbox $shop }
    $shop | Stop-PortalSandbox
}
finally {
    $sandbox | Stop-PortalSandbox
}
Measure-Milliseconds 'Start-PortalSandbox + Stop-PortalSandbox' { Start-PortalSandbox | Stop-PortalSandbox }
Measure-Milliseconds 'Start-PortalSandbox -Data + Stop' { Start-PortalSandbox -Data $fixture | Stop-PortalSandbox }
Measure-Milliseconds 'Start + Connect-Portal + Stop' { $s = Start-PortalSandbox; $s | Connect-Portal; $s | Stop-PortalSandbox }
