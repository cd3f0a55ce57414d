# PortalIo contacts: search and page through contacts, read one in detail, create a person and a
# company and give them locations, against a local sandbox (no Portal.io account, no network).
# Run it with:
#   dotnet tools/PortalIo.Shell/bin/Debug/net10.0/PortalIo.Shell.dll examples/Contacts.ps1
# or, where pwsh is installed, after `dotnet build`:
#   pwsh -c "Import-Module ./out/PortalIo/PortalIo.psd1; ./examples/Contacts.ps1"

$ErrorActionPreference = 'Stop'

$sandbox = Start-PortalSandbox
try {
    $sandbox | Connect-Portal

    # 1. Search: SearchText matches names, company names and e-mail addresses.
    "Contacts matching 'Smith':"
    Get-PortalContact -SearchText 'Smith' | Out-Default

    # 2. List page by page. -IncludeTotalCount writes the API's total first; -First and -Skip count
    #    contacts, not pages, and only the pages needed are requested (here 2 contacts per page).
    "First five contacts, most recently modified first:"
    Get-PortalContact -SortBy ModifiedDate -Descending -PageSize 2 -First 5 -IncludeTotalCount | Out-Default
    "The next five:"
    Get-PortalContact -SortBy ModifiedDate -Descending -PageSize 2 -Skip 5 -First 5 | Out-Default
    "Companies only:"
    Get-PortalContact -PartyType Company | Out-Default

    # 3. Details: notes, primary and billing locations, and with -IncludeCounts the number of
    #    proposals and payments.
    $jane = Get-PortalContact -Id 88 -IncludeCounts
    "$($jane.DisplayName) <$($jane.ContactEmail)>: $($jane.ProposalCount) proposals, $($jane.PaymentCount) payments."
    "  Primary location: $($jane.PrimaryLocation)"
    "  Notes: $($jane.Notes)"

    # 4. Create a person and a company. FirstName is required for companies too (the person to
    #    talk to); CompanyName is required for a company, and the module checks that before sending.
    $person = New-PortalContact -PartyType Person -ContactType Client -FirstName 'Marco' -LastName 'Bianchi' `
        -Email 'marco.bianchi@example.com' -Phone '555-0142' -Notes 'Prefers calls after 5 pm.'
    $company = New-PortalContact -PartyType Company -ContactType Client -CompanyName 'Bianchi Builders' `
        -FirstName 'Lucia' -LastName 'Bianchi' -ContactEmail 'office@bianchibuilders.example.com' -ContactEmailCC 'lucia@bianchibuilders.example.com'
    "`nCreated:"
    $person, $company | Out-Default
    try {
        New-PortalContact -PartyType Company -ContactType Contractor -FirstName 'Sam'
    }
    catch {
        "Caught $($_.FullyQualifiedErrorId): $($_.ErrorDetails.Message)"
        "  What to do: $($_.ErrorDetails.RecommendedAction)"
    }

    # 5. Locations. State is the full name (Portal.io derives TX from Texas) and is required when
    #    Country is given. -IsPrimary and -IsBilling move those flags to the new location.
    $person | New-PortalContactLocation -Street '742 Evergreen Ter' -City 'Austin' -State 'Texas' `
        -PostalCode '78704' -Country 'United States' -IsPrimary | Out-Null
    $person | New-PortalContactLocation -Street 'PO Box 1200' -City 'Austin' -State 'Texas' -PostalCode '78767' -IsBilling | Out-Null
    $company | New-PortalContactLocation -Street '500 Congress Ave' -Suite 'Suite 300' -City 'Austin' -State 'Texas' `
        -PostalCode '78701' -Country 'United States' -IsPrimary -IsBilling | Out-Null
    $company | New-PortalContactLocation -Street '1100 S Lamar Blvd' -City 'Austin' -State 'Texas' -PostalCode '78704' `
        -ContactFirstName 'Rick' -ContactLastName 'Ortiz' -ContactPhoneNumber '555-0177' | Out-Null
    try {
        New-PortalContactLocation -ContactId $person.Id -Street '1 Main St' -Country 'United States'
    }
    catch {
        "Caught $($_.FullyQualifiedErrorId): $($_.ErrorDetails.Message)"
    }

    # 6. List the locations: primary first, then billing, then the most recently modified.
    "`nLocations of the new contacts:"
    $person, $company | Get-PortalContactLocation | Out-Default
    $person = Get-PortalContact -Id $person.Id
    "$($person.DisplayName): primary $($person.PrimaryLocation); billing $($person.BillingLocation)"

    Disconnect-Portal
}
finally {
    $sandbox | Stop-PortalSandbox
}
