#requires -Version 7.2
# Get-PortalChangeOrder.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Get-PortalChangeOrder' {
    It 'lists the change orders of an accepted proposal' {
        $changeOrders = @(Get-PortalChangeOrder -ProposalId $Seed.AcceptedProposalId)

        $changeOrders | Should -BeOfType PortalIo.Models.ChangeOrder
        $changeOrders.Id | Should -Be @(6001, 6002)
        $changeOrders.Status | Should -Be @('Accepted', 'Draft')
        $changeOrders.ProposalId | Sort-Object -Unique | Should -Be $Seed.AcceptedProposalId
        $changeOrders[0].Total | Should -BeGreaterThan 0
    }

    It 'gets one change order by id' {
        $changeOrder = Get-PortalChangeOrder -ProposalId $Seed.AcceptedProposalId -Id 6002

        $changeOrder.Number | Should -Be 2
        $changeOrder.Name | Should -Be 'Chen Media Room - Change Order 2'
    }

    It 'takes the proposal from the pipeline' {
        $changeOrders = @(Get-PortalProposal -Id $Seed.AcceptedProposalId, $Seed.CompletedProposalId | Get-PortalChangeOrder)

        $changeOrders.Id | Should -Be @(6001, 6002, 6003)
    }

    It 'writes nothing and no error for a proposal without change orders' {
        $changeOrders = @(Get-PortalChangeOrder -ProposalId $Seed.DraftProposalId -ErrorVariable failures)

        $changeOrders.Count | Should -Be 0
        $failures.Count | Should -Be 0
    }

    It 'reports a change order of another proposal as PortalIo.NotFound with the way to list them' {
        $failure = { Get-PortalChangeOrder -ProposalId $Seed.AcceptedProposalId -Id 6003 -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotFound*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject | Should -Be 6003
        $failure.ErrorDetails.RecommendedAction | Should -Match "Get-PortalChangeOrder -ProposalId $($Seed.AcceptedProposalId)"
    }

    It 'reports a proposal of another account as PortalIo.NotFound' {
        { Get-PortalChangeOrder -ProposalId $Seed.OtherDealerProposalId -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotFound*'
    }

    It 'never writes to a proposal with the id of a change order piped into it' {
        $mark = Get-TestSandboxMark $sandbox

        Get-PortalChangeOrder -ProposalId $Seed.AcceptedProposalId | Set-PortalProposal -Description 'x' -ErrorAction SilentlyContinue

        (Get-TestSandboxRequest $sandbox -After $mark).Path | Should -Not -Match '/public/proposals/600[12](/|$)'
    }
}
