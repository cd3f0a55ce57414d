# Browsing the Portal.io catalog: the category tree, searches with filters and paging, and item
# details. Runs against a local sandbox (no account, no network):
#   dotnet run --project tools/PortalIo.Run -- examples/Catalog.ps1

$ErrorActionPreference = 'Stop'
$sandbox = Start-PortalSandbox
try {
    $sandbox | Connect-Portal

    # 1. The category tree: industries with their categories as Children. -Recurse writes every
    #    node depth-first, each with its Path.
    "Industries:"
    Get-PortalCatalogCategory | Out-Default
    "Every category under Video:"
    Get-PortalCatalogCategory -Recurse -Name 'Video*' | Out-Default

    # 2. A category binds to Find-PortalCatalogItem by property name (an industry binds to
    #    -ParentCategoryId, any other node to -CategoryId).
    "4K displays:"
    Get-PortalCatalogCategory -Recurse -Name '4K Displays' | Find-PortalCatalogItem | Out-Default

    # 3. Free text, brands, suppliers, stock and favorites; results stream page by page and
    #    -First/-Skip fetch only the pages they need.
    "In-stock Denon or Marantz receivers:"
    Find-PortalCatalogItem -SearchText receiver -Brands Denon, Marantz -IsInStock | Out-Default
    $total = Find-PortalCatalogItem -IncludeTotalCount -First 0
    "The catalog has $total parts; the first three:"
    Find-PortalCatalogItem -First 3 | Out-Default

    # 4. Labor and custom items come from the account's private library.
    "Labor items:"
    Find-PortalCatalogItem -ItemType Labor | Out-Default

    # 5. Details: -ExtendedDetails adds description, specs, suppliers and resource links.
    $receiver = Find-PortalCatalogItem 'AVR-X3800H' | Get-PortalCatalogItem -ExtendedDetails
    "$($receiver.Brand) $($receiver.Model): MSRP $($receiver.Msrp), cost $($receiver.DefaultCost)"
    foreach ($spec in $receiver.Specs) { "  $($spec.Name): $($spec.Value)" }
    foreach ($supplier in $receiver.Suppliers) { "  supplier: $supplier" }

    # 6. -CategoryId and -CategoryIds are mutually exclusive: refused before any request.
    Find-PortalCatalogItem -CategoryId 47 -CategoryIds 48 -ErrorAction SilentlyContinue -ErrorVariable refused
    "Refused: $($refused[0].FullyQualifiedErrorId): $($refused[0].Exception.Message)"

    # 7. Array filters repeat the key (CategoryIds=47&CategoryIds=48), as the newer docs say. If
    #    your Portal.io environment expects the older comma-separated form, send it yourself:
    $raw = Invoke-PortalRequest -Path /public/catalog -Query @{ CategoryIds = '47,48'; PageSize = 5 }
    "Comma-separated form: $($raw.totalItemCount) matches."

    Disconnect-Portal
}
finally {
    $sandbox | Stop-PortalSandbox
}
