#requires -Version 5.1
# Pester 5 suite: the main PowerShell-level scenarios of tests/PortalIo.Tests/PowerShell, for
# machines that have pwsh (or Windows PowerShell 5.1) and Pester 5. xunit stays the suite of record.
# Run after `dotnet build` with:  ./build.ps1 -Task Pester
#                           or:  Invoke-Pester -Path tests/pester -Output Detailed

BeforeAll {
    $modulePath = Join-Path $PSScriptRoot '../../out/PortalIo/PortalIo.psd1'
    if (-not (Test-Path -LiteralPath $modulePath)) { throw "Build first (dotnet build): $modulePath not found." }
    Import-Module $modulePath -Force -ErrorAction Stop

    $script:sandbox = Start-PortalSandbox
    $script:sandbox | Connect-Portal -ErrorAction Stop

    # Seeded by the sandbox (src/PortalIo.Sandbox/SandboxSeed.cs).
    $script:salesPersonId = 77
    $script:acceptedProposalId = 1043

    function script:New-TestProposal([string] $Prefix) {
        New-PortalProposal -Name ('{0} {1}' -f $Prefix, [guid]::NewGuid().ToString('N')) -SalesPersonId $script:salesPersonId -ErrorAction Stop
    }
}

AfterAll {
    if ($script:sandbox) { $script:sandbox | Stop-PortalSandbox }
    Remove-Module PortalIo -ErrorAction SilentlyContinue
}

Describe 'PortalIo against the local sandbox' {
    Context 'Connecting' {
        It 'connects from the sandbox object on the pipeline' {
            $session = $script:sandbox | Connect-Portal -PassThru
            $session | Should -Not -BeNullOrEmpty
            $session.BaseUri | Should -Be $script:sandbox.BaseUri
            (Get-PortalSession).BaseUri | Should -Be $script:sandbox.BaseUri
        }
    }

    Context 'Listing proposals' {
        It 'returns the window that -Skip and -First select' {
            $all = @(Get-PortalProposal -PageSize 10)
            $window = @(Get-PortalProposal -PageSize 10 -Skip 15 -First 10)
            $window.Count | Should -Be 10
            ($window | ForEach-Object Id) | Should -Be ($all[15..24] | ForEach-Object Id)
        }
    }

    Context 'Pipelines' {
        It 'binds -Id | Get-PortalArea | Add-PortalAreaOption by property name' {
            $proposal = New-TestProposal 'Pester pipeline'
            Add-PortalArea -ProposalId $proposal.Id -Name 'Living Room', 'Office' -ErrorAction Stop | Out-Null
            $options = @(Get-PortalProposal -Id $proposal.Id | Get-PortalArea | Add-PortalAreaOption -ClientDescription 'Premium' -ErrorAction Stop)
            $options.Count | Should -Be 2
            ($options | ForEach-Object AreaName) | Should -Be @('Living Room', 'Office')
            $options | ForEach-Object { $_.ProposalId | Should -Be $proposal.Id; $_.ClientDescription | Should -Be 'Premium' }
        }
    }

    Context 'Errors' {
        It 'reports a duplicate area with its ErrorId, category and target, and goes on with the next name' {
            $proposal = New-TestProposal 'Pester duplicates'
            $areas = @(Add-PortalArea -ProposalId $proposal.Id -Name 'Kitchen', 'kitchen', 'Garage' -ErrorVariable failures -ErrorAction SilentlyContinue)
            ($areas | ForEach-Object Name) | Should -Be @('Kitchen', 'Garage')
            $failures.Count | Should -Be 1
            $record = $failures[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'PortalIo.BadRequest,*'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
            $record.TargetObject.ProposalId | Should -Be $proposal.Id
            $record.TargetObject.Name | Should -Be 'kitchen'
            $record.ErrorDetails.RecommendedAction | Should -Match 'unique'
        }

        It 'answers 409 (PortalIo.Conflict) for a change to an accepted proposal' {
            Add-PortalArea -ProposalId $script:acceptedProposalId -Name 'Patio' -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.Conflict,*'
            $failures[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ResourceUnavailable)
            $failures[0].ErrorDetails.RecommendedAction | Should -Match 'change order'
        }
    }

    Context 'ShouldProcess' {
        It 'sends nothing with -WhatIf' {
            $before = $script:sandbox.RequestCount
            Add-PortalArea -ProposalId 1042 -Name 'WhatIf room' -WhatIf
            New-PortalProposal -Name 'WhatIf' -SalesPersonId $script:salesPersonId -WhatIf
            $script:sandbox.RequestCount | Should -Be $before
        }
    }

    Context 'Disconnecting' {
        It 'forgets the session; API cmdlets then fail with NotConnected' {
            Disconnect-Portal
            Get-PortalSession | Should -BeNullOrEmpty
            { Get-PortalUser -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotConnected*'
        }
    }
}
