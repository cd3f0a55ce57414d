#requires -Version 7.2
# Get-PortalContact, New-PortalContact, Get-PortalContactLocation, New-PortalContactLocation.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'Get-PortalContact' {
    It 'pages through the contacts with -Skip and -First' {
        $all = @(Get-PortalContact -PageSize 5)
        $window = @(Get-PortalContact -PageSize 5 -Skip 5 -First 5)

        $all.Count | Should -BeGreaterOrEqual 17
        $window.Id | Should -Be $all[5..9].Id
    }

    It 'filters by party type and search text' {
        $companies = @(Get-PortalContact -PartyType Company)
        $smith = @(Get-PortalContact -SearchText Smith)

        $companies.PartyType | Sort-Object -Unique | Should -Be 'Company'
        $smith.Id | Should -Contain $Seed.SmithContactId
    }

    It 'gets a contact by id with its primary location and counts' {
        $contact = Get-PortalContact -Id $Seed.SmithContactId -IncludeCounts

        $contact | Should -BeOfType PortalIo.Models.Contact
        $contact.DisplayName | Should -Be 'Jane Smith'
        $contact.PrimaryLocation.Id | Should -Be $Seed.SmithLocationId
        $contact.PrimaryAddress | Should -Match 'Austin'
        $contact.ProposalCount | Should -BeGreaterOrEqual 1
    }

    It 'reports a contact of another account as PortalIo.NotFound with the way to find ids' {
        $failure = { Get-PortalContact -Id $Seed.OtherDealerContactId -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.NotFound*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject | Should -Be $Seed.OtherDealerContactId
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Get-PortalContact -SearchText'
    }
}

Describe 'Locations' {
    It 'lists the locations of a contact from the pipeline' {
        $locations = @(Get-PortalContact -Id $Seed.LakesideContactId | Get-PortalContactLocation -PageSize 2)

        $locations.Count | Should -Be 4
        $locations | Should -BeOfType PortalIo.Models.Location
        $locations.ContactId | Sort-Object -Unique | Should -Be $Seed.LakesideContactId
        @($locations | Where-Object IsPrimary).Count | Should -Be 1
    }

    It 'reports an unknown contact as PortalIo.NotFound and goes on with the next one' {
        $locations = @($Seed.OtherDealerContactId, $Seed.SmithContactId |
                ForEach-Object { [pscustomobject]@{ ContactId = $_ } } |
                Get-PortalContactLocation -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.NotFound,*'
        $locations.Id | Should -Be @($Seed.SmithLocationId)
    }
}

Describe 'New-PortalContact and New-PortalContactLocation' {
    It 'creates a contact and its primary location along the pipeline' {
        $location = New-PortalContact -PartyType Company -ContactType Client -FirstName Ana -CompanyName 'Acme AV' -ContactEmail 'ana@acme.example' |
            New-PortalContactLocation -Street '456 Oak Ave' -City Austin -State Texas -PostalCode 78702 -Country 'United States' -IsPrimary

        $location.IsPrimary | Should -BeTrue
        $location.StateAbbrev | Should -Be 'TX'
        (Get-PortalContact -Id $location.ContactId).PrimaryLocation.Id | Should -Be $location.Id
    }

    It 'creates contacts from CSV rows by property name' {
        $path = Join-Path $TestDrive 'new-contacts.csv'
        @(
            [pscustomobject]@{ PartyType = 'Person'; ContactType = 'Client'; FirstName = 'Ivy'; LastName = 'Stone'; ContactEmail = 'ivy@example.com' }
            [pscustomobject]@{ PartyType = 'Person'; ContactType = 'Client'; FirstName = 'Leo'; LastName = 'Marsh'; ContactEmail = 'leo@example.com' }
        ) | Export-Csv -Path $path

        $contacts = @(Import-Csv -Path $path | New-PortalContact)

        $contacts.DisplayName | Should -Be @('Ivy Stone', 'Leo Marsh')
        (Get-PortalContact -Id $contacts[1].Id).ContactEmail | Should -Be 'leo@example.com'
    }

    It 'refuses a company without a company name before sending anything, naming the parameter' {
        $before = $sandbox.RequestCount

        $failure = { New-PortalContact -PartyType Company -ContactType Client -FirstName Ana -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        "$($failure.Exception.Message) $($failure.ErrorDetails.Message)" | Should -Match 'CompanyName'
        $sandbox.RequestCount | Should -Be $before
    }

    It 'refuses a city longer than the API allows before sending anything' {
        $before = $sandbox.RequestCount

        $failure = { New-PortalContactLocation -ContactId $Seed.SmithContactId -Street '1 Main St' -City ('x' * 51) -ErrorAction Stop } |
            Should -Throw -ErrorId 'PortalIo.InvalidArgument*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match '-City is 51 characters long; Portal.io allows at most 50'
        $sandbox.RequestCount | Should -Be $before
    }

    It 'answers PortalIo.Forbidden to a user without permissions' {
        $readOnly = Connect-TestSandboxUser $sandbox -User readonly

        $failure = { New-PortalContact -PartyType Person -ContactType Client -FirstName Nope -Session $readOnly -ErrorAction Stop } | Should -Throw -ErrorId 'PortalIo.Forbidden*' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        $before = $sandbox.RequestCount

        New-PortalContact -PartyType Person -ContactType Client -FirstName WhatIf -WhatIf
        New-PortalContactLocation -ContactId $Seed.SmithContactId -Street '1 WhatIf St' -City Austin -WhatIf

        $sandbox.RequestCount | Should -Be $before
    }
}

Describe 'Parameters a set cannot use' {
    It 'refuses -First with -Id, naming it, and reads nothing' {
        $mark = Get-TestSandboxMark $sandbox

        $contacts = @(Get-PortalContact -Id $Seed.SmithContactId, $Seed.LakesideContactId -First 1 -ErrorAction SilentlyContinue -ErrorVariable failures)

        $contacts | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PortalIo.InvalidArgument,*'
        $failures[0].Exception.ParamName | Should -Be 'First'
        Get-TestSandboxRequest $sandbox -After $mark | Should -BeNullOrEmpty
    }

    It 'binds a location piped in by its ContactId, never by its own Id' {
        $location = Get-PortalContactLocation -ContactId $Seed.LakesideContactId -First 1

        ($location | Get-PortalContact).Id | Should -Be $Seed.LakesideContactId
    }
}
