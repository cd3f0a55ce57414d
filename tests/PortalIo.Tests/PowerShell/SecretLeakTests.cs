using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PortalIo.Session;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// No secret key, user key, password or signature in any stream, error record, object or
    /// ToString, with -Verbose and -Debug on, on success and failure paths alike.
    /// </summary>
    public class SecretLeakTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _sandbox;

        public SecretLeakTests(SandboxFixture sandbox) => _sandbox = sandbox;

        // A signature, a secret key and a user key are all 32 bytes in Base64: 43 characters and '='.
        private static readonly Regex Base64Of32Bytes = new(@"[A-Za-z0-9+/]{43}=", RegexOptions.Compiled);

        private const string Script = @"
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            $output = . {
            $cred = [pscredential]::new($userName, $password)
            $s = Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred -PassThru -Verbose -Debug
            $s; $s.ToString(); Get-PortalSession | ForEach-Object { $_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value } }
            Get-PortalUser -Verbose -Debug
            Get-PortalProposal -First 3 -Verbose -Debug
            Get-PortalProposal -Id 1042, 2001 -Verbose -Debug
            Get-PortalProposal -Id 1042 | Get-PortalArea -Verbose -Debug
            $p = New-PortalProposal -Name 'Leak check' -SalesPersonId 77 -Verbose -Debug
            Add-PortalArea -ProposalId $p.Id -Name Den, Den -Verbose -Debug
            Add-PortalAreaOption -ProposalId 1043 -AreaId 5020 -Verbose -Debug
            Invoke-PortalRequest -Path /public/users -Verbose -Debug
            Invoke-PortalRequest -Method POST -Path /public/proposals/1043/area -Form @{ Name = 'x' } -Verbose -Debug
            New-PortalSignature -Method GET -Uri ($baseUri.AbsoluteUri + 'public/users') -Verbose -Debug | ForEach-Object { $_.CanonicalMessage }
            Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential ([pscredential]::new($userName, $wrongPassword)) -Verbose -Debug
            Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $wrongSecret -Credential $cred -Verbose -Debug
            Disconnect-Portal -Verbose
            }
            $output
            # What the console would show: the views of every object and the error records, rendered.
            $output | ForEach-Object { $_ | Out-String -Width 120 }
            $output | Format-List -Property * | Out-String -Width 250
            $Error | Out-String -Width 120
            $Error | Format-List -Property * -Force | Out-String -Width 250
            $Error | ForEach-Object { $_.Exception } | Format-List -Property * -Force | Out-String -Width 250
        ";

        [Fact]
        public void Nothing_secret_appears_anywhere()
        {
            using var rs = new ModuleRunspace();
            var user = _sandbox.User("demo");
            var run = rs.Run(Script, new Dictionary<string, object?>
            {
                ["userName"] = user.UserName,
                ["password"] = SandboxFixture.Secure(user.Password),
                ["wrongPassword"] = SandboxFixture.Secure("Wrong+P@ss-" + user.Password),
                ["baseUri"] = _sandbox.Server.BaseUri,
                ["appKey"] = _sandbox.Server.ApplicationKey,
                ["secret"] = SandboxFixture.Secure(_sandbox.Server.SecretKey),
                ["wrongSecret"] = SandboxFixture.Secure("wrong-" + _sandbox.Server.SecretKey),
            });

            // The run exercised success and failure paths, produced logs, and rendered objects and errors.
            var rendered = string.Concat(run.Output.Where(o => o.BaseObject is string).Select(o => (string)o.BaseObject));
            Assert.Matches(@"1042 Smith Residence AV\s+Draft", rendered);
            Assert.Contains("PortalIo.BadRequest", rendered);
            Assert.Contains("Recommendation: ", rendered);
            Assert.NotEmpty(run.Verbose);
            Assert.Contains(run.Debug, d => d.StartsWith("Canonical message:"));
            Assert.True(run.Errors.Count >= 5, "expected the failure paths to run; got " + run.Errors.Count + " errors");
            Assert.Contains(run.Verbose, v => v.Contains("apikeyexchange") && v.Contains("Password=***"));

            var session = rs.Run("$s").Objects<PortalSession>().Single();
            var userKey = SecretText.Reveal(session.UserKey);
            var forbidden = new[]
            {
                _sandbox.Server.SecretKey, userKey, user.Password,
                Uri.EscapeDataString(user.Password), user.Password.Replace("+", "%2B").Replace("@", "%40"),
            };
            var texts = run.AllText().ToList();
            Assert.True(texts.Count > 50);
            foreach (var text in texts)
            {
                foreach (var secret in forbidden)
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), "a secret appeared in: " + text);
                Assert.False(Base64Of32Bytes.IsMatch(text), "a 32-byte Base64 value (signature or key) appeared in: " + text);
            }
        }
    }
}
