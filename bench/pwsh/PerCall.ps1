# Scenario per-call: one proposal per command, one command after another, seven ways, interleaved.
. (Join-Path $PSScriptRoot 'Common.ps1')
$session = Connect-BenchSession
$raw = [PortalIo.Bench.RawPortalClient]::new([uri]$BaseUri, $AppKey, $SecretKey, $UserKey)
[PortalIo.Bench.GetBenchRawProposalCommand]::Client = $raw

$sides = [ordered]@{
    PortalIo = { param($ids) foreach ($id in $ids) { $p = Get-PortalProposal -Id $id } }
    Floor    = { param($ids) foreach ($id in $ids) { $p = Get-BenchRawProposal -Id $id } }
    Irm      = { param($ids) foreach ($id in $ids) { $p = Get-ProposalIrm -Id $id } }
    Expert   = { param($ids) foreach ($id in $ids) { $p = Get-ProposalExpert -Id $id } }
    RawLoop  = { param($ids) $raw.ReadProposals($ids) }
    # Where a difference comes from: the floor behind Get-PortalProposal's parameters, and PortalIo's client without its cmdlet.
    Shaped   = { param($ids) foreach ($id in $ids) { $p = Get-BenchShapedProposal -Id $id } }
    Client   = { param($ids) [PortalIo.Bench.ModuleClientLoop]::ReadProposals($session, $ids) }
}

# Each side reads the right proposal (and warms up: JIT, connections, the sandbox's first calls).
$check = 1042
if ((Get-PortalProposal -Id $check).Id -ne $check) { throw 'Get-PortalProposal read another proposal.' }
if ((Get-BenchRawProposal -Id $check).Id -ne $check) { throw 'Get-BenchRawProposal read another proposal.' }
if ((Get-ProposalIrm -Id $check).id -ne $check) { throw 'The Invoke-RestMethod script read another proposal.' }
if ((Get-ProposalExpert -Id $check).id -ne $check) { throw 'The expert script read another proposal.' }

$ids = [int[]](0..($Config.calls - 1) | ForEach-Object { 1042 + $_ % 64 })
$batches = Split-Batches $ids $Config.batch
$null = Invoke-Interleaved -Repetitions $Config.warmup -Batches $batches -Sides $sides
$measured = Invoke-Interleaved -Repetitions $Config.repetitions -Batches $batches -Sides $sides
Write-BenchResult @{ sides = $measured.PerRep; batches = $measured.PerBatch }
