#requires -Version 7.2
# Get-PortalWebhook, New-PortalWebhook, Set-PortalWebhook, Remove-PortalWebhook, Test-PortalWebhookSignature.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox

    function New-TestWebhook {
        param([string[]] $Event = 'proposal.status_changed')
        New-PortalWebhook -Url "https://hooks.example.com/portal/$([guid]::NewGuid().ToString('N'))" -Event $Event -Description 'Pester' -WarningAction SilentlyContinue -ErrorAction Stop
    }
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'New-PortalWebhook' {
    It 'returns the secret key only as a SecureString and warns to store it' {
        $hook = New-PortalWebhook -Url 'https://hooks.example.com/portal/new' -Event proposal.status_changed, ProposalBuildStatusChanged -Description 'Prod' -WarningVariable warnings -WarningAction SilentlyContinue

        $hook | Should -BeOfType PortalIo.Models.Webhook
        $hook.Events | Should -Be @('proposal.status_changed', 'proposal.build.status_update')
        $hook.SecretKey | Should -BeOfType [securestring]
        ConvertFrom-TestSecureString $hook.SecretKey | Should -BeLike 'whsec_*'
        $warnings -join ' ' | Should -Match 'Store the secret key'
    }

    It 'shows the webhook, and never its secret, in its views and in JSON' {
        $hook = New-TestWebhook
        $secret = ConvertFrom-TestSecureString $hook.SecretKey

        $shown = @(
            $hook | Out-String -Width 120
            $hook | Format-List | Out-String -Width 120
            $hook | Format-List -Property * | Out-String -Width 250
            $hook | ConvertTo-Json
        ) -join "`n"

        $shown | Should -Match ([regex]::Escape($hook.Url))
        $shown | Should -Match 'HasSecretKey\s+: True'
        $shown | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'keeps its secret key out of Export-Clixml, which would write it as plain hex outside Windows' {
        $hook = New-TestWebhook
        $secret = ConvertFrom-TestSecureString $hook.SecretKey
        $path = Join-Path $TestDrive 'webhook.xml'

        $hook | Export-Clixml -Path $path

        $saved = Get-Content -Raw -LiteralPath $path
        $hex = -join ([Text.Encoding]::Unicode.GetBytes($secret) | ForEach-Object { $_.ToString('x2') })
        $saved | Should -Not -Match ([regex]::Escape($secret))
        $saved | Should -Not -Match $hex
        $copy = Import-Clixml -Path $path
        $copy.SubscriptionId | Should -Be $hook.SubscriptionId
        $copy.HasSecretKey | Should -BeTrue
    }

    It 'refuses <Url> (<Reason>) before sending anything' -ForEach @(
        @{ Url = 'http://hooks.example.com/portal'; Reason = 'https' }
        @{ Url = 'https://10.1.2.3/portal'; Reason = 'private' }
        @{ Url = 'https://127.0.0.1/portal'; Reason = 'loopback' }
    ) {
        $before = $sandbox.RequestCount

        $failure = { New-PortalWebhook -Url $Url -Event proposal.status_changed -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.Exception.Message | Should -Match $Reason
        $failure.TargetObject | Should -Be $Url
        $sandbox.RequestCount | Should -Be $before
    }

    It 'reports an unknown event as PortalIo.BadRequest listing the known ones' {
        $failure = { New-PortalWebhook -Url 'https://hooks.example.com/portal/bad' -Event proposal.deleted -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.BadRequest*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'proposal\.build\.status_update'
    }
}

Describe 'Get-PortalWebhook, Set-PortalWebhook and Remove-PortalWebhook' {
    It 'lists the subscriptions without their secrets' {
        $hook = New-TestWebhook

        $listed = Get-PortalWebhook | Where-Object Id -EQ $hook.Id

        $listed.Url | Should -Be $hook.Url
        $listed.HasSecretKey | Should -BeFalse
        (Get-PortalWebhook -Id $hook.Id).Id | Should -Be $hook.Id
    }

    It 'gets the given ids in their order, an unknown one as PortalIo.NotFound in its place, and ids from the pipeline' {
        $a = New-TestWebhook
        $b = New-TestWebhook

        $out = @(Get-PortalWebhook -Id $b.SubscriptionId, 999777, $a.SubscriptionId 2>&1)

        $out.Count | Should -Be 3
        $out[0].SubscriptionId | Should -Be $b.SubscriptionId
        $out[1] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $out[1].FullyQualifiedErrorId | Should -BeLike 'PortalIo.NotFound*'
        $out[1].TargetObject | Should -Be 999777
        $out[2].SubscriptionId | Should -Be $a.SubscriptionId
        ($a.SubscriptionId | Get-PortalWebhook).SubscriptionId | Should -Be $a.SubscriptionId
    }

    It 'changes only the given values, from the pipeline' {
        $hook = New-TestWebhook

        $updated = Get-PortalWebhook -Id $hook.Id | Set-PortalWebhook -Enabled $false -Event proposal.build.status_update

        $updated.Enabled | Should -BeFalse
        $updated.Events | Should -Be @('proposal.build.status_update')
        $updated.Url | Should -Be $hook.Url
        $updated.Description | Should -Be 'Pester'
    }

    It 'removes a subscription from the pipeline' {
        $hook = New-TestWebhook

        Get-PortalWebhook -Id $hook.Id | Remove-PortalWebhook -Confirm:$false

        Get-PortalWebhook | Where-Object Id -EQ $hook.Id | Should -BeNullOrEmpty
    }

    It 'reports an unknown id as PortalIo.BadRequest, as Portal.io answers, pointing to Get-PortalWebhook' {
        $failure = { Remove-PortalWebhook -Id 987654 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.BadRequest*' -PassThru

        $failure.TargetObject | Should -Be 987654
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Get-PortalWebhook'
    }

    It 'never removes a webhook with the id of a proposal piped into it' {
        $mark = Get-TestSandboxMark $sandbox

        Get-PortalProposal -Id $Seed.DraftProposalId | Remove-PortalWebhook -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused

        (Get-TestSandboxRequest $sandbox -After $mark | Where-Object Method -EQ 'DELETE') | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.PipelineInputRefused,*'
        $refused[0].ErrorDetails.Message | Should -Match 'Proposal'
    }

    It 'sends nothing with -WhatIf' {
        $hook = New-TestWebhook
        $before = $sandbox.RequestCount

        New-PortalWebhook -Url 'https://hooks.example.com/portal/whatif' -Event proposal.status_changed -WhatIf
        Set-PortalWebhook -Id $hook.Id -Enabled $false -WhatIf
        Remove-PortalWebhook -Id $hook.Id -WhatIf

        $sandbox.RequestCount | Should -Be $before
        (Get-PortalWebhook -Id $hook.Id).Enabled | Should -BeTrue
    }
}

Describe 'Test-PortalWebhookSignature' {
    BeforeAll {
        $body = '{"id":"evt_abc123","type":"proposal.status_changed","created":"2026-04-06T00:22:19Z","data":{}}'
        $header = 't=1710000000,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47'
        $exampleSecret = ConvertTo-SecureString 'whsec_example' -AsPlainText -Force
    }

    It 'accepts the known answer within the tolerance and refuses it as a replay outside' {
        Test-PortalWebhookSignature -Payload $body -SignatureHeader $header -SecretKey $exampleSecret | Should -BeFalse
        Test-PortalWebhookSignature -Payload $body -SignatureHeader $header -SecretKey $exampleSecret -Tolerance ([timespan]::FromDays(36500)) | Should -BeTrue
    }

    It 'refuses a tampered body' {
        Test-PortalWebhookSignature -Payload $body.Replace('abc123', 'abc124') -SignatureHeader $header -SecretKey $exampleSecret -Tolerance ([timespan]::FromDays(36500)) |
            Should -BeFalse
    }

    It 'reports a malformed header as PortalIo.InvalidArgument' {
        $failure = { Test-PortalWebhookSignature -Payload $body -SignatureHeader 'garbage' -SecretKey $exampleSecret -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.ErrorDetails.RecommendedAction | Should -Match 'X-Webhook-Signature'
    }

    It 'verifies a delivery of the sandbox with the secret from New-PortalWebhook' {
        $publicHost = "receiver-$([guid]::NewGuid().ToString('N').Substring(0, 8)).example.com"
        # The sandbox delivers to itself (no route there), which records the signed attempt.
        $sandbox.RouteWebhookHost($publicHost, [uri]::new($sandbox.BaseUri, 'webhook-receiver'))
        $hook = New-PortalWebhook -Url "https://$publicHost/portal" -Event proposal.status_changed -WarningAction SilentlyContinue
        $proposal = New-TestProposal 'Pester webhook'

        $sandbox.SetProposalStatus($proposal.Id, 'Accepted')
        for ($i = 0; $i -lt 200 -and -not ($delivery = $sandbox.GetServer().WebhookDeliveries | Where-Object SubscriptionId -EQ $hook.Id | Select-Object -First 1); $i++) {
            Start-Sleep -Milliseconds 50
        }

        $delivery | Should -Not -BeNullOrEmpty
        Test-PortalWebhookSignature -Payload $delivery.Body -SignatureHeader $delivery.SignatureHeader -SecretKey $hook.SecretKey | Should -BeTrue
        Test-PortalWebhookSignature -Payload $delivery.Body.Replace('Accepted', 'Declined') -SignatureHeader $delivery.SignatureHeader -SecretKey $hook.SecretKey | Should -BeFalse
    }
}

Describe 'Parameters Set-PortalWebhook cannot use alone' {
    It 'refuses -EventEncoding without -Event and changes nothing' {
        $hook = New-TestWebhook
        $mark = Get-TestSandboxMark $sandbox

        Set-PortalWebhook -Id $hook.Id -Description 'x' -EventEncoding CommaSeparated -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].Exception.ParamName | Should -Be 'EventEncoding'
        Get-TestSandboxRequest $sandbox -After $mark | Should -BeNullOrEmpty
    }
}
