# Webhook subscriptions and verifying deliveries. Runs against a local sandbox:
#   dotnet run --project tools/PortalIo.Run -- examples/Webhooks.ps1

$ErrorActionPreference = 'Stop'
$sandbox = Start-PortalSandbox
try {
    $sandbox | Connect-Portal

    # 1. Subscribe an https endpoint on a public host. The answer carries the subscription's
    #    secret key ONCE: it is in $hook.SecretKey (a SecureString), never printed. Store it now,
    #    e.g. Set-Secret -Name PortalWebhook -SecureStringSecret $hook.SecretKey (SecretManagement).
    $hook = New-PortalWebhook -Url 'https://hooks.example.com/portal' `
        -Event 'proposal.status_changed', 'proposal.build.status_update' -Description 'Example'
    "Created:"
    $hook | Out-Default

    # 2. Events go as repeated keys (Events=a&Events=b) by default; -EventEncoding
    #    CommaSeparated sends the older form (Events=a,b) for environments that want it.
    $staging = New-PortalWebhook -Url 'https://staging.example.com/portal' `
        -Event ProposalOutlineStatusChanged -EventEncoding CommaSeparated -WarningAction SilentlyContinue

    # 3. The URL rule is checked before any request: https, public host.
    New-PortalWebhook -Url 'http://127.0.0.1/hook' -Event proposal.status_changed `
        -ErrorAction SilentlyContinue -ErrorVariable refused
    "Refused: $($refused[0].Exception.Message)"

    # 4. List, change (only the values given), remove (ConfirmImpact High: -Confirm:$false in scripts).
    Get-PortalWebhook | Out-Default
    $staging | Set-PortalWebhook -Enabled $false -Description 'Paused' | Out-Default
    $staging | Remove-PortalWebhook -Confirm:$false

    # 5. In your receiver: verify X-Webhook-Signature against the RAW body (never re-serialized
    #    JSON) with the stored secret. Here a delivery is simulated with the docs' example.
    $secret = [System.Net.NetworkCredential]::new('', 'whsec_example').SecurePassword
    $body = '{"id":"evt_abc123","type":"proposal.status_changed","created":"2026-04-06T00:22:19Z","data":{}}'
    $header = 't=1710000000,v1=19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47'
    $fresh = Test-PortalWebhookSignature -Payload $body -SignatureHeader $header -SecretKey $secret
    "Signature valid with the default 5-minute tolerance: $fresh (the example is from 2024: a replay)"
    $old = Test-PortalWebhookSignature -Payload $body -SignatureHeader $header -SecretKey $secret `
        -Tolerance ([timespan]::FromDays(36500))
    "Signature valid ignoring its age: $old"
    $tampered = Test-PortalWebhookSignature -Payload $body.Replace('abc123', 'abc124') `
        -SignatureHeader $header -SecretKey $secret -Tolerance ([timespan]::FromDays(36500))
    "Tampered body valid: $tampered"

    $hook | Remove-PortalWebhook -Confirm:$false
    Disconnect-Portal
}
finally {
    $sandbox | Stop-PortalSandbox
}
