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

    It 'says at once that a session points at a stopped sandbox, and what to do' {
        $other = Start-PortalSandbox
        $otherSession = $other | Connect-Portal -PassThru
        $sandbox | Connect-Portal
        $other | Stop-PortalSandbox

        $failure = { Get-PortalUser -Session $otherSession -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NetworkError*' -PassThru

        $failure.Exception.Message | Should -Match 'sandbox .* was stopped'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Start-PortalSandbox'
        $failure.ErrorDetails.RecommendedAction | Should -Not -Match 'proxy'
    }

    It 'forgets the current session that points at a stopped sandbox' {
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

    It 'reads -Latency 2000 as 2000 milliseconds, not as ticks' {
        $slow = Start-PortalSandbox -Latency 2000
        try {
            $slow.Latency | Should -Be ([timespan]::FromSeconds(2))
        }
        finally {
            $slow | Stop-PortalSandbox
        }
    }

    It 'shows how it was started in its list view, and each request''s concurrency in the journal''s' {
        $limited = Start-PortalSandbox -RateLimit 20 -Latency 30
        try {
            $view = $limited | Format-List | Out-String -Width 80
            $view | Should -Match 'StartKind\s*:\s*Seed'
            $view | Should -Match 'Latency\s*:\s*00:00:00\.03'
            $view | Should -Match 'RateLimit\s*:\s*20'
            $limitedSession = $limited | Connect-Portal -PassThru
            $null = Get-PortalProposal -Id 1042 -Session $limitedSession
            $journal = Get-PortalSandboxRequest -Sandbox $limited -Last 1 | Format-List | Out-String -Width 80
            $journal | Should -Match 'RateLimited\s*:\s*False'
            $journal | Should -Match 'InFlightOnArrival\s*:\s*\d+'
        }
        finally {
            $limited | Stop-PortalSandbox
            # The file's own sandbox is this runspace's current session again.
            $sandbox | Connect-Portal
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

    It 'keeps its secret key and demo password out of Export-Clixml' {
        $path = Join-Path $TestDrive 'sandbox.xml'
        $sandbox | Export-Clixml -Path $path
        $saved = Get-Content -Raw -LiteralPath $path

        foreach ($secret in (ConvertFrom-TestSecureString $sandbox.SecretKey), (ConvertFrom-TestSecureString $sandbox.Credential.Password)) {
            $hex = -join ([Text.Encoding]::Unicode.GetBytes($secret) | ForEach-Object { $_.ToString('x2') })
            $saved | Should -Not -Match ([regex]::Escape($secret))
            $saved | Should -Not -Match $hex
        }
        (Import-Clixml -Path $path).BaseUri | Should -Be $sandbox.BaseUri.AbsoluteUri
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
    It 'tells what a script sent, with the body parsed' {
        $proposal = New-TestProposal 'Pester journal'
        Clear-PortalSandboxRequest

        Add-PortalArea -ProposalId $proposal.Id -Name 'Kitchen', 'Patio'

        $sent = @(Get-PortalSandboxRequest -Method POST -Path '/public/proposals/*/area')
        $sent.Count | Should -Be 2
        $sent.Body.Name | Should -Be @('Kitchen', 'Patio')
        $sent.StatusCode | Should -Be @(201, 201)
        $sent[0].Path | Should -Be "/public/proposals/$($proposal.Id)/area"
    }

    It 'keeps the query as a hashtable and never the password' {
        $other = Start-PortalSandbox
        try {
            $other | Connect-Portal -PassThru | Out-Null
            $exchange = Get-PortalSandboxRequest -Sandbox $other -Path '/authenticate/*'

            $exchange.Query | Should -BeOfType [hashtable]
            $exchange.Query.Password | Should -Be '***'
            $exchange.Query.UserName | Should -Be 'demo@portal.local'
        }
        finally {
            $other | Stop-PortalSandbox
            $sandbox | Connect-Portal
        }
    }

    It 'shows the last requests as a table that fits 80 columns' {
        Get-PortalUser | Out-Null

        $lines = Get-PortalSandboxRequest -Last 3 | Out-String -Width 80 -Stream | Where-Object { $_ }

        $lines[0] | Should -Match '^\s*Seq Method Status Fault\s+Path\s*$'
        $lines[-1] | Should -Match 'GET\s+200\s+/public/users'
    }

    It 'fails one route in a chosen way' {
        $proposal = New-TestProposal 'Pester fault'
        Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode FailWithStatus -Status 400 -Count 1

        { Add-PortalArea -ProposalId $proposal.Id -Name 'Kitchen' -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.BadRequest*'
        Get-PortalArea -ProposalId $proposal.Id | Should -BeNullOrEmpty
        Get-PortalSandboxFault | Should -BeNullOrEmpty
    }

    It 'applies a write and then loses its answer, and the journal says so' {
        $proposal = New-TestProposal 'Pester lost answer'
        $fault = Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode ApplyThenReset -PassThru

        # Add-PortalArea settles the lost answer itself: it reads the proposal back and finds the area.
        $area = Add-PortalArea -ProposalId $proposal.Id -Name 'Den' -ErrorAction Stop

        $fault.Mode | Should -Be 'ApplyThenReset'
        $area.Name | Should -Be 'Den'
        (Get-PortalArea -ProposalId $proposal.Id).Name | Should -Be 'Den'
        $struck = Get-PortalSandboxRequest -Method POST -Last 1
        $struck.Fault | Should -Be 'ApplyThenReset'
        $struck.Processed | Should -BeTrue
        $struck.Outcome | Should -Be 'ConnectionReset'
        Get-PortalSandboxRequest -Method GET -Path "/public/proposals/$($proposal.Id)" | Should -Not -BeNullOrEmpty
    }

    It 'lists the faults waiting to strike and clears them' {
        Set-PortalSandboxFault -Path '/public/users' -Mode Reset -Count 2
        Set-PortalSandboxFault -Method GET -Path '/public/proposals/*' -Mode Stall

        $faults = @(Get-PortalSandboxFault)
        Clear-PortalSandboxFault

        $faults.Mode | Should -Be @('Reset', 'Stall')
        $faults[0].Remaining | Should -Be 2
        Get-PortalSandboxFault | Should -BeNullOrEmpty
    }

    It 'refuses a status the fault mode does not send, naming -Status' {
        $failure = { Set-PortalSandboxFault -Path '/public/users' -Mode Reset -Status 503 -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.Exception.ParamName | Should -Be 'Status'
        Get-PortalSandboxFault | Should -BeNullOrEmpty
    }

    It 'returns to its seeded state' {
        New-TestProposal 'Pester reset' | Out-Null

        Reset-PortalSandbox

        Get-PortalProposal -SearchText 'Pester reset' | Should -BeNullOrEmpty
        (Get-PortalProposal -Id $Seed.DraftProposalId).Name | Should -Be 'Smith Residence AV'
        (Get-PortalSandboxRequest).Path | Should -Be @('/public/proposals', '/public/proposals/1042')
    }

    It 'exports its data as a fixture that starts the same data, as JSON or as a .psd1 file' {
        $proposal = New-TestProposal 'Pester exported'
        Add-PortalArea -ProposalId $proposal.Id -Name 'Den' | Out-Null
        $fixture = Join-Path $TestDrive 'exported.json'

        Export-PortalSandboxData -Path $fixture
        $fromJson = Start-PortalSandbox -Data $fixture
        $psd1 = Join-Path $TestDrive 'shop.psd1'
        Set-Content -LiteralPath $psd1 -Value "@{ proposals = @( @{ id = 7; name = 'From psd1'; areas = @( @{ id = 8; name = 'Den'; options = @( @{ id = 9 } ) } ) } ) }"
        $fromPsd1 = Start-PortalSandbox -Data $psd1
        try {
            $fromJson.StartKind | Should -Be 'Data'
            (Get-PortalArea -ProposalId $proposal.Id -Session ($fromJson | Connect-Portal -PassThru)).Name | Should -Be 'Den'
            (Get-PortalProposal -Id 7 -Session ($fromPsd1 | Connect-Portal -PassThru)).Name | Should -Be 'From psd1'
        }
        finally {
            $fromJson, $fromPsd1 | Stop-PortalSandbox
            $sandbox | Connect-Portal
        }
    }

    It 'starts empty: the demo users and nothing else' {
        $empty = Start-PortalSandbox -Empty
        try {
            $session = $empty | Connect-Portal -PassThru
            Get-PortalProposal -Session $session | Should -BeNullOrEmpty
            Get-PortalUser -Session $session | Should -Not -BeNullOrEmpty
        }
        finally {
            $empty | Stop-PortalSandbox
            $sandbox | Connect-Portal
        }
    }

    It 'refuses a fixture that breaks a rule, naming the place' {
        $fixture = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $fixture -Value '{ "proposals": [ { "id": 1, "status": "Sold" } ] }'

        $failure = { Start-PortalSandbox -Data $fixture -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.ErrorDetails.Message | Should -Match 'proposals\[0\]\.status'
    }

    It 'changes what the public API cannot: a client decision, a line item, a contact edit' {
        $proposal = New-TestProposal 'Pester back doors'
        $option = Add-PortalArea -ProposalId $proposal.Id -Name 'Den' | Get-PortalAreaOption

        $option | Add-PortalSandboxLineItem -CatalogItemId $Seed.CatalogItemId -Quantity 2
        $proposal | Set-PortalSandboxProposalStatus -Status Accepted
        Set-PortalSandboxContact -ContactId $Seed.SmithContactId -Notes 'Changed in the app'

        (Get-PortalAreaOption -ProposalId $proposal.Id).Items.Quantity | Should -Be 2
        (Get-PortalProposal -Id $proposal.Id).Status | Should -Be 'Accepted'
        (Get-PortalContact -Id $Seed.SmithContactId).Notes | Should -Be 'Changed in the app'
        { Add-PortalArea -ProposalId $proposal.Id -Name 'Late' -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.Conflict*'
    }

    It 'delivers a webhook to a local listener through a route, and shows the attempt' {
        $probe = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $probe.Start()
        $port = $probe.LocalEndpoint.Port
        $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        try {
            $hook = New-PortalWebhook -Url 'https://pester-hooks.example.com/portal' -Event proposal.status_changed -WarningAction SilentlyContinue
            Add-PortalSandboxWebhookRoute -HostName pester-hooks.example.com -Target "http://127.0.0.1:$port/"
            $received = $listener.GetContextAsync()

            Set-PortalSandboxProposalStatus -ProposalId (New-TestProposal 'Pester hook').Id -Status Declined
            $received.Wait(10000) | Should -BeTrue
            $received.Result.Request.Url.AbsolutePath | Should -Be '/portal'
            $received.Result.Response.StatusCode = 204
            $received.Result.Response.Close()

            $delivery = Get-PortalSandboxWebhookDelivery -SubscriptionId $hook.SubscriptionId -Wait
            $delivery.Succeeded | Should -BeTrue
            $delivery.Attempts.StatusCode | Should -Be 204
            ($delivery.Body | ConvertFrom-Json).data.status | Should -Be 'Declined'
        }
        finally {
            $listener.Close()
            Remove-PortalSandboxWebhookRoute -HostName pester-hooks.example.com -ErrorAction SilentlyContinue
            if ($hook) { Remove-PortalWebhook -Id $hook.SubscriptionId -Confirm:$false }
        }
    }

    It 'says clearly when no sandbox runs in the runspace' {
        $fresh = [powershell]::Create()
        try {
            $null = $fresh.AddScript("Import-Module '$PortalIoModule'; Get-PortalSandboxRequest").Invoke()

            $fresh.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.NoSandbox*'
            $fresh.Streams.Error[0].ErrorDetails.RecommendedAction | Should -Match 'Start-PortalSandbox'
        }
        finally {
            $fresh.Dispose()
        }
    }
}
