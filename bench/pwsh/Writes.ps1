# Scenario writes (information): one area added to each of N proposals, as PortalIo does it (one
# write after another) and overlapped by the user with ForEach-Object -Parallel, alternating.
. (Join-Path $PSScriptRoot 'Common.ps1')
$session = Connect-BenchSession
$ids = [int[]]($Config.firstId..($Config.firstId + $Config.count - 1))
$module = $env:PORTALIO_BENCH_MODULE
$script:round = 0

$sides = [ordered]@{
    PortalIo = {
        $script:round++
        $name = "Sequential $script:round"
        $null = $ids | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Add-PortalArea -Name $name
    }
    Parallel = {
        $script:round++
        $name = "Parallel $script:round"
        $null = $ids | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            Add-PortalArea -ProposalId $_ -Name $using:name -Session $using:session
        }
    }
}
Write-BenchResult @{ sides = Invoke-Alternating -Repetitions $Config.repetitions -Sides $sides }
