# Scenario rate-limit: Get-PortalProposal -Id over many ids against a sandbox that allows fewer
# requests per second than the fan-out would send. Each repetition starts a fresh session, as a
# runbook would: the limit is learned from scratch every time.
. (Join-Path $PSScriptRoot 'Common.ps1')
$ids = [int[]]($Config.firstId..($Config.firstId + $Config.count - 1))
$runs = foreach ($r in 1..$Config.repetitions) {
    $null = Connect-BenchSession
    $errors = $null
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $proposals = @(Get-PortalProposal -Id $ids -ErrorVariable errors -ErrorAction SilentlyContinue)
    $elapsed = $watch.Elapsed.TotalMilliseconds
    $inOrder = $proposals.Count -eq $ids.Length -and -not (Compare-Object ([int[]]$proposals.Id) $ids -SyncWindow 0)
    @{ ms = $elapsed; errors = @($errors).Count; objects = $proposals.Count; inOrder = $inOrder }
    if ($r -lt $Config.repetitions) { Start-Sleep -Seconds 1 }
}
Write-BenchResult @{ runs = @($runs) }
