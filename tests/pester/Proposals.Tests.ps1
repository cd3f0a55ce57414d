#requires -Version 7.2
# Get-PortalProposal, New-PortalProposal, Set-PortalProposal, Set-PortalProposalContact, Set-PortalProposalLocation.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Get-PortalProposal' {
    It 'returns the window that -Skip and -First select' {
        $all = @(Get-PortalProposal -PageSize 10)
        $window = @(Get-PortalProposal -PageSize 10 -Skip 15 -First 10)

        $window.Count | Should -Be 10
        $window.Id | Should -Be $all[15..24].Id
    }

    It 'writes the total the API reports first with -IncludeTotalCount' {
        $first = @(Get-PortalProposal -Status Draft -First 1 -IncludeTotalCount)

        $first.Count | Should -Be 2
        $first[0] | Should -BeOfType [uint64]
        $first[0] | Should -BeGreaterThan 1
        $first[1].Status | Should -Be 'Draft'
    }

    It 'shows every status whole in the default table at 80 columns' {
        $statuses = [enum]::GetNames([PortalIo.Models.ProposalStatus])
        $rows = foreach ($status in $statuses) { [PortalIo.Models.Proposal]@{ Id = 1; Name = 'A proposal with a long name'; Status = $status } }

        $table = $rows | Format-Table | Out-String -Width 80

        foreach ($status in $statuses) { $table | Should -Match "\b$status\b" }
    }

    It 'filters by status and search text' {
        $accepted = @(Get-PortalProposal -Status Accepted, Declined)
        $smith = @(Get-PortalProposal -SearchText 'Smith Residence')

        $accepted.Status | Sort-Object -Unique | Should -Be @('Accepted', 'Declined')
        $smith.Id | Should -Contain $Seed.DraftProposalId
    }

    It 'gets the details of each -Id, in input order, with areas and options' {
        $proposals = Get-PortalProposal -Id $Seed.AcceptedProposalId, $Seed.DraftProposalId

        $proposals.Id | Should -Be @($Seed.AcceptedProposalId, $Seed.DraftProposalId)
        $proposals[1].Areas.Name | Should -Be @('Living Room', 'Home Theater')
        $proposals[1].CustomerName | Should -Be 'Jane Smith'
        $proposals[1].Total | Should -BeGreaterThan 0
    }

    It 'reports an id of another account as PortalIo.NotFound and still writes the others' {
        $found = @(Get-PortalProposal -Id $Seed.OtherDealerProposalId, $Seed.DraftProposalId -ErrorVariable failures -ErrorAction SilentlyContinue)

        $found.Id | Should -Be @($Seed.DraftProposalId)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.NotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $Seed.OtherDealerProposalId
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'not the number'
    }

    It 'refuses an id below 1 before sending anything' {
        $before = $sandbox.RequestCount

        { Get-PortalProposal -Id 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        $sandbox.RequestCount | Should -Be $before
    }

    It 'honours -Skip with -Id, or refuses it' {
        $proposals = @(Get-PortalProposal -Id $Seed.DraftProposalId, $Seed.AcceptedProposalId -Skip 1 -ErrorAction SilentlyContinue -ErrorVariable failures)

        ($proposals.Count -eq 1 -and $proposals[0].Id -eq $Seed.AcceptedProposalId) -or $failures.Count -eq 1 | Should -BeTrue
    }

    It 'never reads a proposal with the id of a contact piped into it' {
        $mark = Get-TestSandboxMark $sandbox

        Get-PortalContact -Id $Seed.SmithContactId | Get-PortalProposal -ErrorAction SilentlyContinue -ErrorVariable refused | Out-Null

        (Get-TestSandboxRequest $sandbox -After $mark).Path | Should -Not -Contain "/public/proposals/$($Seed.SmithContactId)"
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.PipelineInputRefused,*'
        $refused[0].ErrorDetails.Message | Should -Match 'Contact.*-Id|-Id.*Contact'
    }

    It 'goes on with the next input after refusing one' {
        $contact = Get-PortalContact -Id $Seed.SmithContactId

        $proposals = @($contact, $Seed.DraftProposalId | Get-PortalProposal -ErrorAction SilentlyContinue -ErrorVariable refused)

        $proposals.Id | Should -Be @($Seed.DraftProposalId)
        $refused.Count | Should -Be 1
        $refused[0].TargetObject.Id | Should -Be $Seed.SmithContactId
    }
}

Describe 'New-PortalProposal' {
    It 'creates a Draft for the salesperson' {
        $proposal = New-PortalProposal -Name 'Pester new proposal' -SalesPersonId $Seed.SalesPersonId

        $proposal | Should -BeOfType PortalIo.Models.Proposal
        $proposal.Status | Should -Be 'Draft'
        (Get-PortalProposal -Id $proposal.Id).Name | Should -Be 'Pester new proposal'
    }

    It 'takes the salesperson from Get-PortalUser on the pipeline' {
        $proposal = Get-PortalUser -Name 'Maria*' | New-PortalProposal -Name 'Pester from a user'

        (Get-PortalProposal -Id $proposal.Id).SalesPerson.Id | Should -Be 78
    }

    It 'reports an unknown salesperson as PortalIo.NotFound naming Get-PortalUser' {
        $failure = { New-PortalProposal -Name 'Nobody sells this' -SalesPersonId 95 -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotFound*' -PassThru

        $failure.TargetObject | Should -Be 95
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Get-PortalUser'
    }

    It 'sends nothing with -WhatIf' {
        $before = $sandbox.RequestCount

        New-PortalProposal -Name 'WhatIf' -SalesPersonId $Seed.SalesPersonId -WhatIf

        $sandbox.RequestCount | Should -Be $before
    }
}

Describe 'Set-PortalProposal' {
    It 'renames a Draft and writes it back with -PassThru' {
        $proposal = New-TestProposal 'Pester rename'

        $renamed = $proposal | Set-PortalProposal -Name 'Pester renamed' -Description 'For the client' -PassThru

        $renamed.Name | Should -Be 'Pester renamed'
        $renamed.ProjectDescription | Should -Be 'For the client'
    }

    It 'answers PortalIo.Conflict for an accepted proposal and points to change orders' {
        $failure = { Set-PortalProposal -Id $Seed.AcceptedProposalId -Name 'Too late' -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.Conflict*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure.TargetObject | Should -Be $Seed.AcceptedProposalId
        $failure.ErrorDetails.RecommendedAction | Should -Match 'change order'
    }

    It 'refuses a call without a change before sending anything' {
        $before = $sandbox.RequestCount

        $failure = { Set-PortalProposal -Id $Seed.DraftProposalId -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.Exception.Message | Should -Match '-Name, -SalesPersonId, -Description or -InternalNotes'
        $sandbox.RequestCount | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $before = $sandbox.RequestCount

        Set-PortalProposal -Id $Seed.DraftProposalId -Name 'WhatIf' -WhatIf

        $sandbox.RequestCount | Should -Be $before
    }

    It 'writes to the proposal of an area piped into it, never to the area id' {
        $proposal = New-TestProposal 'Pester area binding'
        $areas = Add-PortalArea -ProposalId $proposal.Id -Name 'Den'
        $mark = Get-TestSandboxMark $sandbox

        $areas | Set-PortalProposal -Description 'From an area' -ErrorAction SilentlyContinue

        $paths = (Get-TestSandboxRequest $sandbox -After $mark | Where-Object Method -EQ 'POST').Path
        $paths | Should -Not -Match "/public/proposals/$($areas.Id)(/|$)"
        $paths | Should -Be @("/public/proposals/$($proposal.Id)/description")
        (Get-PortalProposal -Id $proposal.Id).ProjectDescription | Should -Be 'From an area'
    }
}

Describe 'Set-PortalProposalContact and Set-PortalProposalLocation' {
    It 'assigns a contact and then its location, which brings the Texas sales tax' {
        $proposal = New-TestProposal 'Pester customer'

        $withContact = Get-PortalContact -Id $Seed.SmithContactId | Set-PortalProposalContact -ProposalId $proposal.Id -PassThru
        $withLocation = Set-PortalProposalLocation -ProposalId $proposal.Id -LocationId $Seed.SmithLocationId -PassThru

        $withContact.Customer.Id | Should -Be $Seed.SmithContactId
        $withLocation.FinancialSummary.SalesTax.TaxStatus | Should -Not -Be 'Undefined'
    }

    It "reports a location of another contact as PortalIo.NotFound" {
        $proposal = New-TestProposal 'Pester location'
        Set-PortalProposalContact -ProposalId $proposal.Id -ContactId $Seed.SmithContactId

        { Set-PortalProposalLocation -ProposalId $proposal.Id -LocationId 202 -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotFound*'
    }
}

Describe 'New-PortalProposal when its answer is lost' {
    It 'reports one PortalIo.WriteOutcomeUnknown with its input and advice to check first, and never sends it again' {
        $mark = Get-TestSandboxMark $sandbox
        Set-PortalSandboxFault -Sandbox $sandbox -Method POST -Path '/public/proposals' -Mode ApplyThenUnreadable

        $proposal = New-PortalProposal -Name 'Pester unknown' -SalesPersonId $Seed.SalesPersonId -ErrorVariable failures -ErrorAction SilentlyContinue

        $proposal | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.WriteOutcomeUnknown,*'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationStopped'
        $failures[0].TargetObject | Should -Be $Seed.SalesPersonId
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'before you run the command again'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -Match 'try again'
        @(Get-TestSandboxRequest $sandbox -After $mark | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/public/proposals' }).Count | Should -Be 1
    }

    It 'is caught by its ErrorId with -ErrorAction Stop' {
        Set-PortalSandboxFault -Sandbox $sandbox -Method POST -Path '/public/proposals' -Mode ApplyThenReset

        { New-PortalProposal -Name 'Pester unknown' -SalesPersonId $Seed.SalesPersonId -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.WriteOutcomeUnknown*'
    }
}
