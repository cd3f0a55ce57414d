# README's PowerShell examples, run as written against the sandbox: what a new user copies first.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $sandbox = Start-TestSandbox
    $readme = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot '../../README.md')
    $blocks = [regex]::Matches($readme, '(?ms)^```powershell\r?\n(?<code>.*?)^```') | ForEach-Object { $_.Groups['code'].Value }

    function Get-ReadmeBlock {
        # The README block that contains this text, to dot-source in the test (so its variables stay readable).
        param([Parameter(Mandatory)] [string] $Containing)
        $found = @($blocks | Where-Object { $_.Contains($Containing) })
        $found.Count | Should -Be 1 -Because "README has one block with '$Containing'"
        [scriptblock]::Create($found[0])
    }

    # An installed module loads by name in any runspace, as README assumes: put this copy where PowerShell looks.
    $modulePathBefore = $env:PSModulePath
    $env:PSModulePath = (Split-Path (Split-Path (Get-Module PortalIo).Path)) + [IO.Path]::PathSeparator + $env:PSModulePath
}

AfterAll {
    $env:PSModulePath = $modulePathBefore
    Stop-TestSandbox $sandbox
}

Describe "README's examples" {
    It 'runs the Use block' {
        $block = Get-ReadmeBlock -Containing 'Get-PortalUser -Name'
        $failures = . $block 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }

        $failures | Should -BeNullOrEmpty
        (Get-PortalProposal -SearchText 'Johnson Residence').Count | Should -BeGreaterThan 0
    }

    It 'runs the parallel recipe with -Session $using:session' {
        $block = Get-ReadmeBlock -Containing 'ForEach-Object -ThrottleLimit 3 -Parallel'
        $failures = . $block 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }

        $failures | Should -BeNullOrEmpty
        $proposals.Id | Sort-Object | Should -Be @(1042, 1043, 1044)
        $users.Count | Should -Be 4
    }

    It 'runs the sandbox block, which starts, uses and stops its own sandbox' {
        $block = Get-ReadmeBlock -Containing 'Set-PortalSandboxProposalStatus'
        $failures = . $block 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }

        $failures | Should -BeNullOrEmpty
        $sandbox.IsRunning | Should -BeFalse
    }
}
