#requires -Version 7.2
# How users test their own automation: PortalIo cmdlets mocked inside their functions and modules,
# with fake output objects of every output type and a fake session.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    # A real sandbox only to prove that nothing reaches Portal.io while the cmdlets are mocked.
    $sandbox = Start-TestSandbox

    # A user's own module, built on PortalIo: what its author wants to test.
    New-Module -Name ProposalTools -ScriptBlock {
        function New-StandardProposal {
            [CmdletBinding(SupportsShouldProcess)]
            param(
                [Parameter(Mandatory)] [string] $Customer,
                [Parameter(Mandatory)] [int] $SalesPersonId,
                [string[]] $Room = @('Living Room'),
                [PortalIo.Session.PortalSession] $Session
            )
            $on = @{}
            if ($Session) { $on.Session = $Session }
            if (-not $PSCmdlet.ShouldProcess($Customer, 'Create a standard proposal')) { return }
            $proposal = New-PortalProposal -Name "$Customer - Standard AV" -SalesPersonId $SalesPersonId @on -ErrorAction Stop
            Add-PortalArea -ProposalId $proposal.Id -Name $Room @on -ErrorAction Stop |
                Add-PortalAreaOption -ClientDescription 'Standard package' @on -ErrorAction Stop | Out-Null
            Get-PortalProposal -Id $proposal.Id @on -ErrorAction Stop
        }

        function Find-ProposalOrNothing {
            param([int] $Id)
            try { Get-PortalProposal -Id $Id -ErrorAction Stop }
            catch { if ($_.FullyQualifiedErrorId -notlike 'PortalIo.NotFound*') { throw } }
        }

        function Get-StaleDraft {
            param([int] $Days = 30)
            $cutoff = [datetimeoffset]::Now.AddDays(-$Days)
            Get-PortalProposal -Status Draft | Where-Object LastModifiedDate -LT $cutoff
        }

        function Assert-PortalReady {
            if (-not (Get-PortalSession)) { throw 'Run Connect-Portal first.' }
            Test-PortalConnection -Quiet
        }
    } | Import-Module

    # A function of the test script itself: Mock without -ModuleName reaches the cmdlets it calls.
    function Get-DraftReport {
        Get-PortalProposal -Status Draft | Select-Object Id, Name, @{ Name = 'Customer'; Expression = { $_.Customer.DisplayName } }
    }

    function New-FakePortalError {
        # An error record shaped like PortalIo's: its ErrorId, category and the failed input as
        # target. A mock throws it: what the real cmdlet does under -ErrorAction Stop.
        param([string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category, $Target, [string] $Message)
        [System.Management.Automation.ErrorRecord]::new([System.Exception]::new($Message), $ErrorId, $Category, $Target)
    }
}

AfterAll {
    Stop-TestSandbox $sandbox
    Remove-Module ProposalTools -ErrorAction SilentlyContinue
}

Describe 'Mocking in a script of your own (Mock without -ModuleName)' {
    BeforeAll {
        Mock Get-PortalProposal {
            [PortalIo.Models.Proposal]@{ Id = 501; Name = 'Fake Residence'; Status = 'Draft'; Customer = [PortalIo.Models.Customer]@{ FirstName = 'Ada'; LastName = 'Fake' } }
            [PortalIo.Models.Proposal]@{ Id = 502; Name = 'Fake Office'; Status = 'Draft' }
        } -ParameterFilter { $Status -contains 'Draft' }
    }

    It 'reports the fake proposals and sends nothing to Portal.io' {
        $before = $sandbox.RequestCount

        $report = @(Get-DraftReport)

        $report.Id | Should -Be @(501, 502)
        $report[0].Customer | Should -Be 'Ada Fake'
        $sandbox.RequestCount | Should -Be $before
    }

    It 'asks for drafts exactly once' {
        Get-DraftReport | Out-Null

        Should -Invoke Get-PortalProposal -Times 1 -Exactly -ParameterFilter { $Status -contains 'Draft' -and -not $Id }
    }
}

Describe 'Mocking inside your module (Mock -ModuleName)' {
    BeforeAll {
        $fakeSession = New-MockObject -Type PortalIo.Session.PortalSession
        Mock -ModuleName ProposalTools New-PortalProposal { [PortalIo.Models.Proposal]@{ Id = 4242; Name = $Name; Status = 'Draft' } }
        Mock -ModuleName ProposalTools Add-PortalArea {
            $areaId = 5100
            foreach ($roomName in $Name) { [PortalIo.Models.Area]@{ Id = ++$areaId; Name = $roomName; ProposalId = $ProposalId } }
        }
        Mock -ModuleName ProposalTools Add-PortalAreaOption {
            [PortalIo.Models.AreaOption]@{ Id = 7100 + $AreaId % 100; ProposalId = $ProposalId; AreaId = $AreaId; ClientDescription = $ClientDescription }
        }
        Mock -ModuleName ProposalTools Get-PortalProposal { [PortalIo.Models.Proposal]@{ Id = $Id[0]; Name = 'Lee - Standard AV'; Status = 'Draft' } }
    }

    It 'creates the proposal for the salesperson' {
        $proposal = New-StandardProposal -Customer Lee -SalesPersonId 77 -Room Kitchen, Patio

        $proposal.Id | Should -Be 4242
        Should -Invoke New-PortalProposal -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { $Name -eq 'Lee - Standard AV' -and $SalesPersonId -eq 77 }
    }

    It 'adds the rooms as areas of that proposal, in one call' {
        New-StandardProposal -Customer Lee -SalesPersonId 77 -Room Kitchen, Patio | Out-Null

        Should -Invoke Add-PortalArea -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { $ProposalId -eq 4242 -and ($Name -join '|') -eq 'Kitchen|Patio' }
    }

    It 'gives each area the standard option, bound from the fake areas on the pipeline' {
        New-StandardProposal -Customer Lee -SalesPersonId 77 -Room Kitchen, Patio | Out-Null

        Should -Invoke Add-PortalAreaOption -ModuleName ProposalTools -Times 2 -Exactly -ParameterFilter { $ProposalId -eq 4242 -and $ClientDescription -eq 'Standard package' }
        Should -Invoke Add-PortalAreaOption -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { $AreaId -eq 5102 }
    }

    It 'passes a given session on to every call' {
        New-StandardProposal -Customer Lee -SalesPersonId 77 -Session $fakeSession | Out-Null

        Should -Invoke New-PortalProposal -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { [object]::ReferenceEquals($Session, $fakeSession) }
        Should -Invoke Add-PortalArea -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { [object]::ReferenceEquals($Session, $fakeSession) }
        Should -Invoke Get-PortalProposal -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { [object]::ReferenceEquals($Session, $fakeSession) }
    }

    It 'creates nothing with -WhatIf' {
        New-StandardProposal -Customer Lee -SalesPersonId 77 -WhatIf

        Should -Invoke New-PortalProposal -ModuleName ProposalTools -Times 0 -Exactly
        Should -Invoke Add-PortalArea -ModuleName ProposalTools -Times 0 -Exactly
    }

    It 'stops at a PortalIo error and adds no option' {
        Mock -ModuleName ProposalTools Add-PortalArea {
            throw (New-FakePortalError -ErrorId 'PortalIo.Conflict' -Category ResourceUnavailable -Target $ProposalId -Message "Proposal $ProposalId is Accepted.")
        }

        { New-StandardProposal -Customer Lee -SalesPersonId 77 } | Should -Throw -ErrorId 'PortalIo.Conflict*'
        Should -Invoke Add-PortalAreaOption -ModuleName ProposalTools -Times 0 -Exactly
    }
}

Describe 'Faking PortalIo errors and sessions' {
    It 'turns PortalIo.NotFound into nothing, and lets other errors through' {
        Mock -ModuleName ProposalTools Get-PortalProposal {
            throw (New-FakePortalError -ErrorId 'PortalIo.NotFound' -Category ObjectNotFound -Target $Id[0] -Message "Proposal $($Id[0]) was not found.")
        } -ParameterFilter { $Id -contains 404 }
        Mock -ModuleName ProposalTools Get-PortalProposal {
            throw (New-FakePortalError -ErrorId 'PortalIo.Forbidden' -Category PermissionDenied -Target $Id[0] -Message 'No permission.')
        } -ParameterFilter { $Id -contains 403 }

        Find-ProposalOrNothing -Id 404 | Should -BeNullOrEmpty
        { Find-ProposalOrNothing -Id 403 } | Should -Throw -ErrorId 'PortalIo.Forbidden*'
        Should -Invoke Get-PortalProposal -ModuleName ProposalTools -Times 2 -Exactly
    }

    It 'finds stale drafts among fake proposals' {
        Mock -ModuleName ProposalTools Get-PortalProposal {
            [PortalIo.Models.Proposal]@{ Id = 1; Status = 'Draft'; LastModifiedDate = [datetimeoffset]::Now.AddDays(-90) }
            [PortalIo.Models.Proposal]@{ Id = 2; Status = 'Draft'; LastModifiedDate = [datetimeoffset]::Now.AddDays(-2) }
        }

        (Get-StaleDraft -Days 30).Id | Should -Be 1
        Should -Invoke Get-PortalProposal -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { $Status -contains 'Draft' }
    }

    It 'checks the connection with a fake session' {
        Mock -ModuleName ProposalTools Get-PortalSession { New-MockObject -Type PortalIo.Session.PortalSession -Properties @{ UserName = 'fake@example.com' } }
        Mock -ModuleName ProposalTools Test-PortalConnection { $true } -ParameterFilter { $Quiet }

        Assert-PortalReady | Should -BeTrue
        Should -Invoke Test-PortalConnection -ModuleName ProposalTools -Times 1 -Exactly -ParameterFilter { $Quiet }
    }

    It 'gets a PortalIo error, not a crash, when a fake session reaches a real cmdlet' {
        $fake = New-MockObject -Type PortalIo.Session.PortalSession -Properties @{ UserName = 'fake@example.com' }

        $failure = { Get-PortalProposal -Id 1042 -Session $fake -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.SessionNotUsable*' -PassThru

        $failure.ErrorDetails.RecommendedAction | Should -Match 'Mock'
    }

    It 'refuses to work without a session' {
        Mock -ModuleName ProposalTools Get-PortalSession { }

        { Assert-PortalReady } | Should -Throw 'Run Connect-Portal first.'
    }
}

Describe 'Fake output objects' {
    It 'fakes a <Type> returned by <Command>: your code gets it and the module shows it' -ForEach @(
        @{ Type = 'PortalIo.Session.PortalSession'; Command = 'Get-PortalSession'; Arguments = @{}; Fake = { New-MockObject -Type PortalIo.Session.PortalSession -Properties @{ UserName = 'fake@example.com' } }; Shows = 'fake@example.com' }
        @{ Type = 'PortalIo.Models.User'; Command = 'Get-PortalUser'; Arguments = @{}; Fake = { [PortalIo.Models.User]@{ Id = 77; FirstName = 'Fay'; LastName = 'Kerr'; Email = 'fay@example.com' } }; Shows = 'fay@example.com' }
        @{ Type = 'PortalIo.Models.Proposal'; Command = 'Get-PortalProposal'; Arguments = @{}; Fake = { [PortalIo.Models.Proposal]@{ Id = 9001; Name = 'Fake Residence'; Status = 'Draft' } }; Shows = 'Fake Residence' }
        @{ Type = 'PortalIo.Models.Area'; Command = 'Get-PortalArea'; Arguments = @{ ProposalId = 9001 }; Fake = { [PortalIo.Models.Area]@{ Id = 9101; Name = 'Fake Den'; ProposalId = 9001 } }; Shows = 'Fake Den' }
        @{ Type = 'PortalIo.Models.AreaOption'; Command = 'Get-PortalAreaOption'; Arguments = @{ ProposalId = 9001 }; Fake = { [PortalIo.Models.AreaOption]@{ Id = 9201; ProposalId = 9001; AreaId = 9101; Status = 'Draft'; ClientDescription = 'Fake package' } }; Shows = 'Fake package' }
        @{ Type = 'PortalIo.Models.ChangeOrder'; Command = 'Get-PortalChangeOrder'; Arguments = @{ ProposalId = 9001 }; Fake = { [PortalIo.Models.ChangeOrder]@{ Id = 9301; Number = 1; ProposalId = 9001; Name = 'Fake change'; Status = 'Draft' } }; Shows = 'Fake change' }
        @{ Type = 'PortalIo.Models.Contact'; Command = 'Get-PortalContact'; Arguments = @{}; Fake = { [PortalIo.Models.Contact]@{ Id = 9401; FirstName = 'Gus'; LastName = 'Fake'; PartyType = 'Person'; ContactType = 'Client' } }; Shows = 'Gus Fake' }
        @{ Type = 'PortalIo.Models.Location'; Command = 'Get-PortalContactLocation'; Arguments = @{ ContactId = 9401 }; Fake = { [PortalIo.Models.Location]@{ Id = 9501; ContactId = 9401; Street = '1 Fake St'; City = 'Austin'; IsPrimary = $true } }; Shows = '1 Fake St' }
        @{ Type = 'PortalIo.Models.ConnectionCheck'; Command = 'Test-PortalConnection'; Arguments = @{}; Fake = { [PortalIo.Models.ConnectionCheck]::new('Signature', 'Failed', 'Fake refusal.', 'Check the keys.') }; Shows = 'Fake refusal.' }
        @{ Type = 'PortalIo.PowerShell.LocalSandbox.PortalSandbox'; Command = 'Start-PortalSandbox'; Arguments = @{}; Fake = { New-MockObject -Type PortalIo.PowerShell.LocalSandbox.PortalSandbox -Properties @{ UserName = 'fake@portal.local' } }; Shows = 'fake@portal.local' }
        @{ Type = 'PortalIo.Models.PortalSignature'; Command = 'New-PortalSignature'; Arguments = @{ Uri = 'https://api.portal.io/public/users' }; Fake = { [PortalIo.Models.PortalSignature]::new('GET', 'https://api.portal.io/public/users', $null, 'Mon, 06 Apr 2026 00:22:19 GMT', $true, 'fake message', 'ZmFrZQ==') }; Shows = 'fake message' }
        @{ Type = 'PortalIo.Models.CatalogItem'; Command = 'Find-PortalCatalogItem'; Arguments = @{}; Fake = { [PortalIo.Models.CatalogItem]@{ Id = 9601; Brand = 'Fakeco'; Model = 'FK-1'; ItemType = 'Part' } }; Shows = 'FK-1' }
        @{ Type = 'PortalIo.Models.CatalogSearchSummary'; Command = 'Find-PortalCatalogItem'; Arguments = @{ Summary = $true }; Fake = { [PortalIo.Models.CatalogSearchSummary]@{ TotalItemCount = 4242; FavoriteItemCount = 3 } }; Shows = '4242' }
        @{ Type = 'PortalIo.Models.CatalogCategory'; Command = 'Get-PortalCatalogCategory'; Arguments = @{}; Fake = { [PortalIo.Models.CatalogCategory]@{ Id = 9701; Name = 'Fake Gear'; Path = 'Fake Gear' } }; Shows = 'Fake Gear' }
        @{ Type = 'PortalIo.Models.Webhook'; Command = 'Get-PortalWebhook'; Arguments = @{}; Fake = { [PortalIo.Models.Webhook]@{ SubscriptionId = 9801; Url = 'https://hooks.example.com/fake'; Enabled = $true; Events = [System.Collections.Generic.List[string]]@('proposal.status_changed') } }; Shows = 'hooks.example.com/fake' }
        @{ Type = 'PortalIo.Models.AiContent'; Command = 'Get-PortalAiContent'; Arguments = @{ ProposalId = 9001 }; Fake = { [PortalIo.Models.AiContent]@{ Id = 9901; ProposalId = 9001; Name = 'fake-call.txt'; Status = 'Transcribed' } }; Shows = 'fake-call.txt' }
        @{ Type = 'PortalIo.Models.AiOutline'; Command = 'Get-PortalAiOutline'; Arguments = @{ ProposalId = 9001 }; Fake = { [PortalIo.Models.AiOutline]@{ ProposalId = 9001; Status = 'Completed'; Outline = 'Fake outline' } }; Shows = 'Fake outline' }
        @{ Type = 'PortalIo.Models.AiBuild'; Command = 'Start-PortalAiBuild'; Arguments = @{ ProposalId = 9001 }; Fake = { [PortalIo.Models.AiBuild]@{ ProposalId = 9001; Status = 'Running' } }; Shows = 'Running' }
        @{ Type = 'PortalIo.PowerShell.LocalSandbox.PortalSandboxRequest'; Command = 'Get-PortalSandboxRequest'; Arguments = @{}; Fake = { [PortalIo.PowerShell.LocalSandbox.PortalSandboxRequest]@{ Sequence = 7; Method = 'POST'; Path = '/public/proposals/9001/area'; StatusCode = 201; Body = @{ Name = 'Fake Den' } } }; Shows = '/public/proposals/9001/area' }
        @{ Type = 'PortalIo.PowerShell.LocalSandbox.PortalSandboxFault'; Command = 'Get-PortalSandboxFault'; Arguments = @{}; Fake = { [PortalIo.PowerShell.LocalSandbox.PortalSandboxFault]@{ Path = '/public/fake/*'; Mode = 'ApplyThenReset'; Count = 2; Remaining = 1 } }; Shows = '/public/fake/*' }
        @{ Type = 'PortalIo.PowerShell.LocalSandbox.PortalSandboxWebhookDelivery'; Command = 'Get-PortalSandboxWebhookDelivery'; Arguments = @{}; Fake = { [PortalIo.PowerShell.LocalSandbox.PortalSandboxWebhookDelivery]@{ EventId = 'evt_fake'; EventType = 'proposal.fake_event'; SubscriptionId = 9801 } }; Shows = 'proposal.fake_event' }
    ) {
        Mock $Command $Fake

        $result = & $Command @Arguments

        $result | Should -BeOfType $Type
        Should -Invoke $Command -Times 1 -Exactly
        $result | Out-String -Width 120 | Should -Match ([regex]::Escape($Shows))
        $result | Format-List | Out-String -Width 120 | Should -Match ([regex]::Escape($Shows))
    }

    It 'has a fake for every output type of the module' {
        $outputTypes = Get-Command -Module PortalIo | ForEach-Object OutputType | ForEach-Object Type |
            Where-Object { $_ -and $_.Assembly -eq [PortalIo.Models.Proposal].Assembly } | ForEach-Object FullName | Sort-Object -Unique
        $faked = (Get-Content -Raw -LiteralPath $PSCommandPath | Select-String "Type = '(PortalIo\.[\w.]+)'" -AllMatches).Matches | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique

        $faked | Should -Be $outputTypes
    }

    It 'binds a fake area to the next cmdlet by property name, like a real one' {
        Mock Add-PortalAreaOption { }
        $fakeArea = [PortalIo.Models.Area]@{ Id = 5555; Name = 'Fake Den'; ProposalId = 4444 }

        $fakeArea | Add-PortalAreaOption -ClientDescription 'Premium'

        Should -Invoke Add-PortalAreaOption -Times 1 -Exactly -ParameterFilter { $ProposalId -eq 4444 -and $AreaId -eq 5555 }
    }
}
