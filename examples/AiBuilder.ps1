# The AI Builder: upload source content to a Draft proposal, generate an outline, build the
# proposal from it. Runs against a local sandbox (its AI steps take a few seconds):
#   dotnet run --project tools/PortalIo.Run -- examples/AiBuilder.ps1

$ErrorActionPreference = 'Stop'
$sandbox = Start-PortalSandbox
$notes = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'portalio-discovery-call.txt')
try {
    $sandbox | Connect-Portal

    # 1. A Draft proposal (AI content can be added or removed only while it is Draft).
    $proposal = Get-PortalUser -Name 'Alex*' | New-PortalProposal -Name 'AI Builder example'
    "Proposal $($proposal.Id) is $($proposal.Status)."

    # 2. Upload a source file (multipart/form-data; the name defaults to the file name).
    [System.IO.File]::WriteAllText($notes,
        'Discovery call: the client wants a Home Theater with a 4K projector and a Living Room ' +
        'with in-ceiling speakers, plus a Home Office with reliable Wi-Fi.')
    $proposal | Add-PortalAiContent -Path $notes -Name 'Discovery call' | Out-Default

    # 3. Wait until the content is transcribed (an outline needs transcribed content).
    do {
        [System.Threading.Thread]::Sleep(1000)
        $content = Get-PortalAiContent -ProposalId $proposal.Id
    } until (@($content | Where-Object { $_.Status -ne 'Transcribed' }).Count -eq 0)
    $content | Out-Default

    # 4. Outline, then build. -Wait polls (with a progress bar) and ends with a PortalIo.Timeout
    #    error after -TimeoutSec; Ctrl+C stops waiting at once. The build's completion signal is
    #    the proposal itself changing (the API has no build-status route); the
    #    proposal.build.status_update webhook is the push alternative.
    $outline = $proposal | Start-PortalAiOutline -Wait -TimeoutSec 120
    "Outline ($($outline.Status)):"
    $outline.Outline
    $built = $outline | Start-PortalAiBuild -Wait -TimeoutSec 120
    "`nAreas after the build:"
    $built | Get-PortalArea | Out-Default

    # 5. Some doc versions give the content and outline routes under /public/api/proposals/...;
    #    if your environment uses that prefix, call it through the same signed path:
    $raw = Invoke-PortalRequest -Path "/public/api/proposals/$($proposal.Id)/ai/outline"
    "Via /public/api: outline status $($raw.status)."

    # 6. Clean up the content (ConfirmImpact High: -Confirm:$false in scripts).
    Get-PortalAiContent -ProposalId $proposal.Id | Remove-PortalAiContent -Confirm:$false
    Disconnect-Portal
}
finally {
    if ([System.IO.File]::Exists($notes)) { [System.IO.File]::Delete($notes) }
    $sandbox | Stop-PortalSandbox
}
