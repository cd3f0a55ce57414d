#requires -Version 7.2
# Find-PortalCatalogItem, Get-PortalCatalogItem, Get-PortalCatalogCategory.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Find-PortalCatalogItem' {
    It 'finds a part by its model, with prices' {
        $item = @(Find-PortalCatalogItem 'AVR-X3800H')

        $item.Count | Should -Be 1
        $item[0] | Should -BeOfType PortalIo.Models.CatalogItem
        $item[0].Id | Should -Be $Seed.CatalogItemId
        $item[0].Brand | Should -Be 'Denon'
        $item[0].Msrp.Value | Should -Be 1299.00
        $item[0].DefaultCost.Value | Should -Be 975.00
    }

    It 'streams every page, and -Skip with -First selects a window' {
        $all = @(Find-PortalCatalogItem -PageSize 10)
        $window = @(Find-PortalCatalogItem -PageSize 5 -Skip 7 -First 3)

        $all.Count | Should -Be 31
        ($all.Id | Sort-Object -Unique).Count | Should -Be 31
        $window.Id | Should -Be $all[7..9].Id
    }

    It 'filters by brand and stock' {
        $items = @(Find-PortalCatalogItem -Brands Denon, Crown -IsInStock)

        $items.Count | Should -BeGreaterThan 0
        $items.Brand | Sort-Object -Unique | ForEach-Object { $_ | Should -BeIn @('Denon', 'Crown') }
    }

    It 'finds labor only with -ItemType Labor' {
        $labor = @(Find-PortalCatalogItem -ItemType Labor)

        $labor.Count | Should -Be 6
        $labor.ItemType | Sort-Object -Unique | Should -Be 'Labor'
        $labor.Id | Should -Contain $Seed.LaborItemId
    }
}

Describe 'Get-PortalCatalogItem' {
    It 'gets the extended details of an item found by a search' {
        $item = Find-PortalCatalogItem 'AVR-X3800H' | Get-PortalCatalogItem -ExtendedDetails

        $item.Description | Should -Not -BeNullOrEmpty
        ($item.Specs | Where-Object Name -EQ 'Channels').Value | Should -Be '9.4'
        $item.PdfResourceLinks.Name | Should -Contain "Owner's Manual"
    }

    It 'reports unknown ids as PortalIo.NotFound, each on its own, and writes the others' {
        $items = @(Get-PortalCatalogItem -Id 999999, $Seed.CatalogItemId -ErrorVariable failures -ErrorAction SilentlyContinue)

        $items.Id | Should -Be @($Seed.CatalogItemId)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.NotFound,*'
        $failures[0].TargetObject | Should -Be 999999
        $failures[0].ErrorDetails.RecommendedAction | Should -Match '-ItemType'
    }
}

Describe 'Get-PortalCatalogCategory' {
    It 'lists the industries, and the whole tree with -Recurse' {
        $roots = @(Get-PortalCatalogCategory)
        $all = @(Get-PortalCatalogCategory -Recurse)

        $roots | Should -BeOfType PortalIo.Models.CatalogCategory
        $roots.Name | Should -Contain 'Audio'
        $all.Count | Should -BeGreaterThan $roots.Count
        ($all | Where-Object Id -EQ 61).Path | Should -Be 'Video/Displays/4K Displays'
    }

    It 'feeds a category to Find-PortalCatalogItem' {
        $items = @(Get-PortalCatalogCategory -Recurse -Name 'AV Receivers' | Find-PortalCatalogItem)

        $items.Count | Should -BeGreaterThan 0
        $items.CategoryId | Sort-Object -Unique | Should -Be 47
    }
}

Describe 'Find-PortalCatalogItem -Summary' {
    It 'writes what the search says about all its matches: totals, favorites, facets' {
        $summary = Find-PortalCatalogItem -SearchText receiver -Summary -PageSize 2

        $summary | Should -BeOfType PortalIo.Models.CatalogSearchSummary
        $summary.TotalItemCount | Should -BeGreaterThan 2
        $summary.Items.Count | Should -Be 2
        $summary.FavoriteItems.Id | Should -Contain $Seed.CatalogItemId
        ($summary.BrandFacets | Where-Object Value -EQ 'Denon').Count | Should -BeGreaterThan 0
        $summary.CategoryFacets.Value | Should -Contain 'AV Receivers'
        $summary.ProcessingTimeMs | Should -Not -BeNullOrEmpty
    }

    It 'refuses the paging parameters, which do not apply to a summary' {
        $mark = Get-TestSandboxMark $sandbox

        Find-PortalCatalogItem -SearchText receiver -Summary -First 5 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].Exception.ParamName | Should -Be 'First'
        Get-TestSandboxRequest $sandbox -After $mark | Should -BeNullOrEmpty
    }
}
