#requires -Version 7.2
# Get-PortalArea, Add-PortalArea, Get-PortalAreaOption, Add-PortalAreaOption, Set-PortalAreaOption.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Areas' {
    It 'adds several areas in the order of -Name' {
        $proposal = New-TestProposal 'Pester areas'

        $areas = Add-PortalArea -ProposalId $proposal.Id -Name 'Kitchen', 'Patio', 'Office'

        $areas | Should -BeOfType PortalIo.Models.Area
        $areas.Name | Should -Be @('Kitchen', 'Patio', 'Office')
        $areas.ProposalId | Sort-Object -Unique | Should -Be $proposal.Id
        (Get-PortalArea -ProposalId $proposal.Id).Name | Should -Be @('Kitchen', 'Patio', 'Office')
    }

    It 'reads the areas of piped proposals several at once and writes them in the order the proposals came in, under a rate limit too' {
        $proposals = 1..12 | ForEach-Object { New-TestProposal 'Pester fan-out' }
        $proposals | ForEach-Object { $null = Add-PortalArea -ProposalId $_.Id -Name "Room of $($_.Id)" -ErrorAction Stop }
        $server = $sandbox.GetServer()
        Clear-PortalSandboxRequest
        $server.Latency = [timespan]::FromMilliseconds(100)
        $server.RateLimit = 4
        try {
            $areas = $proposals | Get-PortalArea -ErrorVariable failures
        }
        finally {
            $server.RateLimit = 0
            $server.Latency = [timespan]::Zero
        }

        $failures.Count | Should -Be 0
        $areas.ProposalId | Should -Be $proposals.Id
        $areas.Name | Should -Be ($proposals | ForEach-Object { "Room of $($_.Id)" })
        $reads = @(Get-PortalSandboxRequest -Method GET -Path '/public/proposals/*')
        @($reads | Where-Object RateLimited).Count | Should -BeGreaterThan 0
        @($reads | Where-Object StatusCode -EQ 200).Count | Should -Be 12
        ($reads.InFlightOnArrival | Measure-Object -Maximum).Maximum | Should -BeGreaterThan 1
    }

    It 'lists the areas of a proposal, filtered by name' {
        $areas = @(Get-PortalArea -ProposalId $Seed.DraftProposalId)
        $theater = @(Get-PortalArea -ProposalId $Seed.DraftProposalId -Name 'Home*')

        $areas.Id | Should -Be @(5001, 5002)
        $theater.Name | Should -Be 'Home Theater'
        $theater.OptionCount | Should -Be 1
    }

    It 'reports a duplicate name with its ErrorId, category and target, and goes on with the next name' {
        $proposal = New-TestProposal 'Pester duplicates'

        $areas = @(Add-PortalArea -ProposalId $proposal.Id -Name 'Kitchen', 'kitchen', 'Garage' -ErrorVariable failures -ErrorAction SilentlyContinue)

        $areas.Name | Should -Be @('Kitchen', 'Garage')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.BadRequest,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject.ProposalId | Should -Be $proposal.Id
        $failures[0].TargetObject.Name | Should -Be 'kitchen'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'unique'
    }

    It 'turns the duplicate into a terminating error with -ErrorAction Stop' {
        $proposal = New-TestProposal 'Pester stop'
        Add-PortalArea -ProposalId $proposal.Id -Name 'Den' | Out-Null

        { Add-PortalArea -ProposalId $proposal.Id -Name 'Den', 'Loft' -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.BadRequest*'
        (Get-PortalArea -ProposalId $proposal.Id).Name | Should -Be @('Den')
    }

    It 'answers PortalIo.Conflict for an accepted proposal' {
        Add-PortalArea -ProposalId $Seed.AcceptedProposalId -Name 'Patio' -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.Conflict,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'change order'
    }

    It 'sends nothing with -WhatIf' {
        $before = $sandbox.RequestCount

        Add-PortalArea -ProposalId $Seed.DraftProposalId -Name 'WhatIf room' -WhatIf

        $sandbox.RequestCount | Should -Be $before
    }
}

Describe 'Options' {
    It 'binds Get-PortalProposal -Id | Get-PortalArea | Add-PortalAreaOption by property name' {
        $proposal = New-TestProposal 'Pester pipeline'
        Add-PortalArea -ProposalId $proposal.Id -Name 'Living Room', 'Office' | Out-Null

        $options = @(Get-PortalProposal -Id $proposal.Id | Get-PortalArea | Add-PortalAreaOption -ClientDescription 'Premium')

        $options.Count | Should -Be 2
        $options | Should -BeOfType PortalIo.Models.AreaOption
        $options.AreaName | Should -Be @('Living Room', 'Office')
        $options.ProposalId | Sort-Object -Unique | Should -Be $proposal.Id
        $options.ClientDescription | Sort-Object -Unique | Should -Be 'Premium'
    }

    It 'lists the options of a proposal with their line items' {
        $options = @(Get-PortalAreaOption -ProposalId $Seed.DraftProposalId)

        $options.Id | Should -Be @(7001, 7002)
        $options[0].Items.Count | Should -Be 3
        $options[0].Total | Should -Be ($options[0].Items | Measure-Object -Property ExtendedPrice -Sum).Sum
    }

    It 'refuses a fourth option with PortalIo.BadRequest and says why' {
        $failure = { Add-PortalAreaOption -ProposalId $Seed.FullAreaProposalId -AreaId $Seed.FullAreaId -ClientDescription 'Fourth' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.BadRequest*' -PassThru

        $failure.ErrorDetails.RecommendedAction | Should -Match 'at most 3 options'
    }

    It 'changes the client description and writes the option back with -PassThru' {
        $proposal = New-TestProposal 'Pester option'
        $option = Add-PortalArea -ProposalId $proposal.Id -Name 'Bar' | Add-PortalAreaOption -ClientDescription 'Good'

        $changed = $option | Set-PortalAreaOption -ClientDescription 'Better' -InstallerNotes 'Gate code on file' -PassThru

        $changed.Id | Should -Be $option.Id
        $changed.ClientDescription | Should -Be 'Better'
        (Get-PortalAreaOption -ProposalId $proposal.Id | Where-Object Id -EQ $option.Id).ClientDescription | Should -Be 'Better'
    }

    It 'sends nothing with -WhatIf' {
        $before = $sandbox.RequestCount

        Add-PortalAreaOption -ProposalId $Seed.DraftProposalId -AreaId 5001 -ClientDescription 'WhatIf' -WhatIf
        Set-PortalAreaOption -ProposalId $Seed.DraftProposalId -OptionId 7001 -ClientDescription 'WhatIf' -WhatIf

        $sandbox.RequestCount | Should -Be $before
    }
}

Describe 'Add-PortalArea when its answer is lost' {
    # The sandbox strikes the next matching request: ApplyThenReset adds the area and drops the
    # connection; Reset drops it before adding anything. Either way the area ends up added once.
    It 'writes the area it finds by reading back when the write was applied, with a verbose note' {
        $proposal = New-TestProposal 'Pester lost answer'
        $mark = Get-TestSandboxMark $sandbox
        Set-PortalSandboxFault -Sandbox $sandbox -Method POST -Path "/public/proposals/$($proposal.Id)/area" -Mode ApplyThenReset

        $output = Add-PortalArea -ProposalId $proposal.Id -Name 'Den' -Verbose 4>&1

        $area = $output | Where-Object { $_ -is [PortalIo.Models.Area] }
        $area.Name | Should -Be 'Den'
        $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'Reading back found area .Den.' } | Should -Not -BeNullOrEmpty
        (Get-PortalArea -ProposalId $proposal.Id).Name | Should -Be @('Den')
        @(Get-TestSandboxRequest $sandbox -After $mark | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/area' }).Count | Should -Be 1
    }

    It 'sends it once more when reading back shows it was not applied' {
        $proposal = New-TestProposal 'Pester lost answer'
        $mark = Get-TestSandboxMark $sandbox
        Set-PortalSandboxFault -Sandbox $sandbox -Method POST -Path "/public/proposals/$($proposal.Id)/area" -Mode Reset

        $area = Add-PortalArea -ProposalId $proposal.Id -Name 'Den'

        $area.Name | Should -Be 'Den'
        (Get-PortalArea -ProposalId $proposal.Id).Name | Should -Be @('Den')
        $posts = @(Get-TestSandboxRequest $sandbox -After $mark | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/area' })
        $posts.Count | Should -Be 2
        $posts[0].Processed | Should -BeFalse
    }
}
