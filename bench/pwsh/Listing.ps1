# Scenario listing: every proposal of the sandbox, PortalIo against an Invoke-RestMethod paging loop,
# alternating; then PortalIo's memory while the same listing streams through a consumer.
. (Join-Path $PSScriptRoot 'Common.ps1')
$null = Connect-BenchSession

$sides = [ordered]@{
    PortalIo = { $null = Get-PortalProposal }
    Irm      = { $null = Get-AllProposalsIrm }
}
# The same proposals both ways (and a warm-up).
$expected = $Config.count
$portalIo = @(Get-PortalProposal -First 120).Id
$irm = @(Get-AllProposalsIrm | Select-Object -First 120).id
if ((Compare-Object $portalIo $irm -SyncWindow 0) -or $portalIo.Count -ne 120) { throw 'The two listings differ.' }
$counted = 0; Get-PortalProposal | ForEach-Object { $counted++ }
if ($counted -ne $expected) { throw "PortalIo listed $counted proposals, not $expected." }
$counted = 0; Get-AllProposalsIrm | ForEach-Object { $counted++ }
if ($counted -ne $expected) { throw "The Invoke-RestMethod loop listed $counted proposals, not $expected." }

$times = Invoke-Alternating -Repetitions $Config.repetitions -Sides $sides

# Memory: the probe counts objects, samples the managed heap every 64 of them and forces a full
# collection every tenth of the listing (what is really kept alive).
$probe = [PortalIo.Bench.Scenarios.StreamingScenario+MemoryProbe]::new([Math]::Max(1, [int]($expected / 10)))
[GC]::Collect(); [GC]::WaitForPendingFinalizers()
$before = [GC]::GetTotalMemory($true)
$probe.Clock.Start()
Get-PortalProposal | & { process { $probe.Tick() } }
if ($probe.Count -ne $expected) { throw "The probe counted $($probe.Count) proposals, not $expected." }
Write-BenchResult @{
    sides  = $times
    memory = @{ peakGrowthMB = ($probe.Peak - $before) / 1MB; liveGrowthMB = ($probe.LivePeak - $before) / 1MB; objects = $probe.Count }
}
