#requires -Version 7.2
# What users do with the objects next: Export-Csv / Import-Csv, ConvertTo-Json / ConvertFrom-Json,
# Export-Clixml / Import-Clixml, and feeding saved rows back into the cmdlets.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox

    function Get-TypeNameInText {
        # .NET type names that leaked into a CSV or JSON text instead of values.
        param([string] $Text)
        [regex]::Matches($Text, '(System|PortalIo)\.[\w.`]+(\[[^\]]*\])?') | ForEach-Object Value |
            Where-Object { $_ -notmatch '^System\.Security\.SecureString|^System\.Management\.Automation\.PSCredential' } | Sort-Object -Unique
    }
}

AfterAll {
    Stop-TestSandbox $sandbox
}

Describe 'CSV' {
    It 'exports proposals and reads back the same values' {
        $path = Join-Path $TestDrive 'proposals.csv'
        $proposals = Get-PortalProposal -Status Draft -First 5

        $proposals | Select-Object Id, Number, Name, Status, Total, LastModifiedDate | Export-Csv -Path $path
        $rows = Import-Csv -Path $path

        $rows.Id | Should -Be ($proposals.Id | ForEach-Object ToString)
        $rows.Name | Should -Be $proposals.Name
        $rows.Status | Sort-Object -Unique | Should -Be 'Draft'
        $rows.Total | ForEach-Object { [decimal]$_ } | Should -Be $proposals.Total
    }

    It 'feeds ids from a CSV back into the cmdlets by property name' {
        $path = Join-Path $TestDrive 'ids.csv'
        Get-PortalProposal -Id $Seed.DraftProposalId, $Seed.AcceptedProposalId | Select-Object Id | Export-Csv -Path $path

        $proposals = Import-Csv -Path $path | Get-PortalProposal

        $proposals.Name | Should -Be @('Smith Residence AV', 'Chen Media Room')
    }

    It 'writes values, not type names, for <Name>' -ForEach @(
        @{ Name = 'users'; Get = { Get-PortalUser } }
        @{ Name = 'listed proposals'; Get = { Get-PortalProposal -First 5 } }
        @{ Name = 'listed change orders'; Get = { Get-PortalChangeOrder -ProposalId 1043 } }
        @{ Name = 'contacts'; Get = { Get-PortalContact -Id 88, 95 } }
        @{ Name = 'locations'; Get = { Get-PortalContactLocation -ContactId 95 } }
        @{ Name = 'connection checks'; Get = { Test-PortalConnection } }
    ) {
        $path = Join-Path $TestDrive 'values.csv'

        & $Get | Export-Csv -Path $path

        Get-TypeNameInText (Get-Content -Raw -LiteralPath $path) | Should -BeNullOrEmpty
    }

    It 'writes values, not type names, for every output type' {
        $path = Join-Path $TestDrive 'all.csv'
        $objects = @(
            Get-PortalProposal -Id $Seed.DraftProposalId
            Get-PortalArea -ProposalId $Seed.DraftProposalId
            Get-PortalAreaOption -ProposalId $Seed.DraftProposalId
            Get-PortalChangeOrder -ProposalId $Seed.AcceptedProposalId -Id 6001
            Get-PortalCatalogItem -Id $Seed.CatalogItemId -ExtendedDetails
            Get-PortalCatalogCategory
            Get-PortalWebhook
        )

        foreach ($object in $objects) {
            $object | Export-Csv -Path $path -Force
            Get-TypeNameInText (Get-Content -Raw -LiteralPath $path) | Should -BeNullOrEmpty -Because $object.GetType().Name
        }
    }
}

Describe 'JSON' {
    It 'converts options to JSON and back with their line items' {
        $options = Get-PortalAreaOption -ProposalId $Seed.DraftProposalId

        $back = $options | ConvertTo-Json -Depth 6 | ConvertFrom-Json

        $back.Id | Should -Be $options.Id
        $back.ClientDescription | Should -Be $options.ClientDescription
        $back[1].Items.Model | Should -Be $options[1].Items.Model
        $back[1].Items.Quantity | Should -Be $options[1].Items.Quantity
        $back[1].Items.SellPrice | Should -Be $options[1].Items.SellPrice
    }

    It 'converts a proposal to JSON and back with its areas and totals' {
        $proposal = Get-PortalProposal -Id $Seed.DraftProposalId

        $back = $proposal | ConvertTo-Json -Depth 6 | ConvertFrom-Json

        $back.Id | Should -Be $proposal.Id
        $back.Areas.Name | Should -Be @('Living Room', 'Home Theater')
        $back.FinancialSummary.ProposalTotal | Should -Be $proposal.FinancialSummary.ProposalTotal
        $back.Customer.ContactEmail | Should -Be 'jane.smith@example.com'
    }

    It 'carries every field of a proposal as a value, the internal notes included' {
        $proposal = New-TestProposal 'Pester JSON'
        Set-PortalProposal -Id $proposal.Id -InternalNotes 'Gate code 1234'

        $json = Get-PortalProposal -Id $proposal.Id | ConvertTo-Json -Depth 6

        $json | Should -Not -Match 'ValueKind'
        $json | Should -Match 'Gate code 1234'
    }
}

Describe 'Clixml' {
    It 'saves proposals whose copies read back bind to the cmdlets by property name' {
        $path = Join-Path $TestDrive 'proposals.xml'
        Get-PortalProposal -Id $Seed.DraftProposalId | Export-Clixml -Path $path

        $saved = Import-Clixml -Path $path
        $areas = $saved | Get-PortalArea

        $saved.Name | Should -Be 'Smith Residence AV'
        $saved.Areas.Name | Should -Be @('Living Room', 'Home Theater')
        $areas.Id | Should -Be @(5001, 5002)
    }
}
