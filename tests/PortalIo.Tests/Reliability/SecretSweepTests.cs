using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PortalIo.Sandbox;
using PortalIo.Session;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #5: every exported cmdlet, on its success and failure paths, with -Verbose and -Debug,
    /// leaks no secret into any stream, error record, object, formatted output or the session; and
    /// the password leaves the process only in the exchange query. A cmdlet added to the module
    /// without a script here fails the test.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class SecretSweepTests
    {
        private static readonly Regex Base64Token = new(@"[A-Za-z0-9+/]{43,}=", RegexOptions.Compiled);
        private readonly ITestOutputHelper _output;
        public SecretSweepTests(ITestOutputHelper output) => _output = output;

        /// <summary>
        /// Per cmdlet: a success path, then a failure path. $s is a good session, $bad one whose
        /// secret is wrong (every call fails with 401), $p a fresh proposal. Order matters: later
        /// scripts use what earlier ones made.
        /// </summary>
        private static readonly (string Cmdlet, string Success, string Failure)[] Scripts =
        {
            ("Connect-Portal", "$s = Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred -PassThru; $s; $s.ToString()",
                "Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $wrongCred ||| Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $wrongSecret -Credential $cred ||| Connect-Portal -BaseUri 'http://example.com/' -ApplicationKey $appKey -SecretKey $secret -Credential $cred ||| $bad = Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $wrongSecret -UserKey $userKey -PassThru -MaxRetries 0 ||| Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred"),
            ("Get-PortalSession", "Get-PortalSession | ForEach-Object { $_;$_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value } }", "$bad | ForEach-Object { $_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value } }"),
            ("Get-PortalUser", "Get-PortalUser", "Get-PortalUser -Session $bad"),
            ("Test-PortalConnection", "Test-PortalConnection; Test-PortalConnection -Quiet", "Test-PortalConnection -Session $bad; Test-PortalConnection -Session $bad -Quiet"),
            ("Get-PortalProposal", "Get-PortalProposal -First 3; Get-PortalProposal -Id 1042", "Get-PortalProposal -Id 999999; Get-PortalProposal -First 1 -Session $bad"),
            ("New-PortalProposal", "$p = New-PortalProposal -Name 'Leak sweep' -SalesPersonId 77; $p", "New-PortalProposal -Name x -SalesPersonId 999999; New-PortalProposal -Name x -SalesPersonId 77 -Session $bad"),
            ("Get-PortalArea", "Get-PortalArea -ProposalId 1042", "Get-PortalArea -ProposalId 999999; Get-PortalArea -ProposalId 1042 -Session $bad"),
            ("Add-PortalArea", "$a = Add-PortalArea -ProposalId $p.Id -Name Den; $a", "Add-PortalArea -ProposalId $p.Id -Name Den; Add-PortalArea -ProposalId 1043 -Name X; Add-PortalArea -ProposalId $p.Id -Name Y -Session $bad"),
            ("Add-PortalAreaOption", "$o = Add-PortalAreaOption -ProposalId $p.Id -AreaId $a.Id -ClientDescription Premium; $o", "Add-PortalAreaOption -ProposalId $p.Id -AreaId 999999; Add-PortalAreaOption -ProposalId $p.Id -AreaId $a.Id -Session $bad"),
            ("Get-PortalAreaOption", "Get-PortalAreaOption -ProposalId $p.Id", "Get-PortalAreaOption -ProposalId 999999; Get-PortalAreaOption -ProposalId $p.Id -Session $bad"),
            ("Set-PortalAreaOption", "Set-PortalAreaOption -ProposalId $p.Id -OptionId $o.Id -ClientDescription Better -InstallerNotes 'Gate code 1234'", "Set-PortalAreaOption -ProposalId $p.Id -OptionId 999999 -ClientDescription x; Set-PortalAreaOption -ProposalId $p.Id -OptionId $o.Id -ClientDescription x -Session $bad"),
            ("Set-PortalProposal", "Set-PortalProposal -Id $p.Id -Name 'Leak sweep 2' -Description d -InternalNotes n -PassThru", "Set-PortalProposal -Id 1043 -Name x; Set-PortalProposal -Id $p.Id -Name x -Session $bad"),
            ("Get-PortalContact", "$c = Get-PortalContact -First 1; $c; Get-PortalContact -Id $c.Id", "Get-PortalContact -Id 999999; Get-PortalContact -First 1 -Session $bad"),
            ("New-PortalContact", "$nc = New-PortalContact -FirstName Ada -LastName Sweep -PartyType Person -ContactType Client -ContactEmail 'ada@example.com'; $nc", "New-PortalContact -FirstName Ada -PartyType Person -ContactType Client -ContactEmail 'not an email'; New-PortalContact -FirstName Ada -PartyType Person -ContactType Client -Session $bad"),
            ("Get-PortalContactLocation", "$loc = Get-PortalContactLocation -ContactId $c.Id -First 1; $loc", "Get-PortalContactLocation -ContactId 999999; Get-PortalContactLocation -ContactId $c.Id -Session $bad"),
            ("New-PortalContactLocation", "$nl = New-PortalContactLocation -ContactId $nc.Id -Street '1 Main St' -City Springfield; $nl", "New-PortalContactLocation -ContactId 999999 -Street x; New-PortalContactLocation -ContactId $nc.Id -Street x -Session $bad"),
            ("Set-PortalProposalContact", "Set-PortalProposalContact -ProposalId $p.Id -ContactId $nc.Id", "Set-PortalProposalContact -ProposalId $p.Id -ContactId 999999; Set-PortalProposalContact -ProposalId $p.Id -ContactId $nc.Id -Session $bad"),
            ("Set-PortalProposalLocation", "Set-PortalProposalLocation -ProposalId $p.Id -LocationId $nl.Id", "Set-PortalProposalLocation -ProposalId $p.Id -LocationId 999999; Set-PortalProposalLocation -ProposalId $p.Id -LocationId $nl.Id -Session $bad"),
            ("Get-PortalChangeOrder", "Get-PortalChangeOrder -ProposalId 1043", "Get-PortalChangeOrder -ProposalId 999999; Get-PortalChangeOrder -ProposalId 1043 -Session $bad"),
            ("Find-PortalCatalogItem", "$item = Find-PortalCatalogItem -First 1; $item", "Find-PortalCatalogItem -First 1 -Session $bad"),
            ("Get-PortalCatalogItem", "Get-PortalCatalogItem -Id $item.Id -ExtendedDetails", "Get-PortalCatalogItem -Id 999999; Get-PortalCatalogItem -Id $item.Id -Session $bad"),
            ("Get-PortalCatalogCategory", "Get-PortalCatalogCategory", "Get-PortalCatalogCategory -Session $bad"),
            ("New-PortalWebhook", "$w = New-PortalWebhook -Url 'https://hooks.example.com/portal' -Event 'proposal.status_changed' -Description sweep; $w; $w.SecretKey", "New-PortalWebhook -Url 'http://127.0.0.1/x' -Event 'proposal.status_changed'; New-PortalWebhook -Url 'https://hooks.example.com/x' -Event 'proposal.status_changed' -Session $bad"),
            ("Get-PortalWebhook", "Get-PortalWebhook", "Get-PortalWebhook -Id 999999; Get-PortalWebhook -Session $bad"),
            ("Set-PortalWebhook", "Set-PortalWebhook -Id $w.Id -Description 'sweep 2'", "Set-PortalWebhook -Id 999999 -Description x; Set-PortalWebhook -Id $w.Id -Description x -Session $bad"),
            ("Remove-PortalWebhook", "Remove-PortalWebhook -Id $w.Id -Confirm:$false", "Remove-PortalWebhook -Id 999999 -Confirm:$false; Remove-PortalWebhook -Id 1 -Confirm:$false -Session $bad"),
            ("Test-PortalWebhookSignature", "Test-PortalWebhookSignature -Payload $hookBody -SignatureHeader $hookHeader -SecretKey $hookSecret",
                "Test-PortalWebhookSignature -Payload 'tampered' -SignatureHeader $hookHeader -SecretKey $hookSecret; Test-PortalWebhookSignature -Payload $hookBody -SignatureHeader 'garbage' -SecretKey $hookSecret; Test-PortalWebhookSignature -Payload $hookBody -SignatureHeader $hookHeader -SecretKey $secret"),
            ("Add-PortalAiContent", "$ai = Add-PortalAiContent -ProposalId $p.Id -Path $aiFile; $ai", "Add-PortalAiContent -ProposalId $p.Id -Path '/no/such/file.txt'; Add-PortalAiContent -ProposalId $p.Id -Path $aiFile -Session $bad"),
            ("Get-PortalAiContent", "Get-PortalAiContent -ProposalId $p.Id", "Get-PortalAiContent -ProposalId 999999; Get-PortalAiContent -ProposalId $p.Id -Session $bad"),
            ("Start-PortalAiOutline", "Start-PortalAiOutline -ProposalId $p.Id", "Start-PortalAiOutline -ProposalId 999999; Start-PortalAiOutline -ProposalId $p.Id -Session $bad"),
            ("Get-PortalAiOutline", "Get-PortalAiOutline -ProposalId $p.Id", "Get-PortalAiOutline -ProposalId 999999; Get-PortalAiOutline -ProposalId $p.Id -Session $bad"),
            ("Start-PortalAiBuild", "Start-PortalAiBuild -ProposalId $p.Id", "Start-PortalAiBuild -ProposalId 999999; Start-PortalAiBuild -ProposalId $p.Id -Session $bad"),
            ("Remove-PortalAiContent", "Remove-PortalAiContent -ProposalId $p.Id -ContentId $ai.Id -Confirm:$false", "Remove-PortalAiContent -ProposalId $p.Id -ContentId 999999 -Confirm:$false; Remove-PortalAiContent -ProposalId $p.Id -ContentId 1 -Confirm:$false -Session $bad"),
            ("Invoke-PortalRequest", "Invoke-PortalRequest -Path /public/users; Invoke-PortalRequest -Method POST -Path ('/public/proposals/' + $p.Id + '/area') -Form @{ Name = 'Raw' }",
                "Invoke-PortalRequest -Path /public/nothing; Invoke-PortalRequest -Method POST -Path /public/proposals/1043/area -Form @{ Name = 'x' }; Invoke-PortalRequest -Path /public/users -Session $bad"),
            ("New-PortalSignature", "New-PortalSignature -Method GET -Uri ($baseUri.AbsoluteUri + 'public/users') | ForEach-Object { $_.CanonicalMessage }",
                "New-PortalSignature -Method GET -Uri 'not a uri'; New-PortalSignature -Method POST -Uri ($baseUri.AbsoluteUri + 'public/users') -SecretKey $wrongSecret -UserKey $userKey | ForEach-Object { $_.CanonicalMessage }"),
            ("Start-PortalSandbox", "$sb = Start-PortalSandbox; $sb; $sb.ToString()", "Start-PortalSandbox -Port 1 -Latency ([timespan]::FromSeconds(-1)); Start-PortalSandbox -Data '/no/such/fixture.json'; Start-PortalSandbox -FaultKind Stall"),
            ("Get-PortalSandboxRequest", "$sbs = $sb | Connect-Portal -PassThru; Get-PortalUser -Session $sbs | Out-Null; Get-PortalSandboxRequest -Sandbox $sb | Format-List *; Get-PortalSandboxRequest | ConvertTo-Json -Depth 6",
                "Get-PortalSandboxRequest -Path '/public/[users'; Get-PortalSandboxRequest -Last 0"),
            ("Clear-PortalSandboxRequest", "Clear-PortalSandboxRequest -Sandbox $sb", "Clear-PortalSandboxRequest -Sandbox 42"),
            ("Set-PortalSandboxFault", "Set-PortalSandboxFault -Method GET -Path '/public/users' -Mode FailWithStatus -Status 401 -PassThru; Get-PortalUser -Session $sbs",
                "Set-PortalSandboxFault -Path '/public/users' -Mode Reset -Status 500; Set-PortalSandboxFault -Path '/public/[users' -Mode Reset"),
            ("Get-PortalSandboxFault", "Set-PortalSandboxFault -Path '/public/nothing' -Mode Stall; Get-PortalSandboxFault | Format-List *", "Get-PortalSandboxFault -Sandbox 42"),
            ("Clear-PortalSandboxFault", "Clear-PortalSandboxFault", "Clear-PortalSandboxFault -Sandbox 42"),
            ("Export-PortalSandboxData", "$exp = Join-Path ([IO.Path]::GetTempPath()) ('portalio-sweep-' + [guid]::NewGuid().ToString('N') + '.json'); Export-PortalSandboxData -Path $exp -PassThru; Get-Content -Raw $exp",
                "Export-PortalSandboxData -Path $exp -NoClobber; Export-PortalSandboxData -Path ($exp + '.psd1'); Remove-Item -LiteralPath $exp"),
            ("Add-PortalSandboxWebhookRoute", "$null = New-PortalWebhook -Url 'https://hooks.example.com/sweep' -Event proposal.status_changed -Session $sbs -WarningAction SilentlyContinue; Add-PortalSandboxWebhookRoute -HostName hooks.example.com -Target $sb.BaseUri",
                "Add-PortalSandboxWebhookRoute -HostName 'https://hooks.example.com/x' -Target $sb.BaseUri; Add-PortalSandboxWebhookRoute -HostName hooks.example.com -Target 'inbox'"),
            ("Set-PortalSandboxProposalStatus", "Set-PortalSandboxProposalStatus -ProposalId 1042 -Status Accepted", "Set-PortalSandboxProposalStatus -ProposalId 999999 -Status Accepted"),
            ("Set-PortalSandboxContact", "Set-PortalSandboxContact -ContactId 88 -Notes 'Sweep notes' -ContactEmail 'jane@example.com'", "Set-PortalSandboxContact -ContactId 999999 -Notes x; Set-PortalSandboxContact -ContactId 88"),
            ("Get-PortalSandboxWebhookDelivery", "Get-PortalSandboxWebhookDelivery -Wait | Format-List *; Get-PortalSandboxWebhookDelivery | ConvertTo-Json -Depth 5", "Get-PortalSandboxWebhookDelivery -TimeoutSec 0"),
            ("Add-PortalSandboxLineItem", "Get-PortalAreaOption -ProposalId 1052 -Session $sbs | Select-Object -First 1 | Add-PortalSandboxLineItem -CatalogItemId 8821",
                "Add-PortalSandboxLineItem -ProposalId 999999 -OptionId 1 -CatalogItemId 8821; Add-PortalSandboxLineItem -ProposalId 1052 -OptionId 1 -CatalogItemId 8821 -Quantity 0"),
            ("Remove-PortalSandboxWebhookRoute", "Remove-PortalSandboxWebhookRoute -HostName hooks.example.com", "Remove-PortalSandboxWebhookRoute -HostName hooks.example.com"),
            ("Reset-PortalSandbox", "Reset-PortalSandbox -Verbose", "Reset-PortalSandbox -Sandbox 42"),
            ("Stop-PortalSandbox", "$sb | Stop-PortalSandbox -Confirm:$false", "Stop-PortalSandbox -Sandbox $sb -Confirm:$false"),
            ("Disconnect-Portal", "Disconnect-Portal", "Disconnect-Portal; Get-PortalUser"),
        };

        private static string SweepScript(bool asFile) => string.Join("\n", Scripts.SelectMany(s => new[]
        {
            "'=== " + s.Cmdlet + " (success)'", Wrap(s.Success), "'=== " + s.Cmdlet + " (failure)'", Wrap(s.Failure),
        }));

        // Each step in its own try/catch so one terminating error does not hide the next cmdlet.
        private static string Wrap(string step) =>
            string.Join("\n", step.Split(new[] { "|||", "; " }, StringSplitOptions.None)
                .Select(part => "try { " + part.Trim() + " } catch { $_ }"));

        [Fact]
        public void No_cmdlet_leaks_a_secret_on_any_path_and_the_password_leaves_only_in_the_exchange_query()
        {
            var audit = new SignatureAudit();
            using var sandbox = SandboxServer.Start(new SandboxOptions { RequestObserver = audit.Observe });
            var user = Demo.User(sandbox);
            var userKey = Demo.UserKey(sandbox);
            var hookSecret = "whsec_" + Convert.ToBase64String(Encoding.ASCII.GetBytes("sweep-hook-secret-0123456789abcdef"));
            var hookBody = "{\"event\":\"proposal.status_changed\",\"data\":{\"id\":1042}}";
            var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(hookSecret));
            var hookHeader = "t=" + t + ",v1=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(t + "." + hookBody))).ToLowerInvariant();
            var aiFile = Path.Combine(Path.GetTempPath(), "portalio-sweep-" + Guid.NewGuid().ToString("N") + ".txt");
            File.WriteAllText(aiFile, "Living room: 4 speakers, one TV.");

            using var rs = new ModuleRunspace();
            var commands = rs.Run("Get-Command -Module PortalIo | ForEach-Object Name").Output.Select(o => o.ToString()).ToList();
            var missing = commands.Except(Scripts.Select(s => s.Cmdlet)).ToList();
            Assert.True(missing.Count == 0, "The sweep has no script for: " + string.Join(", ", missing) + ". Add its success and failure paths to SecretSweepTests.Scripts.");

            var vars = new Dictionary<string, object?>
            {
                ["baseUri"] = sandbox.BaseUri, ["appKey"] = sandbox.ApplicationKey,
                ["secret"] = SandboxFixture.Secure(sandbox.SecretKey), ["wrongSecret"] = SandboxFixture.Secure("wrong-" + sandbox.SecretKey),
                ["userKey"] = SandboxFixture.Secure(userKey),
                ["cred"] = new System.Management.Automation.PSCredential(user.UserName, SandboxFixture.Secure(user.Password)),
                ["wrongCred"] = new System.Management.Automation.PSCredential(user.UserName, SandboxFixture.Secure("Wrong+P@ss-" + user.Password)),
                ["hookBody"] = hookBody, ["hookHeader"] = hookHeader, ["hookSecret"] = SandboxFixture.Secure(hookSecret), ["aiFile"] = aiFile,
            };
            var run = rs.Run("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $ConfirmPreference = 'None'\n" + SweepScript(false), vars);
            var sessions = rs.Run("@($s, $bad) | Where-Object { $_ }").Objects<PortalSession>().ToList();

            // Formatted output: the same sweep in the real pwsh, where Out-Default renders the module's views.
            var shellScript = Path.Combine(Path.GetTempPath(), "portalio-sweep-" + Guid.NewGuid().ToString("N") + ".ps1");
            File.WriteAllText(shellScript, PwshPrologue(sandbox, user, userKey, hookSecret, hookBody, hookHeader, aiFile) + SweepScript(true));
            var shell = PwshRun.File(shellScript);
            File.Delete(shellScript);
            File.Delete(aiFile);

            var texts = run.AllText().ToList();
            foreach (var session in sessions)
            {
                texts.Add(session.ToString());
                foreach (var p in typeof(PortalSession).GetProperties()) texts.Add(p.Name + "=" + p.GetValue(session));
            }
            texts.Add(shell.StandardOutput);
            texts.Add(shell.StandardError);

            var signatures = audit.Signatures;
            var forbidden = new List<(string What, string Value)>
            {
                ("secret key", sandbox.SecretKey), ("user key", userKey), ("password", user.Password),
                ("password (URL-encoded)", Uri.EscapeDataString(user.Password)), ("webhook secret", hookSecret),
                ("exchange query", "Password=" + Uri.EscapeDataString(user.Password)),
            };
            forbidden.AddRange(signatures.Select(s => ("signature", s)));
            var found = new List<string>();
            foreach (var text in texts)
            {
                foreach (var (what, value) in forbidden)
                    if (text.Contains(value, StringComparison.Ordinal)) found.Add(what + " in: " + Excerpt(text, value));
                var token = Base64Token.Match(text);
                if (token.Success) found.Add("Base64 token in: " + Excerpt(text, token.Value));
            }

            // The password travels only in the exchange query; nothing else the sandbox saw carries it.
            var passwordForms = new[] { user.Password, Uri.EscapeDataString(user.Password), user.Password.Replace("+", "%2B").Replace("@", "%40") };
            var exchanges = 0;
            var passwordElsewhere = new List<string>();
            foreach (var r in audit.Requests)
            {
                var isExchange = r.Method == "GET" && r.RawUrl.StartsWith("/authenticate/apikeyexchange?", StringComparison.Ordinal);
                if (isExchange && passwordForms.Any(f => r.RawUrl.Contains(f, StringComparison.Ordinal))) exchanges++;
                var elsewhere = (isExchange ? "" : r.RawUrl) + "\n" + r.Body + "\n" + string.Join("\n", r.Headers.Select(h => h.Key + ": " + h.Value));
                if (passwordForms.Any(f => elsewhere.Contains(f, StringComparison.Ordinal))) passwordElsewhere.Add(r.ToString());
            }
            var exercised = Scripts.Select(s => s.Cmdlet).Distinct().Count();

            ReliabilityFigures.Report(_output, "secrets: sweep of every cmdlet",
                ("cmdlets in the module", commands.Count), ("cmdlets exercised (success and failure)", exercised),
                ("texts scanned (streams, records, objects, session)", texts.Count - 2), ("formatted output scanned (chars)", shell.All.Length),
                ("error records scanned", run.Errors.Count), ("verbose lines", run.Verbose.Count), ("debug lines", run.Debug.Count),
                ("requests the sandbox saw", audit.Requests.Count), ("signatures captured and searched for", signatures.Count),
                ("exchanges carrying the password in the query", exchanges), ("requests carrying the password elsewhere", passwordElsewhere.Count),
                ("secrets found", found.Count));
            foreach (var f in found.Take(20)) _output.WriteLine("FOUND: " + f);

            Assert.True(run.Errors.Count >= exercised, "expected the failure paths to fail; got " + run.Errors.Count + " errors");
            Assert.True(signatures.Count > 50);
            Assert.Contains(run.Verbose, v => v.Contains("apikeyexchange") && v.Contains("Password=***"));
            Assert.True(shell.StandardOutput.Contains("=== Disconnect-Portal (failure)"), "the shell run did not finish: " + shell.All.Substring(Math.Max(0, shell.All.Length - 2000)));
            Assert.True(found.Count == 0, string.Join("\n", found.Take(10)));
            Assert.True(exchanges >= 2);
            Assert.Empty(passwordElsewhere);
        }

        private static string PwshPrologue(SandboxServer sandbox, SandboxDemoUser user, string userKey, string hookSecret, string hookBody, string hookHeader, string aiFile)
        {
            static string Q(string s) => "'" + s.Replace("'", "''") + "'";
            static string Secure(string s) => "([System.Management.Automation.PSCredential]::new('x', (& { $ss = [securestring]::new(); foreach ($ch in " + Q(s) + ".ToCharArray()) { $ss.AppendChar($ch) }; $ss })).Password)";
            return "$ErrorActionPreference = 'Continue'; $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $ConfirmPreference = 'None'\n" +
                   "$baseUri = [uri]" + Q(sandbox.BaseUri.AbsoluteUri) + "; $appKey = " + Q(sandbox.ApplicationKey) + "\n" +
                   "$secret = " + Secure(sandbox.SecretKey) + "; $wrongSecret = " + Secure("wrong-" + sandbox.SecretKey) + "; $userKey = " + Secure(userKey) + "\n" +
                   "$cred = [pscredential]::new(" + Q(user.UserName) + ", " + Secure(user.Password) + ")\n" +
                   "$wrongCred = [pscredential]::new(" + Q(user.UserName) + ", " + Secure("Wrong+P@ss-" + user.Password) + ")\n" +
                   "$hookBody = " + Q(hookBody) + "; $hookHeader = " + Q(hookHeader) + "; $hookSecret = " + Secure(hookSecret) + "; $aiFile = " + Q(aiFile) + "\n";
        }

        private static string Excerpt(string text, string value)
        {
            var i = text.IndexOf(value, StringComparison.Ordinal);
            var start = Math.Max(0, i - 80);
            return text.Substring(start, Math.Min(text.Length - start, 200)).Replace(value, "<<" + (value.Length > 6 ? value.Substring(0, 6) : value) + "…>>");
        }
    }
}
