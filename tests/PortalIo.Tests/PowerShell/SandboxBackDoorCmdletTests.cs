using System;
using System.Linq;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.PowerShell.LocalSandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// The changes the public API cannot make (Set-PortalSandboxProposalStatus, Add-PortalSandboxLineItem,
    /// Set-PortalSandboxContact), webhook routes to a local listener, and Get-PortalSandboxWebhookDelivery.
    /// </summary>
    public class SandboxBackDoorCmdletTests : IDisposable
    {
        private readonly ModuleRunspace _ps = new ModuleRunspace();

        public SandboxBackDoorCmdletTests()
        {
            var start = _ps.Run("$sandbox = Start-PortalSandbox; $sandbox | Connect-Portal; $p = New-PortalProposal -Name 'Back door' -SalesPersonId 77");
            Assert.True(start.Errors.Count == 0 && start.Terminating == null, start.Terminating?.Message ?? string.Join("; ", start.Errors));
        }

        public void Dispose()
        {
            _ps.Run("Stop-PortalSandbox");
            _ps.Dispose();
        }

        private PowerShellRun Run(string script, System.Collections.Generic.IDictionary<string, object?>? variables = null)
        {
            var run = _ps.Run(script, variables);
            Assert.True(run.Terminating == null && run.Errors.Count == 0, run.Terminating?.Message ?? string.Join("; ", run.Errors));
            return run;
        }

        [Fact]
        public void The_client_accepts_a_proposal_and_changes_then_answer_conflict()
        {
            var run = _ps.Run("$p | Set-PortalSandboxProposalStatus -Status Accepted; (Get-PortalProposal -Id $p.Id).Status; Add-PortalArea -ProposalId $p.Id -Name Late");
            Assert.Equal("Accepted", run.Output.Single().BaseObject);
            Assert.StartsWith("PortalIo.Conflict", Assert.Single(run.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void An_unknown_proposal_is_that_inputs_error_naming_ProposalId_and_the_others_go_on()
        {
            var run = _ps.Run("999999, $p.Id | ForEach-Object { [pscustomobject]@{ ProposalId = $_ } } | Set-PortalSandboxProposalStatus -Status Declined; (Get-PortalProposal -Id $p.Id).Status");
            var error = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Equal("ProposalId", ((ArgumentException)error.Exception).ParamName);
            Assert.Contains("999999", error.ErrorDetails.Message);
            Assert.DoesNotContain("(Parameter", error.ErrorDetails.Message);
            Assert.Equal("Declined", run.Output.Single().BaseObject);
        }

        [Fact]
        public void A_line_item_is_added_to_an_option_from_the_pipeline_and_counts_in_the_total()
        {
            var run = Run("$o = Add-PortalArea -ProposalId $p.Id -Name Den | Get-PortalAreaOption; $o | Add-PortalSandboxLineItem -CatalogItemId 8821 -Quantity 2; " +
                          "$item = (Get-PortalAreaOption -ProposalId $p.Id).Items; $item.ReferencedItemId; $item.Quantity; (Get-PortalProposal -Id $p.Id).Total -gt 0");
            Assert.Equal(new object[] { 8821, 2m, true }, run.Output.Select(o => o.BaseObject));

            var refused = _ps.Run("Add-PortalSandboxLineItem -ProposalId $p.Id -OptionId $o.Id -CatalogItemId 99999999").FirstError;
            Assert.Equal("CatalogItemId", ((ArgumentException)refused.Exception).ParamName);
        }

        [Fact]
        public void A_contact_change_of_several_fields_is_one_save_and_one_event()
        {
            using var receiver = new LoopbackReceiver(200);
            var run = Run("New-PortalWebhook -Url 'https://hooks.example.com/people' -Event PersonModification -WarningAction SilentlyContinue | Out-Null; " +
                          "Add-PortalSandboxWebhookRoute -HostName hooks.example.com -Target $target; " +
                          "Get-PortalContact -Id 88 | Set-PortalSandboxContact -FirstName Janet -ContactType Employee; " +
                          "(Get-PortalContact -Id 88).FirstName; (Get-PortalContact -Id 88).ContactType; Get-PortalSandboxWebhookDelivery -EventType personmod* -Wait",
                new System.Collections.Generic.Dictionary<string, object?> { ["target"] = receiver.Address });
            Assert.Equal(new object[] { "Janet", "Employee" }, run.Output.Take(2).Select(o => o.BaseObject));
            var delivery = run.Objects<PortalSandboxWebhookDelivery>().Single();
            Assert.Equal(("PersonModification", true, 200, 1), (delivery.EventType, delivery.Succeeded, delivery.StatusCode, delivery.AttemptCount));
            Assert.Equal(new Uri(receiver.Address, "/people"), delivery.DeliveredTo);
            Assert.Contains("Janet", delivery.Body);
            var received = Assert.Single(receiver.Received);
            Assert.Equal("/people", received.Path);
        }

        [Fact]
        public void A_contact_change_needs_a_field_and_checks_the_contact()
        {
            var none = _ps.Run("Set-PortalSandboxContact -ContactId 88").FirstError;
            Assert.StartsWith("PortalIo.InvalidArgument", none.FullyQualifiedErrorId);
            Assert.Contains("-LastName", none.ErrorDetails.Message);
            var unknown = _ps.Run("Set-PortalSandboxContact -ContactId 999999 -Notes x").FirstError;
            Assert.Equal("ContactId", ((ArgumentException)unknown.Exception).ParamName);
        }

        [Fact]
        public void A_failed_delivery_shows_its_answer_and_the_retry_to_come()
        {
            using var receiver = new LoopbackReceiver(500);
            var deliveries = Run("New-PortalWebhook -Url 'https://hooks.example.com/status' -Event proposal.status_changed -WarningAction SilentlyContinue | Out-Null; " +
                                 "Add-PortalSandboxWebhookRoute hooks.example.com $target; Set-PortalSandboxProposalStatus $p.Id Accepted; Get-PortalSandboxWebhookDelivery -Wait",
                new System.Collections.Generic.Dictionary<string, object?> { ["target"] = receiver.Address }).Objects<PortalSandboxWebhookDelivery>().ToList();
            var delivery = Assert.Single(deliveries);
            var attempt = Assert.Single(delivery.Attempts);
            Assert.Equal((1, (int?)500, "HTTP 500", true, false), (attempt.Attempt, attempt.StatusCode, attempt.Error, attempt.WillRetry, delivery.Succeeded));
            Assert.Contains("\"Accepted\"", delivery.Body);
        }

        [Fact]
        public void Routes_take_a_host_name_alone_and_remove_says_when_there_is_none()
        {
            var url = _ps.Run("Add-PortalSandboxWebhookRoute -HostName 'https://hooks.example.com/x' -Target 'http://127.0.0.1:9/'").FirstError;
            Assert.StartsWith("PortalIo.InvalidArgument", url.FullyQualifiedErrorId);
            Assert.Contains("hooks.example.com", url.ErrorDetails.Message);
            var relative = _ps.Run("Add-PortalSandboxWebhookRoute -HostName hooks.example.com -Target 'inbox'").FirstError;
            Assert.Equal("Target", ((ArgumentException)relative.Exception).ParamName);

            Run("Add-PortalSandboxWebhookRoute hooks.example.com 'http://127.0.0.1:9/'; Remove-PortalSandboxWebhookRoute hooks.example.com");
            var missing = _ps.Run("Remove-PortalSandboxWebhookRoute hooks.example.com").FirstError;
            Assert.StartsWith("PortalIo.NotFound", missing.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("Set-PortalSandboxProposalStatus -ProposalId $p.Id -Status Accepted -WhatIf", "(Get-PortalProposal -Id $p.Id).Status -eq 'Draft'")]
        [InlineData("Set-PortalSandboxContact -ContactId 88 -FirstName WhatIf -WhatIf", "(Get-PortalContact -Id 88).FirstName -ne 'WhatIf'")]
        [InlineData("Add-PortalArea -ProposalId $p.Id -Name Den | Get-PortalAreaOption | Add-PortalSandboxLineItem -CatalogItemId 8821 -WhatIf", "-not (Get-PortalAreaOption -ProposalId $p.Id).Items")]
        [InlineData("Add-PortalSandboxWebhookRoute hooks.example.com 'http://127.0.0.1:9/' -WhatIf", "-not (Remove-PortalSandboxWebhookRoute hooks.example.com -ErrorAction SilentlyContinue -ErrorVariable e) -and $e")]
        public void WhatIf_changes_nothing(string change, string unchanged)
        {
            var run = Run(change + "; " + unchanged);
            Assert.Equal(true, run.Output.Last().BaseObject);
        }

        [Fact]
        public void The_sandbox_objects_methods_still_work()
        {
            var run = Run("$sandbox.SetProposalStatus($p.Id, 'Accepted'); $sandbox.ModifyContact(88, 'Notes', 'By method'); (Get-PortalProposal -Id $p.Id).Status; (Get-PortalContact -Id 88).Notes");
            Assert.Equal(new object[] { "Accepted", "By method" }, run.Output.Select(o => o.BaseObject));
        }
    }
}
