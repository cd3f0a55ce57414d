#requires -Version 7.2
# Invoke-PortalRequest, New-PortalSignature, Test-PortalConnection.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
    $session = Get-PortalSession
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Invoke-PortalRequest' {
    It 'sends a signed GET with a query and writes the parsed answer' {
        $answer = Invoke-PortalRequest -Path /public/proposals -Query @{ PageSize = 2; Statuses = 'Draft', 'Submitted' }

        $answer.proposals.Count | Should -Be 2
        $answer.proposals.status | ForEach-Object { $_ | Should -BeIn @('Draft', 'Submitted') }
        $answer.proposalCount | Should -BeGreaterThan 2
    }

    It 'posts a form' {
        $proposal = New-TestProposal 'Pester raw form'

        $answer = Invoke-PortalRequest -Method POST -Path "/public/proposals/$($proposal.Id)/area" -Form @{ Name = 'Raw & form' }

        (Get-PortalArea -ProposalId $proposal.Id).Name | Should -Be 'Raw & form'
        $answer | Should -Not -BeNullOrEmpty
    }

    It 'posts JSON' {
        $proposal = New-TestProposal 'Pester raw JSON'
        $mark = Get-TestSandboxMark $sandbox

        Invoke-PortalRequest -Method POST -Path "/public/proposals/$($proposal.Id)/contact/$($Seed.SmithContactId)" -Json @{ proposalId = $proposal.Id; contactId = $Seed.SmithContactId } | Out-Null

        $sent = Get-TestSandboxRequest $sandbox -After $mark | Where-Object Method -EQ 'POST'
        $sent.ContentType | Should -Match '^application/json'
        ($sent.Body | ConvertFrom-Json).contactId | Should -Be $Seed.SmithContactId
        (Get-PortalProposal -Id $proposal.Id).Customer.Id | Should -Be $Seed.SmithContactId
    }

    It 'reports an unknown route as PortalIo.NotFound with the path as target' {
        $failure = { Invoke-PortalRequest -Path /public/nothing -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotFound*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject | Should -Be '/public/nothing'
    }

    It 'reports a refused write as PortalIo.Conflict, like the typed cmdlets' {
        { Invoke-PortalRequest -Method POST -Path "/public/proposals/$($Seed.AcceptedProposalId)/area" -Form @{ Name = 'x' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.Conflict*'
    }
}

Describe 'New-PortalSignature' {
    It 'signs like Portal.io documents it, without sending anything' {
        $secretText = 'pester-secret-key'
        $userKeyText = 'pester-user-key'
        $date = 'Mon, 06 Apr 2026 00:22:19 GMT'
        $before = $sandbox.RequestCount

        $signature = New-PortalSignature -Method POST -Uri 'https://api.portal.io/public/proposals/1042/area?ignored=1' -Date $date `
            -ContentType 'application/x-www-form-urlencoded' -SecretKey (ConvertTo-SecureString $secretText -AsPlainText -Force) `
            -UserKey (ConvertTo-SecureString $userKeyText -AsPlainText -Force)

        $message = 'POST' + 'https://api.portal.io/public/proposals/1042/area' + 'application/x-www-form-urlencoded' + $date + $userKeyText
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::ASCII.GetBytes($secretText))
        $signature.Signature | Should -Be ([Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($message))))
        $signature.SignedUrl | Should -Be 'https://api.portal.io/public/proposals/1042/area'
        $signature.CanonicalMessage | Should -Be ($message -replace [regex]::Escape($userKeyText), '<user key>')
        $sandbox.RequestCount | Should -Be $before
    }

    It 'signs with the keys of the session by default, so that another client can send the request' {
        $uri = [uri]::new($sandbox.BaseUri, 'public/users')
        $signature = New-PortalSignature -Uri $uri

        $signature.HasUserKey | Should -BeTrue
        $signature.CanonicalMessage | Should -BeLike "GET$($uri.AbsoluteUri)*<user key>"
        $headers = @{
            'X-MSS-API-APPID'    = $sandbox.ApplicationKey
            'X-MSS-API-USERKEY'  = ConvertFrom-TestSecureString $session.UserKey
            'X-MSS-CUSTOM-DATE'  = $signature.Date
            'X-MSS-SIGNATURE'    = $signature.Signature
        }
        (Invoke-RestMethod -Uri $uri -Headers $headers).users.Count | Should -Be 4
    }

    It 'refuses a relative URL, naming -Uri' {
        $failure = { New-PortalSignature -Uri 'not a uri' -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.Exception.Message | Should -Match '-Uri must be an absolute URL'
    }
}

Describe 'Test-PortalConnection' {
    It 'passes every check against the sandbox' {
        $checks = @(Test-PortalConnection)

        $checks | Should -BeOfType PortalIo.Models.ConnectionCheck
        $checks.Name | Should -Be @('Reachability', 'Clock', 'Signature', 'Subscription', 'Permissions')
        $checks.Status | Sort-Object -Unique | Should -Be 'Passed'
        Test-PortalConnection -Quiet | Should -BeTrue
    }

    It 'says which check fails and how to fix it for a wrong secret key' {
        $wrong = Connect-Portal -BaseUri $sandbox.BaseUri -ApplicationKey $sandbox.ApplicationKey -SecretKey (ConvertTo-SecureString 'wrong' -AsPlainText -Force) `
            -UserKey $session.UserKey -PassThru -MaxRetries 0

        $checks = @(Test-PortalConnection -Session $wrong)

        ($checks | Where-Object Name -EQ 'Signature').Status | Should -Be 'Failed'
        ($checks | Where-Object Name -EQ 'Signature').Fix | Should -Not -BeNullOrEmpty
        Test-PortalConnection -Session $wrong -Quiet | Should -BeFalse
    }
}
