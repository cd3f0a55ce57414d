# PortalIo quickstart: runs end to end against a local sandbox, so it needs no Portal.io
# account and no network. Run it with:
#   dotnet run --project tools/PortalIo.Run -- examples/Quickstart.ps1
# (the pinned pwsh, with the staged module imported) or, in your own pwsh after `dotnet build`:
#   Import-Module ./out/PortalIo/PortalIo.psd1; ./examples/Quickstart.ps1

$ErrorActionPreference = 'Stop'

# 1. A local Portal.io: same routes, same signature check, seeded demo data.
$sandbox = Start-PortalSandbox
try {
    # 2. Connect. The sandbox object carries BaseUri, ApplicationKey, SecretKey and Credential,
    #    which bind to Connect-Portal by property name. Against Portal.io itself:
    #    Connect-Portal -Environment Sandbox -ApplicationKey $appKey -SecretKey $secret -Credential (Get-Credential)
    $session = $sandbox | Connect-Portal -PassThru
    "Connected to $($session.BaseUri) as $($session.DisplayName)."

    # 3. List proposals: a table, streamed page by page.
    "`nThe five most recently modified draft proposals:"
    Get-PortalProposal -Status Draft -SortBy ModifiedDate -Descending -First 5 | Out-Default

    # 4. Create a proposal for a salesperson, add an area and a second option to it.
    $salesPerson = Get-PortalUser -Name 'Alex*'
    $proposal = $salesPerson | New-PortalProposal -Name 'Quickstart Residence'
    "Created proposal #$($proposal.Number) (id $($proposal.Id)) for $($salesPerson.Name)."
    $area = Add-PortalArea -ProposalId $proposal.Id -Name 'Living Room'
    $area | Add-PortalAreaOption -ClientDescription 'Premium' -InternalNotes 'Use the in-wall speakers' | Out-Null
    "`nAreas and options of the new proposal:"
    Get-PortalProposal -Id $proposal.Id | Get-PortalArea | Out-Default
    Get-PortalProposal -Id $proposal.Id | Get-PortalArea | ForEach-Object { $_.Options } | Out-Default

    # 5. Area names are unique within a proposal: the API answers 400, and the error record
    #    says what went wrong and what to do.
    try {
        Add-PortalArea -ProposalId $proposal.Id -Name 'Living Room'
    }
    catch {
        "Caught $($_.FullyQualifiedErrorId) ($($_.CategoryInfo.Category)):"
        "  $($_.ErrorDetails.Message)"
        "  What to do: $($_.ErrorDetails.RecommendedAction)"
    }

    # 6. Done.
    Disconnect-Portal
    "`nDisconnected."
}
finally {
    $sandbox | Stop-PortalSandbox
}
