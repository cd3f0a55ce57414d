# Scenario pipeline: Get-PortalProposal -First N | Get-PortalArea, against the listing alone (the
# ideal is the listing plus ceil(N / 8) rounds of the sandbox's latency), alternating.
. (Join-Path $PSScriptRoot 'Common.ps1')
$null = Connect-BenchSession
$first = $Config.first

$sides = [ordered]@{
    Pipeline = { $null = Get-PortalProposal -First $first | Get-PortalArea }
    Listing  = { $null = Get-PortalProposal -First $first }
}
$areas = @(Get-PortalProposal -First $first | Get-PortalArea)
$listed = @(Get-PortalProposal -First $first)
if ($listed.Count -ne $first) { throw "Listed $($listed.Count) proposals, not $first." }
Write-BenchResult @{ sides = Invoke-Alternating -Repetitions $Config.repetitions -Sides $sides; areas = $areas.Count }
