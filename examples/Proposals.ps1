# PortalIo proposals: build a proposal end to end against a local sandbox (no Portal.io account,
# no network): name and texts, areas and options, the customer and the location that drives the
# tax, and the change orders of an accepted proposal. Run it with:
#   dotnet tools/PortalIo.Shell/bin/Debug/net10.0/PortalIo.Shell.dll examples/Proposals.ps1
# or, where pwsh is installed, after `dotnet build`:
#   pwsh -c "Import-Module ./out/PortalIo/PortalIo.psd1; ./examples/Proposals.ps1"

$ErrorActionPreference = 'Stop'

$sandbox = Start-PortalSandbox
try {
    $sandbox | Connect-Portal

    # 1. Create a Draft proposal for a salesperson, then name it and set its two texts: the
    #    description the client sees and the notes only the team sees (one request per route).
    $salesPerson = Get-PortalUser -Name 'Alex*'
    $proposal = $salesPerson | New-PortalProposal -Name 'Rossi Residence'
    $proposal = Set-PortalProposal -Id $proposal.Id -Name 'Rossi Residence AV' `
        -Description 'Whole-home audio and a living-room theater.' `
        -InternalNotes 'Gate code 4411. Check panel capacity before install.' -PassThru
    "Proposal #$($proposal.Number) (id $($proposal.Id)) '$($proposal.Name)', $($proposal.Status), owned by $($proposal.SalesPerson)."
    "  Client sees: $($proposal.ProjectDescription)"

    # 2. Areas and options. Every new area comes with one Draft option; add a second one to the
    #    living room, then describe the options for the client and for the installers.
    $livingRoom, $patio = Add-PortalArea -ProposalId $proposal.Id -Name 'Living Room', 'Patio'
    $premium = $livingRoom | Add-PortalAreaOption -ClientDescription 'Premium: 4K projector'
    Set-PortalAreaOption -ProposalId $proposal.Id -OptionId $livingRoom.Options[0].Id `
        -ClientDescription 'Standard: 75" display' -InstallerNotes 'Use 18-gauge wire on all runs.' | Out-Null
    Get-PortalAreaOption -ProposalId $proposal.Id -AreaId $patio.Id |
        Set-PortalAreaOption -ClientDescription 'Outdoor speakers' | Out-Null
    $premium | Set-PortalAreaOption -InstallerNotes 'Check the ceiling height for the projector mount.' | Out-Null
    "`nOptions of the proposal:"
    Get-PortalAreaOption -ProposalId $proposal.Id | Out-Default

    # 3. Line items have no public route (Portal.io adds them in its app). The sandbox can add one,
    #    so that the proposal has a taxable part: a Denon AVR-X3800H receiver (catalog item 8821).
    $standard = Get-PortalAreaOption -ProposalId $proposal.Id -AreaId $livingRoom.Id -OptionId $livingRoom.Options[0].Id
    $sandbox.AddLineItem($proposal.Id, $standard.Id, 8821, 1)
    $standard = Get-PortalAreaOption -ProposalId $proposal.Id -OptionId $standard.Id
    foreach ($item in $standard.Items) { "Line item in '$($standard.ClientDescription)': $($item.Quantity) x $($item.Name) at $($item.SellPrice)" }

    # 4. The customer and the location. Tax is zero until a location is assigned. Sofia Rossi
    #    (contact 96) has two locations and neither is primary, so assigning her assigns no
    #    location; assigning one of her locations then calculates the tax.
    $before = Get-PortalProposal -Id $proposal.Id
    "`nBefore any customer:     subtotal $($before.FinancialSummary.ProposalSubtotal), tax $($before.FinancialSummary.SalesTax), total $($before.Total) $($before.CurrencyCode)"
    $withContact = Get-PortalContact -Id 96 | Set-PortalProposalContact -ProposalId $proposal.Id -PassThru
    "Customer $($withContact.Customer):    tax $($withContact.FinancialSummary.SalesTax), total $($withContact.Total)"
    "Locations of $($withContact.Customer):"
    Get-PortalContactLocation -ContactId 96 | Out-Default
    $site = Get-PortalContactLocation -ContactId 96 | Where-Object { -not $_.IsBilling }
    $withLocation = $site | Set-PortalProposalLocation -ProposalId $proposal.Id -PassThru
    "Location $($site.Address): tax $($withLocation.FinancialSummary.SalesTax), total $($withLocation.Total)"

    #    Jane Smith (contact 88) has exactly one primary location: Portal.io assigns it with her.
    $withJane = Set-PortalProposalContact -ProposalId $proposal.Id -ContactId 88 -PassThru
    "Customer $($withJane.Customer) (primary location in Austin, TX): tax $($withJane.FinancialSummary.SalesTax), total $($withJane.Total)"

    # 5. An accepted proposal can no longer be edited: the API answers 409, and the error record
    #    says to use a change order. Change orders are read-only in the public API.
    try {
        Set-PortalProposal -Id 1043 -Name 'Chen Media Room, revised'
    }
    catch {
        "`nCaught $($_.FullyQualifiedErrorId) ($($_.CategoryInfo.Category)):"
        "  What to do: $($_.ErrorDetails.RecommendedAction)"
    }
    "`nChange orders of the accepted proposal 1043:"
    Get-PortalProposal -Id 1043 | Get-PortalChangeOrder | Out-Default
    $changeOrder = Get-PortalChangeOrder -ProposalId 1043 -Id 6002
    $summary = $changeOrder.FinancialSummary
    "Change order #$($changeOrder.Number) '$($changeOrder.Name)' ($($changeOrder.Status)): parts $($summary.PartsSubtotal), labor $($summary.LaborTotal), fees $($summary.FeeTotal), subtotal $($summary.ChangeOrderSubtotal), tax $($summary.SalesTax)"
    foreach ($area in $changeOrder.Areas) {
        foreach ($option in $area.Options) {
            foreach ($item in $option.Items) { "  $($area.Name) / $($option.ClientDescription): $($item.Quantity) x $($item.Name)" }
        }
    }

    Disconnect-Portal
}
finally {
    $sandbox | Stop-PortalSandbox
}
