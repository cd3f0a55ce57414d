# What every user-facing scenario shares, in the real pwsh the bench starts (dotnet tool run pwsh):
# the staged module imported as a user would, a session to the bench's sandbox, the scripts users
# would write instead (UserScripts.ps1), the interleaving of the sides, and the result line the
# bench reads. The bench passes everything in environment variables (PORTALIO_BENCH_*).
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$BaseUri = $env:PORTALIO_BENCH_BASEURI
$AppKey = $env:PORTALIO_BENCH_APPKEY
$SecretKey = $env:PORTALIO_BENCH_SECRET
$UserKey = $env:PORTALIO_BENCH_USERKEY
$Config = $env:PORTALIO_BENCH_CONFIG | ConvertFrom-Json -AsHashtable

Import-Module $env:PORTALIO_BENCH_MODULE
# The bench's own assembly: the floor cmdlet (Get-BenchRawProposal), the raw C# client and the memory probe.
Import-Module $env:PORTALIO_BENCH_DLL
. (Join-Path $PSScriptRoot 'UserScripts.ps1')

function Connect-BenchSession {
    Connect-Portal -BaseUri $BaseUri -ApplicationKey $AppKey -PassThru `
        -SecretKey (ConvertTo-SecureString $SecretKey -AsPlainText -Force) `
        -UserKey (ConvertTo-SecureString $UserKey -AsPlainText -Force)
}

<#
Runs every side over the same batches, rep after rep; within a batch the sides take turns and the
first side rotates from batch to batch, so that a slow moment of the machine falls on all sides
alike. Returns, per side, the µs per input of each repetition (PerRep) and of each batch of each
repetition (PerBatch: the sides of one batch ran next to each other, so their ratio is the one
least disturbed by the machine).
#>
function Invoke-Interleaved {
    param(
        [int] $Repetitions,
        [System.Collections.Generic.List[int[]]] $Batches,
        [System.Collections.Specialized.OrderedDictionary] $Sides
    )
    $names = @($Sides.Keys)
    $perRep = [ordered]@{}
    $perBatch = [ordered]@{}
    foreach ($name in $names) {
        $perRep[$name] = [System.Collections.Generic.List[double]]::new()
        $perBatch[$name] = [System.Collections.Generic.List[double]]::new()
    }
    $inputs = 0
    foreach ($batch in $Batches) { $inputs += $batch.Length }
    $watch = [System.Diagnostics.Stopwatch]::new()
    $turn = 0
    for ($r = 0; $r -lt $Repetitions; $r++) {
        $totals = @{}
        foreach ($name in $names) { $totals[$name] = 0.0 }
        foreach ($batch in $Batches) {
            for ($k = 0; $k -lt $names.Count; $k++) {
                $name = $names[($turn + $k) % $names.Count]
                $side = $Sides[$name]
                $watch.Restart()
                $null = & $side $batch
                $microseconds = $watch.Elapsed.TotalMilliseconds * 1000
                $totals[$name] += $microseconds
                $perBatch[$name].Add($microseconds / $batch.Length)
            }
            $turn++
        }
        foreach ($name in $names) { $perRep[$name].Add($totals[$name] / $inputs) }
    }
    @{ PerRep = $perRep; PerBatch = $perBatch }
}

<# Runs each side once per repetition, the order rotating; returns, per side, the ms of each repetition. #>
function Invoke-Alternating {
    param([int] $Repetitions, [System.Collections.Specialized.OrderedDictionary] $Sides)
    $batch = [System.Collections.Generic.List[int[]]]::new()
    $batch.Add([int[]]@(0))
    $perRep = (Invoke-Interleaved -Repetitions $Repetitions -Batches $batch -Sides $Sides).PerRep
    $results = [ordered]@{}
    foreach ($name in $perRep.Keys) { $results[$name] = @($perRep[$name] | ForEach-Object { $_ / 1000 }) }
    $results
}

function Split-Batches([int[]] $Ids, [int] $Size) {
    $batches = [System.Collections.Generic.List[int[]]]::new()
    for ($i = 0; $i -lt $Ids.Length; $i += $Size) { $batches.Add([int[]]$Ids[$i..([Math]::Min($i + $Size, $Ids.Length) - 1)]) }
    , $batches
}

function Write-BenchResult($Result) {
    'BENCH-RESULT ' + ($Result | ConvertTo-Json -Depth 6 -Compress)
}
