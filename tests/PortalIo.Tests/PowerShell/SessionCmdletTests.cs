using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PortalIo.Session;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    public class SessionCmdletTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _sandbox;

        public SessionCmdletTests(SandboxFixture sandbox) => _sandbox = sandbox;

        private Dictionary<string, object?> Keys(string? secret = null, string? password = null) => new()
        {
            ["baseUri"] = _sandbox.Server.BaseUri,
            ["appKey"] = _sandbox.Server.ApplicationKey,
            ["secret"] = SandboxFixture.Secure(secret ?? _sandbox.Server.SecretKey),
            ["cred"] = new PSCredential(_sandbox.Server.UserName, SandboxFixture.Secure(password ?? _sandbox.Server.Password)),
        };

        [Fact]
        public void Start_sandbox_pipes_into_connect_and_the_session_becomes_current()
        {
            using var rs = new ModuleRunspace();
            var run = rs.Run("$sb = Start-PortalSandbox; try { $sb | Connect-Portal -PassThru; Get-PortalSession; (Get-PortalUser).Count } finally { $sb | Stop-PortalSandbox }");
            Assert.Null(run.Terminating);
            Assert.Empty(run.Errors);
            var sessions = run.Objects<PortalSession>().ToList();
            Assert.Equal(2, sessions.Count);
            Assert.Same(sessions[0], sessions[1]);
            Assert.Equal("demo@portal.local", sessions[0].UserName);
            Assert.Equal("Custom", sessions[0].Environment);
            Assert.True((int)run.Output.Last().BaseObject >= 2);
        }

        [Fact]
        public void Disconnect_forgets_the_session_and_api_cmdlets_then_say_how_to_connect()
        {
            using var rs = new ModuleRunspace();
            rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred", Keys());
            var run = rs.Run("Disconnect-Portal; Get-PortalSession; Get-PortalUser");
            Assert.Empty(run.Output);
            var record = run.FirstError;
            Assert.StartsWith("PortalIo.NotConnected", record.FullyQualifiedErrorId);
            Assert.Contains("Connect-Portal", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Sessions_passed_with_session_work_side_by_side_without_a_current_one()
        {
            using var rs = new ModuleRunspace();
            var run = rs.Run("$s = Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred -PassThru; Disconnect-Portal; Get-PortalProposal -Id 1042 -Session $s", Keys());
            Assert.Empty(run.Errors);
            Assert.Equal(1042, run.Objects<PortalIo.Models.Proposal>().Single().Id);
        }

        [Fact]
        public void Current_sessions_are_per_runspace()
        {
            using var first = new ModuleRunspace();
            using var second = new ModuleRunspace();
            first.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred", Keys());
            Assert.Single(first.Run("Get-PortalSession").Output);
            Assert.Empty(second.Run("Get-PortalSession").Output);
        }

        [Theory]
        [InlineData("http://api.portal.io/")]
        [InlineData("http://10.0.0.5:8080/")]
        [InlineData("ftp://127.0.0.1/")]
        public void Plain_http_is_refused_except_on_loopback_before_any_request(string uri)
        {
            using var rs = new ModuleRunspace();
            var before = _sandbox.Server.RequestCount;
            var keys = Keys();
            keys["baseUri"] = new Uri(uri);
            var run = rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred", keys);
            var record = run.FirstError;
            Assert.StartsWith("PortalIo.InvalidArgument", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            Assert.Contains("-BaseUri", record.Exception.Message);
            Assert.Equal(before, _sandbox.Server.RequestCount);
        }

        [Fact]
        public void Environment_and_base_uri_together_are_refused()
        {
            using var rs = new ModuleRunspace();
            var run = rs.Run("Connect-Portal -Environment Sandbox -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred", Keys());
            Assert.StartsWith("PortalIo.InvalidArgument", run.FirstError.FullyQualifiedErrorId);
        }

        [Fact]
        public void Wrong_secret_is_a_signature_error_with_the_checklist()
        {
            using var rs = new ModuleRunspace();
            var run = rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred", Keys(secret: "wrong-secret"));
            var record = run.FirstError;
            Assert.StartsWith("PortalIo.SignatureInvalid", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
            // No request had passed yet: the keys, not the clock or the content type, are the likely cause.
            Assert.Contains("secret key", record.ErrorDetails.RecommendedAction);
            Assert.DoesNotContain("clock", record.ErrorDetails.RecommendedAction);
            Assert.Contains("signature (hash) is invalid", record.ErrorDetails.Message);
        }

        [Fact]
        public void Wrong_password_is_unauthorized_and_never_echoed()
        {
            using var rs = new ModuleRunspace();
            var run = rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred -Verbose -Debug", Keys(password: "Wrong+P@ssword!"));
            var record = run.FirstError;
            Assert.StartsWith("PortalIo.Unauthorized", record.FullyQualifiedErrorId);
            Assert.Contains("password", record.ErrorDetails.RecommendedAction);
            Assert.All(run.AllText(), t => Assert.DoesNotContain("Wrong+P@ssword", t));
            Assert.All(run.AllText(), t => Assert.DoesNotContain("Wrong%2BP%40ssword", t));

            // Nor in the error as the console shows it, or as Get-Error digs into it.
            var shown = rs.Run("$Error[0] | Out-String -Width 120; Get-Error -Newest 1 | Out-String -Width 250");
            Assert.Empty(shown.Errors);
            var rendered = string.Concat(shown.Output.Select(o => o.ToString()));
            Assert.Contains("401 Unauthorized", rendered);
            Assert.Contains("PortalIo.Unauthorized", rendered);
            Assert.Contains("Password=***", rendered);
            Assert.DoesNotContain("Wrong+P@ssword", rendered);
            Assert.DoesNotContain("Wrong%2BP%40ssword", rendered);
        }

        [Fact]
        public void User_key_parameter_set_connects_without_an_exchange()
        {
            using var rs = new ModuleRunspace();
            var first = rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred -PassThru", Keys());
            var userKey = first.Objects<PortalSession>().Single().UserKey;
            var keys = Keys();
            keys["userKey"] = userKey;
            var before = _sandbox.Server.RequestLog.Count(r => r.Path.Contains("apikeyexchange"));
            var run = rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -UserKey $userKey -PassThru; (Get-PortalProposal -Id 1042).Name", keys);
            Assert.Empty(run.Errors);
            Assert.Equal("Smith Residence AV", run.Output.Last().ToString());
            Assert.Null(run.Objects<PortalSession>().Single().UserName);
            Assert.Equal(before, _sandbox.Server.RequestLog.Count(r => r.Path.Contains("apikeyexchange")));
        }
    }
}
