using System.IO;
using System.Text.RegularExpressions;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>What a user sees in the real pwsh (a child process, output redirected as in a runbook's log).</summary>
    public class RealShellTests
    {
        [Fact]
        public void Quickstart_runs_end_to_end_against_the_sandbox_through_READMEs_launcher()
        {
            var run = PwshRun.Launcher(Path.Combine(TestPaths.RepoRoot, "examples", "Quickstart.ps1"));
            Assert.True(run.ExitCode == 0, run.All);
            Assert.Matches(@"Connected to http://127\.0\.0\.1:\d+/ as ", run.StandardOutput);
            // The proposals table of the default view, whole at the 80 columns of a redirected pwsh.
            Assert.Matches(@"Id\s+Name\s+Status\s+Total\s+Modified", run.StandardOutput);
            Assert.Matches(@"1042 Smith Residence AV\s+Draft\s+[\d,]+\.\d\d \d{4}-\d\d-\d\d \d\d:\d\d", run.StandardOutput);
            Assert.Contains("Smith Residence AV", run.StandardOutput);
            Assert.Contains("Premium", run.StandardOutput);
            Assert.Contains("Caught PortalIo.BadRequest", run.StandardOutput);
            Assert.Contains("What to do: Area names must be unique", run.StandardOutput);
            Assert.Contains("Disconnected.", run.StandardOutput);
            Assert.Equal(string.Empty, run.StandardError.Trim());
        }

        [Fact]
        public void Import_does_not_load_the_sandbox_assembly_until_a_sandbox_starts()
        {
            var run = PwshRun.Command(
                "$loaded = { [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'PortalIo.Sandbox' }; " +
                "'before:' + (& $loaded); $sb = Start-PortalSandbox; 'after:' + (& $loaded); $sb | Stop-PortalSandbox");
            Assert.True(run.ExitCode == 0, run.All);
            Assert.Contains("before:False", run.StandardOutput);
            Assert.Contains("after:True", run.StandardOutput);
        }

        [Fact]
        public void Formatted_output_and_every_stream_are_free_of_secrets()
        {
            var script = "$sb = Start-PortalSandbox; $s = $sb | Connect-Portal -PassThru -Verbose -Debug; " +
                         "$s; $sb; " +
                         "Get-PortalSession; Get-PortalProposal -First 2 -Verbose -Debug; Add-PortalArea -ProposalId 1043 -Name X -Verbose -Debug; " +
                         "New-PortalSignature -Uri ($sb.BaseUri.AbsoluteUri + 'public/users') | ForEach-Object CanonicalMessage; " +
                         "$sb | Stop-PortalSandbox";
            var run = PwshRun.Command(script);
            Assert.Contains("demo@portal.local", run.StandardOutput);
            Assert.Contains("VERBOSE: GET http://127.0.0.1", run.All);
            Assert.Contains("DEBUG: Canonical message:", run.All);
            Assert.Contains("409 Conflict", run.StandardError);
            Assert.Contains("Recommendation: ", run.StandardError);
            foreach (var secret in new[] { SandboxServer.DefaultSecretKey, "Sandbox+P@ss1", "Sandbox%2BP%40ss1" })
                Assert.DoesNotContain(secret, run.All);
            Assert.DoesNotMatch(new Regex(@"[A-Za-z0-9+/]{43}="), run.All);
        }
    }
}
