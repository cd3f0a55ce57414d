#requires -Version 7.2
<#
    How to test a script that uses PortalIo, with Pester 5 and the local sandbox: a function under
    test, a sandbox started from a fixture, a reset before each test, assertions on the requests
    the function sent, and a fault that loses the answer to a write after it was applied.

        Invoke-Pester ./examples/Testing.Tests.ps1

    about_PortalIo_Testing explains each piece (Get-Help about_PortalIo_Testing).
#>

BeforeAll {
    Import-Module PortalIo

    # The function under test, as a script of yours would have it: a proposal with one area per
    # room. When the answer to an area is lost (no answer, a 5xx, an unreadable body), Add-PortalArea
    # settles it before it reports: it reads the proposal back and writes the area it finds, or adds
    # it once more when it is not there (about_PortalIo_Errors). So no room is added twice, and the
    # function has only PortalIo.WriteOutcomeUnknown to decide about: it stops and says which room.
    function New-RoomProposal {
        [CmdletBinding()]
        param(
            [Parameter(Mandatory)] [string] $Name,
            [Parameter(Mandatory)] [int] $SalesPersonId,
            [Parameter(Mandatory)] [string[]] $Room
        )
        $proposal = New-PortalProposal -Name $Name -SalesPersonId $SalesPersonId -ErrorAction Stop
        foreach ($roomName in $Room) {
            try {
                Add-PortalArea -ProposalId $proposal.Id -Name $roomName -ErrorAction Stop | Out-Null
            }
            catch {
                if ($_.FullyQualifiedErrorId -notlike 'PortalIo.WriteOutcomeUnknown*') { throw }
                throw "Room '$roomName' of proposal $($proposal.Id) may or may not have been added: check with Get-PortalArea -ProposalId $($proposal.Id) -Name '$roomName' before running this again."
            }
        }
        Get-PortalProposal -Id $proposal.Id -ErrorAction Stop
    }

    # One sandbox for this file, started from a fixture: two contacts, two proposals (2101 is a
    # Draft, 2102 is Accepted), a small catalog. The function's calls go to it.
    $sandbox = Start-PortalSandbox -Data (Join-Path $PSScriptRoot 'fixtures/small-shop.json')
    $sandbox | Connect-Portal
}

AfterAll {
    $sandbox | Stop-PortalSandbox
}

Describe 'New-RoomProposal against the sandbox' {
    BeforeEach {
        # Every test starts from the fixture, with an empty journal and no fault.
        Reset-PortalSandbox
    }

    It 'creates a proposal with one area per room' {
        $proposal = New-RoomProposal -Name 'Martin Guest House' -SalesPersonId 77 -Room 'Kitchen', 'Patio', 'Office'

        $proposal.Name | Should -Be 'Martin Guest House'
        $proposal.Areas.Name | Should -Be 'Kitchen', 'Patio', 'Office'
    }

    It 'sends exactly one POST per room, to that proposal, with the room as its name' {
        $proposal = New-RoomProposal -Name 'Martin Guest House' -SalesPersonId 77 -Room 'Kitchen', 'Patio', 'Office'

        $sent = Get-PortalSandboxRequest -Method POST -Path '/public/proposals/*/area'
        $sent.Count | Should -Be 3
        $sent.Path | Should -Be (@("/public/proposals/$($proposal.Id)/area") * 3)
        $sent.Body.Name | Should -Be 'Kitchen', 'Patio', 'Office'
    }

    It 'adds a room once when the answer is lost after the area was added' {
        # The first area POST is applied, then the connection is reset before any answer: Add-PortalArea reads the proposal back.
        Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode ApplyThenReset -Count 1

        $proposal = New-RoomProposal -Name 'Lost answer' -SalesPersonId 77 -Room 'Kitchen', 'Patio'

        $proposal.Areas.Name | Should -Be 'Kitchen', 'Patio'
        $sent = Get-PortalSandboxRequest -Method POST -Path '/public/proposals/*/area'
        $sent.Body.Name | Should -Be 'Kitchen', 'Patio'
        $sent[0].Fault | Should -Be 'ApplyThenReset'
        $sent[0].Processed | Should -BeTrue
        Get-PortalSandboxRequest -Method GET -Path "/public/proposals/$($proposal.Id)" | Should -Not -BeNullOrEmpty
    }

    It 'adds a room again when it failed before it was applied' {
        # A 503 does not say whether the area was added: Add-PortalArea reads back, finds it missing, and adds it once more.
        Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode FailWithStatus -Status 503 -Count 1

        $proposal = New-RoomProposal -Name 'Server error' -SalesPersonId 77 -Room 'Kitchen', 'Patio'

        $proposal.Areas.Name | Should -Be 'Kitchen', 'Patio'
        (Get-PortalSandboxRequest -Method POST -Path '/public/proposals/*/area').Body.Name | Should -Be 'Kitchen', 'Kitchen', 'Patio'
    }

    It 'stops at an error that is not a lost answer, and adds nothing more' {
        Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode FailWithStatus -Status 400 -Count 1

        { New-RoomProposal -Name 'Refused' -SalesPersonId 77 -Room 'Kitchen', 'Patio' } | Should -Throw -ErrorId 'PortalIo.BadRequest*'

        (Get-PortalSandboxRequest -Method POST -Path '/public/proposals/*/area').Count | Should -Be 1
    }

    It 'starts every test from the fixture alone' {
        (Get-PortalProposal).Id | Sort-Object | Should -Be 2101, 2102
        Get-PortalSandboxRequest -Method POST | Should -BeNullOrEmpty
    }
}

Describe 'New-RoomProposal with mocks (no sandbox needed)' {
    It 'stops at a room whose outcome PortalIo could not settle, and adds nothing more' {
        Mock New-PortalProposal { [PortalIo.Models.Proposal]@{ Id = 9001; Name = $Name; Status = 'Draft' } }
        Mock Add-PortalArea {
            $record = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('No answer, and reading back failed too.'), 'PortalIo.WriteOutcomeUnknown', 'OperationStopped', $ProposalId)
            throw $record
        } -ParameterFilter { $Name -eq 'Kitchen' }
        Mock Add-PortalArea { }
        Mock Get-PortalProposal { [PortalIo.Models.Proposal]@{ Id = 9001; Name = 'Mocked'; Status = 'Draft' } }

        { New-RoomProposal -Name 'Mocked' -SalesPersonId 77 -Room 'Kitchen', 'Patio' } | Should -Throw "*Room 'Kitchen' of proposal 9001 may or may not have been added*"

        Should -Invoke Add-PortalArea -Times 1 -Exactly -ParameterFilter { $Name -eq 'Kitchen' }
        Should -Invoke Add-PortalArea -Times 0 -Exactly -ParameterFilter { $Name -eq 'Patio' }
        Should -Invoke Get-PortalProposal -Times 0 -Exactly
    }
}
