#requires -Version 7.2
# One session used from ForEach-Object -Parallel runspaces and thread jobs, as README recommends:
# -Session $using:s. (The current session belongs to one runspace.)

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
    $s = Get-PortalSession
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'ForEach-Object -Parallel' {
    It 'reads proposals in parallel with -Session $using:s' {
        $ids = 1042..1049

        $proposals = $ids | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:PortalIoModule
            Get-PortalProposal -Id $_ -Session $using:s
        }

        $proposals | Should -BeOfType PortalIo.Models.Proposal
        $proposals.Id | Sort-Object | Should -Be $ids
    }

    It 'adds areas in parallel, each exactly once' {
        $proposal = New-TestProposal 'Pester parallel'
        $names = 1..8 | ForEach-Object { "Room $_" }
        $mark = Get-TestSandboxMark $sandbox

        $areas = $names | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:PortalIoModule
            Add-PortalArea -ProposalId ($using:proposal).Id -Name $_ -Session $using:s
        }

        $areas.Name | Sort-Object | Should -Be ($names | Sort-Object)
        (Get-PortalArea -ProposalId $proposal.Id).Name | Sort-Object | Should -Be ($names | Sort-Object)
        @(Get-TestSandboxRequest $sandbox -After $mark | Where-Object Method -EQ 'POST').Count | Should -Be 8
    }

    It 'brings the error records of the parallel runspaces back with their ErrorId' {
        $found = @($Seed.DraftProposalId, $Seed.OtherDealerProposalId | ForEach-Object -Parallel {
                Import-Module $using:PortalIoModule
                Get-PortalProposal -Id $_ -Session $using:s
            } -ErrorVariable failures 2>$null)

        $found.Id | Should -Be @($Seed.DraftProposalId)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.NotFound,*'
        $failures[0].TargetObject | Should -Be $Seed.OtherDealerProposalId
    }

    It 'has no current session in a parallel runspace, and says to pass it with $using:' {
        $failure = 1 | ForEach-Object -Parallel {
            Import-Module $using:PortalIoModule
            try { Get-PortalUser -ErrorAction Stop } catch { $_ }
        }

        $failure.FullyQualifiedErrorId | Should -BeLike 'PortalIo.NotConnected*'
        $failure.ErrorDetails.RecommendedAction | Should -Match '-Session \$using:session'
    }

    It 'leaves the current session of the caller alone when a parallel runspace connects' {
        1 | ForEach-Object -Parallel {
            Import-Module $using:PortalIoModule
            $using:sandbox | Connect-Portal -TimeoutSec 7
        }

        (Get-PortalSession).TimeoutSec | Should -Be $s.TimeoutSec
        [object]::ReferenceEquals((Get-PortalSession), $s) | Should -BeTrue
    }
}

Describe 'Start-ThreadJob' {
    It 'runs a job with -Session $using:s' {
        $users = Start-ThreadJob {
            Import-Module $using:PortalIoModule
            Get-PortalUser -Session $using:s
        } | Receive-Job -Wait -AutoRemoveJob

        $users.Count | Should -Be 4
        $users | Should -BeOfType PortalIo.Models.User
    }

    It 'runs several jobs on one session, each writing its own proposal' {
        $jobs = 1..3 | ForEach-Object {
            Start-ThreadJob -ArgumentList $_ {
                param($number)
                Import-Module $using:PortalIoModule
                New-PortalProposal -Name "Pester thread job $number" -SalesPersonId 77 -Session $using:s
            }
        }

        $proposals = $jobs | Receive-Job -Wait -AutoRemoveJob

        ($proposals.Id | Sort-Object -Unique).Count | Should -Be 3
        $proposals.Name | Sort-Object | Should -Be @('Pester thread job 1', 'Pester thread job 2', 'Pester thread job 3')
    }

    It 'gives the error records of a job back with their ErrorId and target' {
        Start-ThreadJob {
            Import-Module $using:PortalIoModule
            Add-PortalArea -ProposalId 1043 -Name 'Patio' -Session $using:s
        } | Receive-Job -Wait -AutoRemoveJob -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.Conflict,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'change order'
    }
}

Describe 'Start-Job (another process)' {
    It 'ships no secret to the job' {
        $shipped = Start-Job { [System.Management.Automation.PSSerializer]::Serialize($using:s) } | Receive-Job -Wait -AutoRemoveJob

        foreach ($secret in (ConvertFrom-TestSecureString $sandbox.SecretKey), (ConvertFrom-TestSecureString $s.UserKey)) {
            $hex = -join ([Text.Encoding]::Unicode.GetBytes($secret) | ForEach-Object { $_.ToString('x2') })
            $shipped | Should -Not -Match ([regex]::Escape($secret))
            $shipped | Should -Not -Match $hex
        }
    }

    It 'refuses the deserialized session with a PortalIo error that says to connect inside the job' {
        Start-Job {
            Import-Module $using:PortalIoModule
            Get-PortalUser -Session $using:s
        } | Receive-Job -Wait -AutoRemoveJob -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-Portal'
    }
}

Describe 'A session a job writes' {
    It 'comes back from Receive-Job without its keys' {
        $secretText = ConvertFrom-TestSecureString $sandbox.SecretKey
        $userKeyText = ConvertFrom-TestSecureString $s.UserKey

        $back = Start-Job {
            Import-Module $using:PortalIoModule
            Connect-Portal -BaseUri $using:sandbox.BaseUri -ApplicationKey $using:sandbox.ApplicationKey `
                -SecretKey (ConvertTo-SecureString $using:secretText -AsPlainText -Force) `
                -UserKey (ConvertTo-SecureString $using:userKeyText -AsPlainText -Force) -PassThru
        } | Receive-Job -Wait -AutoRemoveJob

        $back.PSObject.TypeNames[0] | Should -Be 'Deserialized.PortalIo.Session.PortalSession'
        $back.PSObject.Properties.Name | Should -Not -Contain 'SecretKey'
        $back.PSObject.Properties.Name | Should -Not -Contain 'UserKey'
        $back.BaseUri | Should -Be $sandbox.BaseUri.AbsoluteUri
        $saved = [System.Management.Automation.PSSerializer]::Serialize($back)
        foreach ($secret in $secretText, $userKeyText) {
            $hex = -join ([Text.Encoding]::Unicode.GetBytes($secret) | ForEach-Object { $_.ToString('x2') })
            $saved | Should -Not -Match ([regex]::Escape($secret))
            $saved | Should -Not -Match $hex
        }
    }
}
