@{
    RootModule           = 'PortalIo.dll'
    # Kept equal to <Version> in Directory.Build.props (a test checks); staging writes that version.
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0d7a54-3a8e-4f2b-9c61-2f4e0c8d9a17'
    Author               = 'PortalIo contributors'
    CompanyName          = 'PortalIo'
    Copyright            = '(c) PortalIo contributors. MIT License.'
    Description          = 'PowerShell cmdlets for the Portal.io REST API (proposals, areas, options, contacts, catalog, webhooks): every request HMAC-signed, pipeline-friendly, with a local sandbox for offline tests.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('PortalIo.format.ps1xml')
    TypesToProcess       = @('PortalIo.types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Portal'
        'Disconnect-Portal'
        'Get-PortalSession'
        'Test-PortalConnection'
        'Get-PortalUser'
        'Get-PortalProposal'
        'New-PortalProposal'
        'Get-PortalArea'
        'Add-PortalArea'
        'Add-PortalAreaOption'
        'Set-PortalProposal'
        'Set-PortalProposalContact'
        'Set-PortalProposalLocation'
        'Get-PortalAreaOption'
        'Set-PortalAreaOption'
        'Get-PortalChangeOrder'
        'Get-PortalContact'
        'New-PortalContact'
        'Get-PortalContactLocation'
        'New-PortalContactLocation'
        'Find-PortalCatalogItem'
        'Get-PortalCatalogItem'
        'Get-PortalCatalogCategory'
        'Get-PortalWebhook'
        'New-PortalWebhook'
        'Set-PortalWebhook'
        'Remove-PortalWebhook'
        'Test-PortalWebhookSignature'
        'Add-PortalAiContent'
        'Get-PortalAiContent'
        'Remove-PortalAiContent'
        'Start-PortalAiOutline'
        'Get-PortalAiOutline'
        'Start-PortalAiBuild'
        'Invoke-PortalRequest'
        'New-PortalSignature'
        'Start-PortalSandbox'
        'Stop-PortalSandbox'
        'Reset-PortalSandbox'
        'Get-PortalSandboxRequest'
        'Clear-PortalSandboxRequest'
        'Set-PortalSandboxFault'
        'Get-PortalSandboxFault'
        'Clear-PortalSandboxFault'
        'Export-PortalSandboxData'
        'Get-PortalSandboxWebhookDelivery'
        'Set-PortalSandboxProposalStatus'
        'Add-PortalSandboxLineItem'
        'Set-PortalSandboxContact'
        'Add-PortalSandboxWebhookRoute'
        'Remove-PortalSandboxWebhookRoute'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Portal.io', 'PortalIo', 'REST', 'API', 'HMAC', 'Proposals', 'AV', 'Integrator', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # Staging replaces this with this version's section of CHANGELOG.md.
            ReleaseNotes = 'See CHANGELOG.md.'
            # ProjectUri and LicenseUri are left out until the project has a public address; the
            # MIT license ships as LICENSE in the module folder. FileList is generated at staging.
        }
    }
}
