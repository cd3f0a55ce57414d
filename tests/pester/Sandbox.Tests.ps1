#requires -Version 7.2
# Start-PortalSandbox, Stop-PortalSandbox, and the sandbox as a test double.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
    $session = Get-PortalSession
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Start-PortalSandbox and Stop-PortalSandbox' {
    It 'starts a sandbox on loopback with the demo account' {
        $sandbox | Should -BeOfType PortalIo.PowerShell.LocalSandbox.PortalSandbox
        $sandbox.IsRunning | Should -BeTrue
        $sandbox.BaseUri.Host | Should -Be '127.0.0.1'
        $sandbox.BaseUri.Port | Should -BeGreaterThan 0
        $sandbox.UserName | Should -Be 'demo@portal.local'
        $sandbox.SecretKey | Should -BeOfType [securestring]
    }

    It 'keeps each sandbox to itself' {
        $other = Start-PortalSandbox
        try {
            $otherSession = $other | Connect-Portal -PassThru
            New-PortalProposal -Name 'Pester only here' -SalesPersonId $Seed.SalesPersonId -Session $otherSession | Out-Null

            Get-PortalProposal -SearchText 'Pester only here' -Session $otherSession | Should -Not -BeNullOrEmpty
            Get-PortalProposal -SearchText 'Pester only here' -Session $session | Should -BeNullOrEmpty
        }
        finally {
            $other | Stop-PortalSandbox
            $sandbox | Connect-Portal
        }
    }

    It 'stops a sandbox: calls to it then fail with PortalIo.NetworkError' {
        $other = Start-PortalSandbox
        $otherSession = $other | Connect-Portal -MaxRetries 0 -PassThru
        $sandbox | Connect-Portal

        $other | Stop-PortalSandbox

        $other.IsRunning | Should -BeFalse
        $failure = { Get-PortalUser -Session $otherSession -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NetworkError*' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    # Pending issue 12: after Stop-PortalSandbox the current session still points at the dead port.
    It 'forgets the current session that points at a stopped sandbox' -Skip:$true {
        $other = Start-PortalSandbox
        $other | Connect-Portal
        try {
            $other | Stop-PortalSandbox

            Get-PortalSession | Should -BeNullOrEmpty
        }
        finally {
            $sandbox | Connect-Portal
        }
    }

    It 'refuses a busy port with PortalIo.SandboxFailed and says what to do' {
        $failure = { Start-PortalSandbox -Port $sandbox.BaseUri.Port -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.SandboxFailed*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure.ErrorDetails.RecommendedAction | Should -Match '-Port 0'
    }

    It 'refuses a negative latency, naming -Latency' {
        $failure = { Start-PortalSandbox -Latency ([timespan]::FromSeconds(-1)) -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.Exception.Message | Should -Match '-Latency'
    }

    # Pending issue 12: a bare number given to -Latency is read as ticks (2000 ticks = 0.2 ms).
    It 'does not read -Latency 2000 as 2000 ticks' -Skip:$true {
        $slow = Start-PortalSandbox -Latency 2000 -ErrorAction SilentlyContinue -ErrorVariable refused
        try {
            if (-not $refused) { $slow.GetServer().Latency | Should -Not -Be ([timespan]::new(2000)) }
        }
        finally {
            if ($slow) { $slow | Stop-PortalSandbox }
        }
    }

    It 'shows no secret when rendered or converted to JSON' {
        $secret = ConvertFrom-TestSecureString $sandbox.SecretKey
        $password = ConvertFrom-TestSecureString $sandbox.Credential.Password

        $shown = @(
            $sandbox | Out-String -Width 120
            $sandbox | Format-List -Property * | Out-String -Width 250
            $sandbox | ConvertTo-Json -Depth 2
        ) -join "`n"

        $shown | Should -Match ([regex]::Escape($sandbox.BaseUri.AbsoluteUri))
        $shown | Should -Not -Match ([regex]::Escape($secret))
        $shown | Should -Not -Match ([regex]::Escape($password))
    }
}

Describe 'Faults and client decisions' {
    It 'answers every request with a server fault at -FaultRate 1: PortalIo.ServerError after the retries' {
        $faulty = Start-PortalSandbox -FaultRate 1
        try {
            $failure = { $faulty | Connect-Portal -MaxRetries 0 -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.ServerError*' -PassThru

            $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
            $failure.ErrorDetails.RecommendedAction | Should -Match 'server error'
        }
        finally {
            $faulty | Stop-PortalSandbox
        }
    }

    It 'imitates the client accepting a proposal: changes then answer PortalIo.Conflict' {
        $proposal = New-TestProposal 'Pester accepted'

        $sandbox.SetProposalStatus($proposal.Id, 'Accepted')

        (Get-PortalProposal -Id $proposal.Id).Status | Should -Be 'Accepted'
        { Add-PortalArea -ProposalId $proposal.Id -Name 'Late' -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.Conflict*'
    }

    It 'adds a line item to an option, which the public API cannot' {
        $proposal = New-TestProposal 'Pester line item'
        $option = Add-PortalArea -ProposalId $proposal.Id -Name 'Den' | Get-PortalAreaOption

        $sandbox.AddLineItem($proposal.Id, $option.Id, $Seed.CatalogItemId, 2)

        $item = (Get-PortalAreaOption -ProposalId $proposal.Id).Items
        $item.ReferencedItemId | Should -Be $Seed.CatalogItemId
        $item.Quantity | Should -Be 2
        (Get-PortalProposal -Id $proposal.Id).Total | Should -BeGreaterThan 0
    }

    It 'counts the requests it served, so a test can prove that -WhatIf sent nothing' {
        $before = $sandbox.RequestCount

        Get-PortalUser | Out-Null
        Add-PortalArea -ProposalId $Seed.DraftProposalId -Name 'Never sent' -WhatIf

        $sandbox.RequestCount | Should -Be ($before + 1)
    }
}

Describe 'The sandbox as a test double' {
    # Pending issue 15: Get-PortalSandboxRequest does not exist yet.
    It 'tells what a script sent, with the body parsed' -Skip:$true {
        $proposal = New-TestProposal 'Pester journal'
        Clear-PortalSandboxRequest

        Add-PortalArea -ProposalId $proposal.Id -Name 'Kitchen', 'Patio'

        $sent = @(Get-PortalSandboxRequest -Method POST -Path '/public/proposals/*/area')
        $sent.Count | Should -Be 2
        $sent.Body.Name | Should -Be @('Kitchen', 'Patio')
    }

    # Pending issue 15: Set-PortalSandboxFault does not exist yet.
    It 'fails one route in a chosen way' -Skip:$true {
        $proposal = New-TestProposal 'Pester fault'
        Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode FailWithStatus -Status 500 -Count 1

        { Add-PortalArea -ProposalId $proposal.Id -Name 'Kitchen' -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.ServerError*'
        Get-PortalArea -ProposalId $proposal.Id | Should -BeNullOrEmpty
        Clear-PortalSandboxFault
    }

    # Pending issue 15: Reset-PortalSandbox does not exist yet.
    It 'returns to its seeded state' -Skip:$true {
        New-TestProposal 'Pester reset' | Out-Null

        Reset-PortalSandbox

        Get-PortalProposal -SearchText 'Pester reset' | Should -BeNullOrEmpty
        (Get-PortalProposal -Id $Seed.DraftProposalId).Name | Should -Be 'Smith Residence AV'
    }
}
