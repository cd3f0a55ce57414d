#requires -Version 5.1
# What a script author needs to test a script that calls PortalIo without any server: output objects
# built from hashtables, a fake session, and mocked cmdlets (about_PortalIo, "Testing scripts with mocks").

BeforeAll {
    $modulePath = if ($env:PORTALIO_MODULE) { $env:PORTALIO_MODULE } else { Join-Path $PSScriptRoot '../../out/PortalIo/PortalIo.psd1' }
    Import-Module $modulePath -Force -ErrorAction Stop

    # The script under test: it takes a session, as runbooks that handle several accounts do.
    function script:Get-DraftName([PortalIo.Session.PortalSession] $Session) {
        Get-PortalProposal -Status Draft -Session $Session | ForEach-Object Name
    }
}

AfterAll {
    Remove-Module PortalIo -ErrorAction SilentlyContinue
}

Describe 'Fakes for scripts that use PortalIo' {
    It 'builds output objects from hashtables, with their computed properties and views' {
        $proposal = [PortalIo.Models.Proposal]@{ Id = 1042; Name = 'Smith Residence'; Status = 'Draft' }
        $proposal.ProposalId | Should -Be 1042
        ($proposal | Out-String) | Should -Match 'Smith Residence'
        $area = [PortalIo.Models.Area]@{ Id = 5001; Name = 'Kitchen'; ProposalId = 1042 }
        $area.AreaId | Should -Be 5001
    }

    It 'mocks a cmdlet called with a fake session' {
        $session = New-MockObject -Type ([PortalIo.Session.PortalSession]) -Properties @{ BaseUri = [uri] 'https://api.portal.io/' }
        Mock Get-PortalProposal { [PortalIo.Models.Proposal]@{ Id = 1; Name = 'Fake draft'; Status = 'Draft' } }

        Get-DraftName -Session $session | Should -Be 'Fake draft'

        Should -Invoke Get-PortalProposal -Times 1 -Exactly -ParameterFilter { $Session -eq $session -and $Status -contains 'Draft' }
    }

    It 'binds fake objects along a mocked pipeline by property name' {
        Mock Add-PortalAreaOption { [PortalIo.Models.AreaOption]@{ Id = 9; ProposalId = $ProposalId; AreaId = $AreaId; ClientDescription = $ClientDescription } }

        $option = [PortalIo.Models.Area]@{ Id = 5001; ProposalId = 1042 } | Add-PortalAreaOption -ClientDescription 'Premium'

        $option.ProposalId | Should -Be 1042
        $option.AreaId | Should -Be 5001
    }
}
