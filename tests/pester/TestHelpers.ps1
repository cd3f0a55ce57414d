# Shared by every *.Tests.ps1 in this folder: dot-source it in BeforeAll.
#
#   BeforeAll { . $PSScriptRoot/TestHelpers.ps1 }
#
# It imports the PortalIo under test: $env:PORTALIO_MODULE when set (a manifest path, or the name
# of an installed module such as 'PortalIo'), else the copy `dotnet build` staged in out/PortalIo.
# Invoke-PesterSuite.ps1 -ModulePath sets PORTALIO_MODULE, so the suite also runs against an
# installed copy.

$PortalIoModule = if ($env:PORTALIO_MODULE) { $env:PORTALIO_MODULE } else { Join-Path $PSScriptRoot '../../out/PortalIo/PortalIo.psd1' }
if ($PortalIoModule -match '[\\/]' -and -not (Test-Path -LiteralPath $PortalIoModule)) {
    throw "PortalIo not found at $PortalIoModule. Build first (dotnet build), or set PORTALIO_MODULE to a manifest or an installed module's name."
}
Import-Module $PortalIoModule -ErrorAction Stop
# What a ForEach-Object -Parallel block or a child pwsh imports: the same copy, by path when there is one.
$PortalIoModule = (Get-Module PortalIo).Path -replace '\.dll$', '.psd1'

# The sandbox's demo data (about_PortalIo_Sandbox lists it).
$Seed = @{
    DraftProposalId      = 1042   # "Smith Residence AV": areas Living Room (5001) and Home Theater (5002)
    AcceptedProposalId   = 1043   # changes answer 409; change orders 6001 (Accepted) and 6002 (Draft)
    CompletedProposalId  = 1044   # change order 6003
    FullAreaProposalId   = 1052   # area 5010 already has the 3 options an area may have
    FullAreaId           = 5010
    EmptyDraftProposalId = 1053   # no areas, no customer
    OtherDealerProposalId = 2001  # another account's: 404 to the demo user
    SalesPersonId        = 77     # Alex Johnson
    SmithContactId       = 88     # Jane Smith, one primary location (201) in Austin, Texas
    SmithLocationId      = 201
    LakesideContactId    = 95     # four locations
    OtherDealerContactId = 120
    CatalogItemId        = 8821   # Denon AVR-X3800H, msrp 1299.00
    LaborItemId          = 32001
}

function Start-TestSandbox {
    # The sandbox of one test file, connected as its demo user (the current session); arguments go
    # to Start-PortalSandbox:
    #   BeforeAll { $sandbox = Start-TestSandbox -AiStepDuration 100 }   AfterAll { Stop-TestSandbox $sandbox }
    $started = Start-PortalSandbox @args
    $started | Connect-Portal
    $started
}

function Stop-TestSandbox {
    param([Parameter(Mandatory)] $Sandbox)
    $Sandbox | Stop-PortalSandbox
    Disconnect-Portal
}

function New-TestProposal {
    # A fresh Draft, so that a test that changes a proposal changes only its own.
    param([string] $Prefix = 'Pester')
    New-PortalProposal -Name ('{0} {1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 8)) -SalesPersonId $Seed.SalesPersonId -ErrorAction Stop
}

function Get-TestSandboxMark {
    # Where the sandbox's request journal stands now: pass it to Get-TestSandboxRequest -After.
    param([Parameter(Mandatory)] $Sandbox)
    Wait-TestSandboxJournal $Sandbox
    $Sandbox.GetServer().RecordedCount
}

function Get-TestSandboxRequest {
    # What a sandbox received, oldest first (method, path, query, body, status), from its request
    # journal; -After leaves out what came before a mark:
    #   $mark = Get-TestSandboxMark $sandbox; ...; Get-TestSandboxRequest $sandbox -After $mark
    param([Parameter(Mandatory)] $Sandbox, [long] $After = 0)
    Wait-TestSandboxJournal $Sandbox
    @($Sandbox.GetServer().RequestLog | Where-Object Sequence -GT $After)
}

function Wait-TestSandboxJournal {
    # A request is counted when it arrives and recorded once answered: wait for the journal to catch up.
    param([Parameter(Mandatory)] $Sandbox)
    $server = $Sandbox.GetServer()
    for ($i = 0; $i -lt 100 -and $server.RecordedCount -lt $server.RequestCount; $i++) { Start-Sleep -Milliseconds 20 }
}

function Connect-TestSandboxUser {
    # Connects as another demo login of the sandbox: 'readonly' (no permissions), 'lapsed' (inactive subscription).
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)] [string] $User)
    $login = $Sandbox.GetServer().DemoUsers | Where-Object UserName -Like "$User@*" | Select-Object -First 1
    $credential = [pscredential]::new($login.UserName, (ConvertTo-SecureString $login.Password -AsPlainText -Force))
    Connect-Portal -BaseUri $Sandbox.BaseUri -ApplicationKey $Sandbox.ApplicationKey -SecretKey $Sandbox.SecretKey -Credential $credential -PassThru -ErrorAction Stop
}

function ConvertFrom-TestSecureString {
    # The plain text of a SecureString, to search rendered output for it.
    param([Parameter(Mandatory)] [securestring] $SecureString)
    [System.Net.NetworkCredential]::new('', $SecureString).Password
}

function Get-PwshCommand {
    # The pwsh running this suite, to start a runbook in a child process: the pinned dotnet tool
    # runs as `dotnet pwsh.dll`, an installed pwsh as its own executable.
    $process = [Environment]::ProcessPath
    if ((Split-Path -Leaf $process) -match '^dotnet(\.exe)?$') { , @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { , @($process) }
}
