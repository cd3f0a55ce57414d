#requires -Version 7.2
# Connect-Portal, Get-PortalSession, Disconnect-Portal, Get-PortalUser.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-PortalSandbox
    $secretText = ConvertFrom-TestSecureString $sandbox.SecretKey
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Connect-Portal' {
    It 'connects from the sandbox object on the pipeline and makes the session current' {
        $session = $sandbox | Connect-Portal -PassThru

        $session | Should -BeOfType PortalIo.Session.PortalSession
        $session.BaseUri | Should -Be $sandbox.BaseUri
        $session.UserName | Should -Be 'demo@portal.local'
        (Get-PortalSession).BaseUri | Should -Be $sandbox.BaseUri
    }

    It 'connects with explicit keys and a credential, as a runbook does' {
        $session = Connect-Portal -BaseUri $sandbox.BaseUri -ApplicationKey $sandbox.ApplicationKey -SecretKey $sandbox.SecretKey `
            -Credential $sandbox.Credential -TimeoutSec 30 -MaxRetries 2 -PassThru -ErrorAction Stop

        $session.TimeoutSec | Should -Be 30
        $session.MaxRetries | Should -Be 2
        $session.Roles | Should -Contain 'Admin'
    }

    It 'reuses a stored user key without a password exchange' {
        $first = $sandbox | Connect-Portal -PassThru
        $mark = Get-TestSandboxMark $sandbox

        $second = Connect-Portal -BaseUri $sandbox.BaseUri -ApplicationKey $sandbox.ApplicationKey -SecretKey $sandbox.SecretKey -UserKey $first.UserKey -PassThru

        Get-TestSandboxRequest $sandbox -After $mark | Should -BeNullOrEmpty
        (Get-PortalUser -Session $second).Count | Should -Be 4
    }

    It 'refuses a wrong password with PortalIo.Unauthorized and keeps no session' {
        Disconnect-Portal
        $wrong = [pscredential]::new('demo@portal.local', (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))

        $failure = { Connect-Portal -BaseUri $sandbox.BaseUri -ApplicationKey $sandbox.ApplicationKey -SecretKey $sandbox.SecretKey -Credential $wrong -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.Unauthorized*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'user name and password'
        $failure.Exception.Message | Should -Match 'Password=\*\*\*'
        ($failure | Out-String) + (Get-Error -Newest 1 | Out-String) | Should -Not -Match 'not-the-password'
        Get-PortalSession | Should -BeNullOrEmpty
    }

    It 'refuses a wrong secret key with PortalIo.SignatureInvalid and the signing checklist' {
        $wrongSecret = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force

        $failure = { Connect-Portal -BaseUri $sandbox.BaseUri -ApplicationKey $sandbox.ApplicationKey -SecretKey $wrongSecret -Credential $sandbox.Credential -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.SignatureInvalid*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'application key and the secret key'
        $failure.TargetObject | Should -Be $sandbox.BaseUri
    }

    It 'refuses http:// to a host other than loopback, naming -BaseUri' {
        $failure = { Connect-Portal -BaseUri 'http://example.com/' -ApplicationKey $sandbox.ApplicationKey -SecretKey $sandbox.SecretKey -Credential $sandbox.Credential -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match '-BaseUri.*https://'
        "$($failure.TargetObject)" | Should -Be 'http://example.com/'
    }
}

Describe 'Sessions side by side' {
    BeforeAll {
        $otherSandbox = Start-PortalSandbox
        $mine = $sandbox | Connect-Portal -PassThru
        $theirs = $otherSandbox | Connect-Portal -PassThru
    }

    AfterAll {
        $otherSandbox | Stop-PortalSandbox
    }

    It 'sends each call to the account of its -Session' {
        $created = New-PortalProposal -Name 'Only in the other account' -SalesPersonId $Seed.SalesPersonId -Session $theirs

        Get-PortalProposal -SearchText 'Only in the other account' -Session $theirs | ForEach-Object Id | Should -Be $created.Id
        Get-PortalProposal -SearchText 'Only in the other account' -Session $mine | Should -BeNullOrEmpty
    }

    It 'keeps a session in a variable working after Disconnect-Portal' {
        Disconnect-Portal

        (Get-PortalProposal -Id $Seed.DraftProposalId -Session $mine).Name | Should -Be 'Smith Residence AV'
    }

    It 'fails with PortalIo.NotConnected, saying what to do, when there is no session' {
        Disconnect-Portal

        $failure = { Get-PortalUser -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotConnected*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Connect-Portal'
        Get-PortalSession | Should -BeNullOrEmpty
    }
}

Describe 'Get-PortalUser' {
    BeforeAll { $sandbox | Connect-Portal }

    It 'lists the users of the account' {
        $users = Get-PortalUser

        $users.Count | Should -Be 4
        $users | Should -BeOfType PortalIo.Models.User
        ($users | Where-Object Id -EQ 77).Name | Should -Be 'Alex Johnson'
    }

    It 'filters by name with wildcards' {
        $users = @(Get-PortalUser -Name 'Alex*')

        $users.Count | Should -Be 1
        $users[0].Email | Should -Be 'alex.johnson@dealership.com'
    }

    It 'fails with PortalIo.PaymentRequired for an account whose subscription lapsed' {
        $lapsed = Connect-TestSandboxUser $sandbox -User lapsed

        $failure = { Get-PortalUser -Session $lapsed -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.PaymentRequired*' -PassThru

        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }
}

Describe 'What a session shows' {
    BeforeAll { $session = $sandbox | Connect-Portal -PassThru }

    It 'shows its user and no secret in any view, listing or JSON' {
        $userKey = ConvertFrom-TestSecureString $session.UserKey
        $shown = @(
            $session | Out-String -Width 120
            $session | Format-List -Property * | Out-String -Width 250
            $session | Format-Table -Property * | Out-String -Width 400
            $session | ConvertTo-Json -Depth 3
            "$session"
        ) -join "`n"

        $shown | Should -Match 'demo@portal\.local'
        $shown | Should -Not -Match ([regex]::Escape($secretText))
        $shown | Should -Not -Match ([regex]::Escape($userKey))
    }

    It 'keeps working after the caller disposes the SecureStrings it connected with, or the copies it read' {
        $secret = $sandbox.SecretKey.Copy()
        $own = Connect-Portal -BaseUri $sandbox.BaseUri -ApplicationKey $sandbox.ApplicationKey -SecretKey $secret -Credential $sandbox.Credential -PassThru
        $secret.Dispose()
        $own.UserKey.Dispose()
        $own.SecretKey.Dispose()

        (New-PortalSignature -Uri ($sandbox.BaseUri.AbsoluteUri + 'public/users') -Session $own).Signature | Should -Not -BeNullOrEmpty
        (Get-PortalUser -Session $own).Count | Should -Be 4
        ConvertFrom-TestSecureString $own.UserKey | Should -Not -BeNullOrEmpty
    }

    It 'keeps the secret key and the user key out of $Error and the error records of its calls' {
        $userKey = ConvertFrom-TestSecureString $session.UserKey
        $Error.Clear()
        Get-PortalProposal -Id $Seed.OtherDealerProposalId -Session $session -ErrorAction SilentlyContinue
        try { Get-PortalUser -Session ([System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($session))) } catch { }

        $text = ($Error | ForEach-Object { $_ | Format-List * -Force | Out-String -Width 300; $_.Exception | Format-List * -Force | Out-String -Width 300 }) -join "`n"
        $Error.Count | Should -BeGreaterOrEqual 2
        $text | Should -Not -Match ([regex]::Escape($secretText))
        $text | Should -Not -Match ([regex]::Escape($userKey))
    }

    It 'keeps the secret key and the user key out of Export-Clixml' {
        $path = Join-Path $TestDrive 'session.xml'
        $session | Export-Clixml -Path $path
        $saved = Get-Content -Raw -LiteralPath $path

        foreach ($secret in $secretText, (ConvertFrom-TestSecureString $session.UserKey)) {
            $hex = -join ([Text.Encoding]::Unicode.GetBytes($secret) | ForEach-Object { $_.ToString('x2') })
            $saved | Should -Not -Match ([regex]::Escape($secret))
            $saved | Should -Not -Match $hex
        }
    }

    It 'refuses a session read back with Import-Clixml with a PortalIo error that says what to do' {
        $path = Join-Path $TestDrive 'session.xml'
        $session | Export-Clixml -Path $path

        $failure = { Get-PortalUser -Session (Import-Clixml -Path $path) -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.*' -PassThru

        $failure.ErrorDetails.RecommendedAction | Should -Match 'Connect-Portal'
    }
}
