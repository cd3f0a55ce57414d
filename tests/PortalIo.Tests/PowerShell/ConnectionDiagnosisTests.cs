using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.Sandbox;
using PortalIo.Session;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>Test-PortalConnection and the 401 diagnosis: each fault gets its own message and fix.</summary>
    public class ConnectionDiagnosisTests
    {
        private static Dictionary<string, object?> Keys(SandboxServer sandbox, string? secret = null) => new()
        {
            ["baseUri"] = sandbox.BaseUri,
            ["appKey"] = sandbox.ApplicationKey,
            ["secret"] = SandboxFixture.Secure(secret ?? sandbox.SecretKey),
            ["cred"] = new PSCredential(sandbox.UserName, SandboxFixture.Secure(sandbox.Password)),
        };

        /// <summary>Connects properly once, then again with -UserKey and the given secret (as a runbook would after a rotation).</summary>
        private static ModuleRunspace ConnectWithUserKey(SandboxServer sandbox, string secret)
        {
            var rs = new ModuleRunspace();
            var first = rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred -PassThru", Keys(sandbox));
            var keys = Keys(sandbox, secret);
            keys["userKey"] = first.Objects<PortalSession>().Single().UserKey;
            var run = rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -UserKey $userKey", keys);
            Assert.Empty(run.Errors);
            return rs;
        }

        private static Dictionary<string, ConnectionCheck> Checks(ModuleRunspace rs)
        {
            var run = rs.Run("Test-PortalConnection");
            Assert.Empty(run.Errors);
            return run.Objects<ConnectionCheck>().ToDictionary(c => c.Name);
        }

        [Fact]
        public void A_healthy_session_passes_every_check()
        {
            using var sandbox = SandboxServer.Start();
            using var rs = ConnectWithUserKey(sandbox, sandbox.SecretKey);
            var checks = Checks(rs);
            Assert.Equal(new[] { "Reachability", "Clock", "Signature", "Subscription", "Permissions" }, checks.Keys);
            Assert.All(checks.Values, c => Assert.Equal(CheckStatus.Passed, c.Status));
            Assert.Equal(true, rs.Run("Test-PortalConnection -Quiet").Output.Single().BaseObject);
        }

        [Fact]
        public void A_wrong_secret_fails_the_signature_check_with_the_keys_to_check()
        {
            using var sandbox = SandboxServer.Start();
            using var rs = ConnectWithUserKey(sandbox, "rotated-" + sandbox.SecretKey);
            var checks = Checks(rs);
            Assert.Equal(CheckStatus.Passed, checks["Clock"].Status);
            Assert.Equal(CheckStatus.Failed, checks["Signature"].Status);
            Assert.Contains("secret key", checks["Signature"].Fix);
            Assert.Equal(CheckStatus.Skipped, checks["Subscription"].Status);

            var call = rs.Run("Get-PortalUser");
            Assert.StartsWith("PortalIo.SignatureInvalid", call.FirstError.FullyQualifiedErrorId);
            Assert.Contains("secret key", call.FirstError.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void A_skewed_clock_is_named_with_its_size()
        {
            using var sandbox = SandboxServer.Start();
            using var rs = ConnectWithUserKey(sandbox, sandbox.SecretKey);
            sandbox.ClockOffset = TimeSpan.FromMinutes(-10);
            var checks = Checks(rs);
            Assert.Equal(CheckStatus.Failed, checks["Clock"].Status);
            Assert.Matches(@"clock is 10 min \d+ s ahead of the server's", checks["Clock"].Detail);
            Assert.Equal(CheckStatus.Failed, checks["Signature"].Status);
            Assert.Contains("Fix the clock first", checks["Signature"].Fix);

            var call = rs.Run("Get-PortalUser");
            Assert.StartsWith("PortalIo.", call.FirstError.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, call.FirstError.CategoryInfo.Category);
            Assert.Contains("synchronize the clock", call.FirstError.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void An_inactive_subscription_is_diagnosed_as_such()
        {
            using var sandbox = SandboxServer.Start();
            using var rs = new ModuleRunspace();
            var lapsed = sandbox.DemoUsers.First(u => u.UserName.StartsWith("lapsed"));
            var keys = Keys(sandbox);
            keys["cred"] = new PSCredential(lapsed.UserName, SandboxFixture.Secure(lapsed.Password));
            rs.Run("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred", keys);
            var checks = Checks(rs);
            Assert.Equal(CheckStatus.Passed, checks["Signature"].Status);
            Assert.Equal(CheckStatus.Failed, checks["Subscription"].Status);
            Assert.Contains("representative", checks["Subscription"].Fix);
            Assert.Equal(false, rs.Run("Test-PortalConnection -Quiet").Output.Single().BaseObject);
        }

        [Fact]
        public void An_unreachable_server_fails_reachability_and_skips_the_rest()
        {
            using var sandbox = SandboxServer.Start();
            using var rs = ConnectWithUserKey(sandbox, sandbox.SecretKey);
            var session = rs.Run("Get-PortalSession").Objects<PortalSession>().Single();
            sandbox.Stop();
            var checks = Checks(rs);
            Assert.Equal(CheckStatus.Failed, checks["Reachability"].Status);
            Assert.Contains("proxy", checks["Reachability"].Fix);
            Assert.All(checks.Values.Skip(1), c => Assert.Equal(CheckStatus.Skipped, c.Status));
        }

        [Fact]
        public void A_post_refused_after_gets_passed_points_at_the_content_type()
        {
            var ex = new PortalIo.Http.PortalApiException(PortalIo.Http.PortalErrorKind.HttpStatus, 401,
                "You are not authorized. Your request signature (hash) is invalid.", "POST", "https://api.portal.io/public/proposals");
            typeof(PortalIo.Http.PortalApiException).GetProperty("EarlierGetSucceeded")!.SetValue(ex, true);
            Assert.Contains("Content-Type", PortalIo.PowerShell.Errors.ErrorRecordFactory.DiagnoseUnauthorized(ex));
        }
    }
}
