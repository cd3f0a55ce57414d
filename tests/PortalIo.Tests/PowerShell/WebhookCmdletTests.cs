using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text;
using PortalIo.Models;
using PortalIo.Sandbox;
using PortalIo.Session;
using PortalIo.Webhooks;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    public class WebhookCmdletTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly SandboxFixture _sandbox;
        private readonly ConnectedRunspace _ps;

        public WebhookCmdletTests(SandboxFixture sandbox)
        {
            _sandbox = sandbox;
            _ps = new ConnectedRunspace(sandbox.Server);
        }

        public void Dispose() => _ps.Dispose();


        private static string UniqueUrl() => "https://hooks.example.com/portal/" + Guid.NewGuid().ToString("N");

        private Webhook Create(string url, string events = "proposal.status_changed")
        {
            var run = _ps.Run("New-PortalWebhook -Url '" + url + "' -Event " + events + " -Description 'Test hook'");
            Assert.Empty(run.Errors);
            return Assert.Single(run.Objects<Webhook>());
        }

        [Fact]
        public void New_returns_the_secret_only_as_a_secure_string_and_warns_to_store_it()
        {
            var url = UniqueUrl();
            var run = _ps.Run("$hook = New-PortalWebhook -Url '" + url + "' -Event proposal.status_changed, ProposalBuildStatusChanged -Description 'Prod'; $hook");
            Assert.Empty(run.Errors);
            var hook = Assert.Single(run.Objects<Webhook>());
            Assert.True(hook.SubscriptionId > 0);
            Assert.Equal(hook.SubscriptionId, hook.Id);
            Assert.Equal((url, "Prod", true), (hook.Url, hook.Description, hook.Enabled));
            Assert.Equal(new[] { "proposal.status_changed", "proposal.build.status_update" }, hook.Events);
            Assert.IsType<SecureString>(hook.SecretKey);
            var secret = SecretText.Reveal(hook.SecretKey!);
            Assert.StartsWith("whsec_", secret);
            Assert.Null(hook.AdditionalProperties?.Keys.FirstOrDefault(k => k.Equals("secretKey", StringComparison.OrdinalIgnoreCase)));

            var warning = Assert.Single(run.Warnings);
            Assert.Contains("Store the secret key", warning);
            Assert.Contains("only at creation", warning);
            // The secret appears nowhere: not in any stream, property text, rendered view or ToString.
            Assert.DoesNotContain(run.AllText(), t => t.Contains(secret));
            var shown = _ps.Run("$hook | Out-String -Width 120; $hook | Format-List | Out-String -Width 120; " +
                                "$hook | Format-List -Property * | Out-String -Width 250; $hook | ConvertTo-Json; $hook.ToString(); \"$hook\"");
            Assert.Empty(shown.Errors);
            var rendered = string.Concat(shown.Output.Select(o => o.ToString()));
            Assert.Contains(url, rendered);
            Assert.Matches(@"HasSecretKey\s+: True", rendered);
            Assert.Matches(@"SecretKey\s+: System.Security.SecureString", rendered);
            Assert.DoesNotContain(secret, rendered);
        }

        [Fact]
        public void Events_are_sent_as_repeated_keys_by_default_and_comma_separated_on_request()
        {
            List<SandboxRequestRecord> requests = new();
            requests = _sandbox.Server.During(() => Create(UniqueUrl(), "proposal.status_changed, proposal.outline.status_update"));
            var body = requests.Single(r => r.Method == "POST").Body;
            Assert.Contains("Events=proposal.status_changed&Events=proposal.outline.status_update", body);
            Assert.Equal("application/x-www-form-urlencoded", requests.Single(r => r.Method == "POST").ContentType);

            var hooks = new List<Webhook>();
            requests = _sandbox.Server.During(() => hooks = _ps.Run("New-PortalWebhook -Url '" + UniqueUrl() +
                "' -Event ProposalStatusChanged, ProposalOutlineStatusChanged -EventEncoding CommaSeparated").Objects<Webhook>().ToList());
            Assert.Contains("Events=ProposalStatusChanged%2CProposalOutlineStatusChanged", requests.Single(r => r.Method == "POST").Body);
            Assert.Equal(new[] { "proposal.status_changed", "proposal.outline.status_update" }, Assert.Single(hooks).Events);
        }

        [Theory]
        [InlineData("http://hooks.example.com/portal", "https")]
        [InlineData("hooks.example.com/portal", "absolute")]
        [InlineData("https://localhost/portal", "publicly routable")]
        [InlineData("https://127.0.0.1/portal", "loopback")]
        [InlineData("https://10.1.2.3/portal", "private")]
        [InlineData("https://192.168.1.10/portal", "private")]
        [InlineData("https://172.20.0.1/portal", "private")]
        [InlineData("https://169.254.169.254/latest", "link-local")]
        [InlineData("https://[::1]/portal", "loopback")]
        [InlineData("https://[fe80::1]/portal", "link-local")]
        [InlineData("https://intranet/portal", "publicly routable")]
        public void Urls_that_break_the_documented_rule_are_refused_before_any_request(string url, string reason)
        {
            var requests = _sandbox.Server.During(() =>
            {
                var run = _ps.Run("New-PortalWebhook -Url '" + url + "' -Event proposal.status_changed");
                var record = Assert.Single(run.Errors);
                Assert.StartsWith("PortalIo.InvalidArgument", record.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
                Assert.Contains(reason, record.Exception.Message);
                Assert.Equal(url, record.TargetObject);
                Assert.Empty(run.Output);
            });
            Assert.Empty(requests);
        }

        [Fact]
        public void An_unknown_event_is_a_bad_request_with_the_known_names()
        {
            var run = _ps.Run("New-PortalWebhook -Url '" + UniqueUrl() + "' -Event proposal.deleted");
            var record = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.BadRequest", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            Assert.Contains("proposal.build.status_update", record.ErrorDetails.RecommendedAction);
            Assert.Empty(run.Warnings);
        }

        [Fact]
        public void Get_lists_the_subscriptions_without_secrets()
        {
            var hook = Create(UniqueUrl());
            var run = _ps.Run("Get-PortalWebhook");
            Assert.Empty(run.Errors);
            var listed = run.Objects<Webhook>().Single(w => w.Id == hook.Id);
            Assert.Equal(hook.Url, listed.Url);
            Assert.False(listed.HasSecretKey);
            Assert.Equal(hook.Id, Assert.Single(_ps.Run("Get-PortalWebhook -Id " + hook.Id).Objects<Webhook>()).Id);
        }

        [Fact]
        public void Set_changes_only_the_given_values_and_binds_from_the_pipeline()
        {
            var hook = Create(UniqueUrl());
            var newUrl = UniqueUrl();
            var run = _ps.Run("Get-PortalWebhook -Id " + hook.Id + " | Set-PortalWebhook -Enabled $false -Url '" + newUrl + "' -Event proposal.build.status_update");
            Assert.Empty(run.Errors);
            var updated = Assert.Single(run.Objects<Webhook>());
            Assert.Equal((hook.Id, newUrl, false, "Test hook"), (updated.Id, updated.Url, updated.Enabled, updated.Description));
            Assert.Equal(new[] { "proposal.build.status_update" }, updated.Events);

            var again = _ps.Run("Set-PortalWebhook -Id " + hook.Id + " -Enabled $true").Objects<Webhook>().Single();
            Assert.True(again.Enabled);
            Assert.Equal(newUrl, again.Url);
        }

        [Fact]
        public void Set_without_a_change_or_with_a_bad_url_is_refused_before_any_request()
        {
            var hook = Create(UniqueUrl());
            var requests = _sandbox.Server.During(() =>
            {
                var none = _ps.Run("Set-PortalWebhook -Id " + hook.Id);
                var record = Assert.Single(none.Errors);
                Assert.StartsWith("PortalIo.InvalidArgument", record.FullyQualifiedErrorId);
                Assert.Contains("at least one of -Url, -Event, -Enabled or -Description", record.Exception.Message);
                var badUrl = _ps.Run("Set-PortalWebhook -Id " + hook.Id + " -Url 'http://hooks.example.com/x'");
                Assert.StartsWith("PortalIo.InvalidArgument", Assert.Single(badUrl.Errors).FullyQualifiedErrorId);
            });
            Assert.Empty(requests);
        }

        [Fact]
        public void Set_and_remove_of_an_unknown_id_are_bad_requests_not_not_found()
        {
            foreach (var script in new[] { "Set-PortalWebhook -Id 987654 -Enabled $false", "Remove-PortalWebhook -Id 987654 -Confirm:$false" })
            {
                var record = Assert.Single(_ps.Run(script).Errors);
                Assert.StartsWith("PortalIo.BadRequest", record.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
                Assert.Equal(987654L, record.TargetObject);
                Assert.Contains("Get-PortalWebhook", record.ErrorDetails.RecommendedAction);
            }
        }

        [Fact]
        public void Remove_binds_from_the_pipeline_and_deletes()
        {
            var hook = Create(UniqueUrl());
            var run = _ps.Run("Get-PortalWebhook -Id " + hook.Id + " | Remove-PortalWebhook -Confirm:$false");
            Assert.Empty(run.Errors);
            Assert.Empty(run.Output);
            Assert.DoesNotContain(_ps.Run("Get-PortalWebhook").Objects<Webhook>(), w => w.Id == hook.Id);
        }

        [Fact]
        public void Remove_has_high_confirm_impact()
        {
            var info = _ps.Run("(Get-Command Remove-PortalWebhook).ImplementingType").Output.Single().BaseObject as Type;
            var attribute = (CmdletAttribute)Attribute.GetCustomAttribute(info!, typeof(CmdletAttribute))!;
            Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
        }

        [Theory]
        [InlineData("New-PortalWebhook -Url 'https://hooks.example.com/whatif' -Event proposal.status_changed -WhatIf")]
        [InlineData("Set-PortalWebhook -Id 1 -Enabled $false -WhatIf")]
        [InlineData("Remove-PortalWebhook -Id 1 -WhatIf")]
        public void WhatIf_sends_nothing(string script)
        {
            var requests = _sandbox.Server.During(() => Assert.Empty(_ps.Run(script).Errors));
            Assert.Empty(requests);
        }

        [Fact]
        public void Writes_need_permission_and_an_active_subscription()
        {
            using var readOnly = new ConnectedRunspace(_sandbox.Server, "readonly");
            var forbidden = Assert.Single(readOnly.Run("New-PortalWebhook -Url '" + UniqueUrl() + "' -Event proposal.status_changed").Errors);
            Assert.StartsWith("PortalIo.Forbidden", forbidden.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, forbidden.CategoryInfo.Category);

            using var lapsed = new ConnectedRunspace(_sandbox.Server, "lapsed");
            var payment = Assert.Single(lapsed.Run("Get-PortalWebhook").Errors);
            Assert.StartsWith("PortalIo.PaymentRequired", payment.FullyQualifiedErrorId);
        }

        [Fact]
        public void Event_names_complete_with_the_documented_ones()
        {
            var type = (Type)_ps.Run("(Get-Command New-PortalWebhook).ImplementingType").Output.Single().BaseObject;
            var attribute = (ArgumentCompleterAttribute)Attribute.GetCustomAttribute(type.GetProperty("Event")!, typeof(ArgumentCompleterAttribute))!;
            var completer = (IArgumentCompleter)Activator.CreateInstance(attribute.Type!)!;
            var matches = completer.CompleteArgument("New-PortalWebhook", "Event", "proposal.b", null!, new System.Collections.Hashtable())
                .Select(c => c.CompletionText).ToList();
            Assert.Equal(new[] { "'proposal.build.status_update'" }, matches);
            Assert.Equal(WebhookEvents.Known.Count, completer.CompleteArgument("New-PortalWebhook", "Event", "", null!, new System.Collections.Hashtable()).Count());
        }

        // Test-PortalWebhookSignature

        private const string Body = "{\"id\":\"evt_abc123\",\"type\":\"proposal.status_changed\",\"created\":\"2026-04-06T00:22:19Z\",\"data\":{}}";
        private const string Expected = "19ec6eb6a88b60b6645eea9eaa08cfee71f2bfdb377e8e7909a3495206d02b47";

        private PowerShellRun Test(string arguments, string body = Body, string secret = "whsec_example") =>
            _ps.Run("Test-PortalWebhookSignature -Payload $body -SecretKey $secret " + arguments, new Dictionary<string, object?>
            {
                ["body"] = body,
                ["secret"] = SandboxFixture.Secure(secret),
            });

        [Fact]
        public void Signature_known_answer_is_valid_within_a_tolerance_and_a_replay_outside_it()
        {
            var header = "-SignatureHeader 't=1710000000,v1=" + Expected + "'";
            var old = Test(header);
            Assert.Empty(old.Errors);
            Assert.False((bool)old.Output.Single().BaseObject);
            var generous = Test(header + " -Tolerance ([timespan]::FromDays(36500)) -Verbose");
            Assert.True((bool)generous.Output.Single().BaseObject);
            Assert.Contains(generous.Verbose, v => v.Contains("valid"));
        }

        [Fact]
        public void Signature_of_a_fresh_delivery_as_string_or_bytes_is_valid_and_tampering_is_not()
        {
            var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            var v1 = WebhookSignatureVerifier.ComputeSignatureHex("whsec_live", t, Encoding.UTF8.GetBytes(Body));
            var header = "-SignatureHeader 't=" + t + ",v1=" + v1.ToUpperInvariant() + "'";
            Assert.True((bool)Test(header, secret: "whsec_live").Output.Single().BaseObject);
            var bytes = _ps.Run("Test-PortalWebhookSignature -Payload ([System.Text.Encoding]::UTF8.GetBytes($body)) -SecretKey $secret " + header,
                new Dictionary<string, object?> { ["body"] = Body, ["secret"] = SandboxFixture.Secure("whsec_live") });
            Assert.True((bool)bytes.Output.Single().BaseObject);

            var tampered = Test(header + " -Verbose", body: Body.Replace("abc123", "abc124"), secret: "whsec_live");
            Assert.False((bool)tampered.Output.Single().BaseObject);
            Assert.Contains(tampered.Verbose, v => v.Contains("does not match"));
            Assert.False((bool)Test(header, secret: "whsec_wrong").Output.Single().BaseObject);
        }

        [Fact]
        public void A_bare_number_for_Tolerance_counts_seconds_not_ticks()
        {
            // Eight minutes old: outside the default five minutes, inside ten.
            var t = DateTimeOffset.UtcNow.AddMinutes(-8).ToUnixTimeSeconds().ToString();
            var v1 = WebhookSignatureVerifier.ComputeSignatureHex("whsec_live", t, Encoding.UTF8.GetBytes(Body));
            var header = "-SignatureHeader 't=" + t + ",v1=" + v1 + "'";
            Assert.False((bool)Test(header, secret: "whsec_live").Output.Single().BaseObject);
            Assert.True((bool)Test(header + " -Tolerance 600", secret: "whsec_live").Output.Single().BaseObject);
            Assert.True((bool)Test(header + " -Tolerance '600'", secret: "whsec_live").Output.Single().BaseObject);
            Assert.False((bool)Test(header + " -Tolerance 300", secret: "whsec_live").Output.Single().BaseObject);
        }

        [Fact]
        public void A_malformed_header_is_an_error_that_says_what_is_wrong()
        {
            var run = Test("-SignatureHeader 'v1=" + Expected + "'");
            var record = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.InvalidArgument", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            Assert.Contains("no timestamp", record.Exception.Message);
            Assert.False((bool)run.Output.Single().BaseObject);
        }

        [Fact]
        public void A_sandbox_delivery_verifies_with_the_secret_from_new_webhook()
        {
            var host = "receiver-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".example.com";
            // The sandbox delivers to itself (no route there: 404), which records the signed attempt.
            _sandbox.Server.RouteWebhookHost(host, new Uri(_sandbox.Server.BaseUri, "webhook-receiver"));
            var hook = Create("https://" + host + "/portal");
            _sandbox.Server.SetProposalStatus(SandboxSeed.ViewedByClientProposalId, "Accepted");
            SandboxWebhookDelivery? delivery = null;
            for (var i = 0; i < 100 && delivery == null; i++)
            {
                delivery = _sandbox.Server.WebhookDeliveries.FirstOrDefault(d => d.SubscriptionId == hook.Id);
                if (delivery == null) System.Threading.Thread.Sleep(100);
            }
            Assert.NotNull(delivery);
            var variables = new Dictionary<string, object?>
            {
                ["body"] = delivery!.Body,
                ["header"] = delivery.SignatureHeader,
                ["hook"] = hook,
            };
            var run = _ps.Run("Test-PortalWebhookSignature -Payload $body -SignatureHeader $header -SecretKey $hook.SecretKey", variables);
            Assert.Empty(run.Errors);
            Assert.True((bool)run.Output.Single().BaseObject);
            variables["body"] = delivery.Body.Replace("Accepted", "Declined");
            Assert.False((bool)_ps.Run("Test-PortalWebhookSignature -Payload $body -SignatureHeader $header -SecretKey $hook.SecretKey", variables).Output.Single().BaseObject);
        }
    }
}
