#requires -Version 7.2
# A runbook as a scheduler starts it: pwsh -NonInteractive -File, keys from the environment,
# $ErrorActionPreference = 'Stop', and an exit code that tells the scheduler what happened.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
    $session = Get-PortalSession

    $runbook = Join-Path $TestDrive 'Add-Rooms.ps1'
    Set-Content -LiteralPath $runbook -Value @'
#requires -Version 7.2
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [int] $ProposalId,
    [Parameter(Mandatory)] [string] $Rooms
)
$ErrorActionPreference = 'Stop'
Import-Module $env:PORTALIO_MODULE
Connect-Portal -BaseUri $env:PORTAL_BASE_URI -ApplicationKey $env:PORTAL_APP_KEY `
    -SecretKey (ConvertTo-SecureString $env:PORTAL_SECRET -AsPlainText -Force) `
    -UserKey (ConvertTo-SecureString $env:PORTAL_USER_KEY -AsPlainText -Force)
try {
    $areas = Add-PortalArea -ProposalId $ProposalId -Name ($Rooms -split ',')
}
catch {
    if ($_.FullyQualifiedErrorId -like 'PortalIo.Conflict*') {
        "Proposal $ProposalId is closed: $($_.ErrorDetails.RecommendedAction)"
        exit 3
    }
    throw
}
"Added $(@($areas).Count) area(s) to proposal $ProposalId"
Get-PortalProposal -Id $ProposalId
'@

    function Start-Runbook {
        # Starts the runbook in a child pwsh whose environment holds the keys, as a scheduler's would.
        param([int] $ProposalId, [string] $Rooms, [string] $SecretKey = (ConvertFrom-TestSecureString $sandbox.SecretKey), [switch] $WhatIf)
        $pwsh = Get-PwshCommand
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runbook, '-ProposalId', $ProposalId, '-Rooms', $Rooms)
        if ($WhatIf) { $arguments += '-WhatIf' }
        foreach ($argument in $arguments) { $start.ArgumentList.Add([string]$argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['PORTALIO_MODULE'] = $PortalIoModule
        $start.Environment['PORTAL_BASE_URI'] = $sandbox.BaseUri.AbsoluteUri
        $start.Environment['PORTAL_APP_KEY'] = $sandbox.ApplicationKey
        $start.Environment['PORTAL_SECRET'] = $SecretKey
        $start.Environment['PORTAL_USER_KEY'] = ConvertFrom-TestSecureString $session.UserKey
        $start.Environment['NO_COLOR'] = '1'
        $process = [System.Diagnostics.Process]::Start($start)
        [pscustomobject]@{ Process = $process; StandardOutput = $process.StandardOutput.ReadToEndAsync(); StandardError = $process.StandardError.ReadToEndAsync() }
    }

    function Wait-Runbook {
        # The exit code and the text of both streams of a runbook started with Start-Runbook.
        param([Parameter(Mandatory)] $Run)
        if (-not $Run.Process.WaitForExit(120000)) { $Run.Process.Kill($true); throw 'The runbook did not finish within 120 s.' }
        [pscustomobject]@{ ExitCode = $Run.Process.ExitCode; Output = $Run.StandardOutput.Result + "`n" + $Run.StandardError.Result }
    }

    # Each run has its own proposal, so the runs go at once, as a scheduler may start them.
    $proposals = @{}
    'Success', 'Duplicate', 'WrongKeys', 'WhatIf' | ForEach-Object { $proposals[$_] = New-TestProposal "Runbook $_" }
    $runs = @{
        Success   = Start-Runbook -ProposalId $proposals.Success.Id -Rooms 'Kitchen,Patio'
        Duplicate = Start-Runbook -ProposalId $proposals.Duplicate.Id -Rooms 'Den,Den,Loft'
        Closed    = Start-Runbook -ProposalId $Seed.AcceptedProposalId -Rooms 'Patio'
        WrongKeys = Start-Runbook -ProposalId $proposals.WrongKeys.Id -Rooms 'Attic' -SecretKey 'not-the-secret'
        WhatIf    = Start-Runbook -ProposalId $proposals.WhatIf.Id -Rooms 'Cellar' -WhatIf
    }
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'A pwsh -NonInteractive -File runbook' {
    It 'exits 0 and logs the proposal as a table at the 80 columns of a log' {
        $run = Wait-Runbook $runs.Success

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match "Added 2 area\(s\) to proposal $($proposals.Success.Id)"
        $run.Output | Should -Match 'Id\s+Name\s+Status\s+Total\s+Modified'
        (Get-PortalArea -ProposalId $proposals.Success.Id).Name | Should -Be @('Kitchen', 'Patio')
    }

    It 'exits 1 at the first failed input under -ErrorAction Stop, with the error and what to do on stderr' {
        $run = Wait-Runbook $runs.Duplicate

        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match 'already exists'
        $run.Output | Should -Match 'Recommendation: Area names must be unique'
        $run.Output | Should -Not -Match 'Added'
        (Get-PortalArea -ProposalId $proposals.Duplicate.Id).Name | Should -Be @('Den')
    }

    It 'exits with its own code for an error it handles by ErrorId' {
        $run = Wait-Runbook $runs.Closed

        $run.ExitCode | Should -Be 3
        $run.Output | Should -Match "Proposal $($Seed.AcceptedProposalId) is closed: .*change order"
    }

    It 'exits 1 when the keys are wrong, having changed nothing and shown no secret' {
        $run = Wait-Runbook $runs.WrongKeys

        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match '401'
        $run.Output | Should -Not -Match 'not-the-secret'
        $run.Output | Should -Not -Match ([regex]::Escape((ConvertFrom-TestSecureString $session.UserKey)))
        Get-PortalArea -ProposalId $proposals.WrongKeys.Id | Should -BeNullOrEmpty
    }

    It 'changes nothing when started with -WhatIf' {
        $run = Wait-Runbook $runs.WhatIf

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match "What if: .*Cellar.*proposal $($proposals.WhatIf.Id)"
        Get-TestSandboxRequest $sandbox | Where-Object { $_.Method -ne 'GET' -and $_.Path -like "/public/proposals/$($proposals.WhatIf.Id)/*" } | Should -BeNullOrEmpty
        Get-PortalArea -ProposalId $proposals.WhatIf.Id | Should -BeNullOrEmpty
    }
}
