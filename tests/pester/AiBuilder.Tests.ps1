#requires -Version 7.2
# Add-PortalAiContent, Get-PortalAiContent, Remove-PortalAiContent, Start-PortalAiOutline,
# Get-PortalAiOutline, Start-PortalAiBuild.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    # AI Builder steps of 100 ms instead of 3 s: the flow runs at once.
    $sandbox = Start-TestSandbox -AiStepDuration 100

    $notes = Join-Path $TestDrive 'discovery-call.txt'
    Set-Content -LiteralPath $notes -Value 'Client wants a Home Theater and a Living Room with in-ceiling speakers.'

    # -TimeoutSec 1 needs an outline that takes longer: a second sandbox with 2 s steps, whose
    # upload is transcribed (two steps) while the other tests run.
    $slowSandbox = Start-PortalSandbox -AiStepDuration 2000
    $slowSession = $slowSandbox | Connect-Portal -PassThru
    $sandbox | Connect-Portal
    $timeoutProposal = New-PortalProposal -Name 'Pester AI timeout' -SalesPersonId $Seed.SalesPersonId -Session $slowSession -ErrorAction Stop
    $null = Add-PortalAiContent -ProposalId $timeoutProposal.Id -Path $notes -Session $slowSession -ErrorAction Stop

    $flowProposal = New-TestProposal 'Pester AI flow'
    $null = Add-PortalAiContent -ProposalId $flowProposal.Id -Path $notes -ErrorAction Stop
}

AfterAll {
    $slowSandbox | Stop-PortalSandbox
    Stop-TestSandbox $sandbox
}

Describe 'AI Builder content' {
    It 'uploads a file from Get-ChildItem and lists it' {
        $proposal = New-TestProposal 'Pester AI upload'

        $content = Get-ChildItem -LiteralPath $notes | Add-PortalAiContent -ProposalId $proposal.Id

        $content | Should -BeOfType PortalIo.Models.AiContent
        $content.Name | Should -Be 'discovery-call.txt'
        $content.Status | Should -Be 'Uploaded'
        $content.ProposalId | Should -Be $proposal.Id
        (Get-PortalAiContent -ProposalId $proposal.Id).ContentId | Should -Be $content.ContentId
    }

    It 'removes content from the pipeline' {
        $proposal = New-TestProposal 'Pester AI remove'
        Add-PortalAiContent -ProposalId $proposal.Id -Path $notes -Name 'To remove' | Out-Null

        Get-PortalAiContent -ProposalId $proposal.Id | Remove-PortalAiContent -Confirm:$false

        Get-PortalAiContent -ProposalId $proposal.Id | Should -BeNullOrEmpty
    }

    It 'refuses a file that does not exist before sending anything' {
        $before = $sandbox.RequestCount
        $missing = Join-Path $TestDrive 'no-such-file.txt'

        $failure = { Add-PortalAiContent -ProposalId $Seed.DraftProposalId -Path $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject | Should -Be $missing
        $sandbox.RequestCount | Should -Be $before
    }

    It 'reports unknown content as PortalIo.NotFound' {
        $failure = { Remove-PortalAiContent -ProposalId $Seed.DraftProposalId -ContentId 999 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotFound*' -PassThru

        $failure.ErrorDetails.RecommendedAction | Should -Match 'Get-PortalAiContent'
    }

    It 'refuses an outline before any content is transcribed, saying what to do' {
        $failure = { Start-PortalAiOutline -ProposalId $Seed.EmptyDraftProposalId -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.BadRequest*' -PassThru

        $failure.TargetObject | Should -Be $Seed.EmptyDraftProposalId
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Add-PortalAiContent.*Transcribed'
    }

    It 'sends nothing with -WhatIf' {
        $before = $sandbox.RequestCount

        Add-PortalAiContent -ProposalId $Seed.DraftProposalId -Path $notes -WhatIf
        Remove-PortalAiContent -ProposalId $Seed.DraftProposalId -ContentId 42 -WhatIf
        Start-PortalAiOutline -ProposalId $Seed.DraftProposalId -WhatIf
        Start-PortalAiBuild -ProposalId $Seed.DraftProposalId -Wait -WhatIf

        $sandbox.RequestCount | Should -Be $before
    }
}

Describe 'Outline and build' {
    BeforeAll {
        for ($i = 0; $i -lt 300; $i++) {
            $pending = @($flowProposal | Get-PortalAiContent) + @($timeoutProposal | Get-PortalAiContent -Session $slowSession) | Where-Object Status -NE 'Transcribed'
            if (-not $pending) { break }
            Start-Sleep -Milliseconds 100
        }
    }

    It 'stops waiting at -TimeoutSec with PortalIo.Timeout, pointing to Get-PortalAiOutline' {
        $failure = { Start-PortalAiOutline -ProposalId $timeoutProposal.Id -Session $slowSession -Wait -TimeoutSec 1 -PollIntervalSec 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.Timeout*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure.TargetObject | Should -Be $timeoutProposal.Id
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Get-PortalAiOutline'
    }

    It 'generates an outline from the transcribed content, then builds the proposal from it' {
        $outline = Start-PortalAiOutline -ProposalId $flowProposal.Id -Wait -PollIntervalSec 1

        $outline | Should -BeOfType PortalIo.Models.AiOutline
        $outline.Status | Should -Be 'Completed'
        $outline.Outline | Should -Match '### Home Theater'
        (Get-PortalAiOutline -ProposalId $flowProposal.Id).Status | Should -Be 'Completed'

        $built = Start-PortalAiBuild -ProposalId $flowProposal.Id -Wait -PollIntervalSec 1

        $built | Should -BeOfType PortalIo.Models.Proposal
        $built.Areas.Name | Should -Contain 'Home Theater'
        $built.Areas.Name | Should -Contain 'Living Room'
    }
}

Describe 'Parameters that apply only with -Wait' {
    It 'refuses -TimeoutSec without -Wait and starts nothing' {
        $proposal = New-TestProposal 'Pester no wait'
        $mark = Get-TestSandboxMark $sandbox

        Start-PortalAiOutline -ProposalId $proposal.Id -TimeoutSec 30 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].Exception.ParamName | Should -Be 'TimeoutSec'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match '-Wait'
        Get-TestSandboxRequest $sandbox -After $mark | Should -BeNullOrEmpty
    }
}
