using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>A sandbox whose AI jobs advance in a fraction of a second (uploaded → transcribed in 2 steps).</summary>
    public sealed class FastAiSandboxFixture : IDisposable
    {
        public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

        public FastAiSandboxFixture()
        {
            Server = SandboxServer.Start(new SandboxOptions { AiStepDuration = Step });
        }

        public SandboxServer Server { get; }

        public void Dispose() => Server.Dispose();
    }

    public class AiCmdletTests : IClassFixture<FastAiSandboxFixture>, IDisposable
    {
        private readonly FastAiSandboxFixture _sandbox;
        private readonly ConnectedRunspace _ps;
        private readonly string _dir;

        public AiCmdletTests(FastAiSandboxFixture sandbox)
        {
            _sandbox = sandbox;
            _ps = new ConnectedRunspace(sandbox.Server);
            _dir = Path.Combine(Path.GetTempPath(), "portalio-ai-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
        }

        public void Dispose()
        {
            _ps.Dispose();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }

        private string File(string name, string text = "Client wants a Home Theater and a Living Room with in-ceiling speakers.")
        {
            var path = Path.Combine(_dir, name);
            System.IO.File.WriteAllText(path, text);
            return path;
        }

        private int NewDraft()
        {
            var run = _ps.Run("(New-PortalProposal -Name 'AI " + Guid.NewGuid().ToString("N") + "' -SalesPersonId " + SandboxSeed.DemoSalesPersonId + ").Id");
            Assert.Empty(run.Errors);
            return (int)run.Output.Single().BaseObject;
        }


        private void WaitTranscribed(int proposalId)
        {
            for (var i = 0; i < 100; i++)
            {
                var items = _ps.Run("Get-PortalAiContent -ProposalId " + proposalId).Objects<AiContent>().ToList();
                if (items.Count > 0 && items.All(c => c.IsTranscribed)) return;
                System.Threading.Thread.Sleep(100);
            }
            throw new Xunit.Sdk.XunitException("The content was not transcribed in time.");
        }

        [Fact]
        public void Upload_sends_a_signed_multipart_body_and_returns_the_content_with_its_ids()
        {
            var id = NewDraft();
            var path = File("discovery-call.txt");
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Add-PortalAiContent -ProposalId " + id + " -Path '" + path + "' -Name 'Discovery call'").Output);
            var content = (AiContent)Assert.Single(output).BaseObject;
            Assert.Equal((id, "Discovery call", "Uploaded", "Text"), (content.ProposalId, content.Name, content.Status, content.SourceType));
            Assert.Equal(content.Id, content.ContentId);
            var post = requests.Single(r => r.Method == "POST");
            Assert.Equal("/public/proposals/" + id + "/ai/content", post.Path);
            Assert.StartsWith("multipart/form-data; boundary=", post.ContentType);
            Assert.True(post.SignatureValid);
            Assert.Contains("name=\"IsMultiChunkUpload\"", post.Body);
        }

        [Fact]
        public void Name_defaults_to_the_file_name_and_file_objects_bind_by_full_name()
        {
            var id = NewDraft();
            File("a-notes.txt");
            File("b-spec.md", "# Spec\nOffice and Conference Room.");
            // FileInfo objects (what Get-ChildItem writes) bind their FullName to -Path.
            var run = _ps.Run("[System.IO.DirectoryInfo]::new('" + _dir + "').GetFiles() | Add-PortalAiContent -ProposalId " + id);
            Assert.Empty(run.Errors);
            Assert.Equal(new[] { "a-notes.txt", "b-spec.md" }, run.Objects<AiContent>().Select(c => c.Name).OrderBy(n => n));
        }

        [Fact]
        public void Listing_and_removing_content_bind_along_the_pipeline()
        {
            var id = NewDraft();
            var path = File("remove-me.txt");
            var run = _ps.Run("Get-PortalProposal -Id " + id + " | Add-PortalAiContent -Path '" + path + "' | Out-Null; " +
                              "Get-PortalProposal -Id " + id + " | Get-PortalAiContent");
            Assert.Empty(run.Errors);
            var listed = Assert.Single(run.Objects<AiContent>());
            Assert.Equal(id, listed.ProposalId);

            var removed = _ps.Run("Get-PortalAiContent -ProposalId " + id + " | Remove-PortalAiContent -Confirm:$false");
            Assert.Empty(removed.Errors);
            Assert.Empty(removed.Output);
            Assert.Empty(_ps.Run("Get-PortalAiContent -ProposalId " + id).Output);
        }

        [Fact]
        public void A_missing_file_is_refused_before_any_request()
        {
            var requests = _sandbox.Server.During(() =>
            {
                var run = _ps.Run("Add-PortalAiContent -ProposalId " + SandboxSeed.DraftProposalId + " -Path '" + Path.Combine(_dir, "nope.txt") + "'");
                var record = Assert.Single(run.Errors);
                Assert.StartsWith("PortalIo.InvalidArgument", record.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
                Assert.Contains("does not exist", record.Exception.Message);
            });
            Assert.Empty(requests);
        }

        [Fact]
        public void Content_on_a_proposal_that_is_not_draft_is_a_conflict_with_the_draft_rule()
        {
            var path = File("late.txt");
            var upload = Assert.Single(_ps.Run("Add-PortalAiContent -ProposalId " + SandboxSeed.AcceptedProposalId + " -Path '" + path + "'").Errors);
            Assert.StartsWith("PortalIo.Conflict", upload.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, upload.CategoryInfo.Category);
            Assert.Contains("only while the proposal is Draft", upload.ErrorDetails.RecommendedAction);
            var target = Assert.IsType<PortalIo.Commands.AiBuilder.AiContentInput>(upload.TargetObject);
            Assert.Equal(SandboxSeed.AcceptedProposalId, target.ProposalId);

            var delete = Assert.Single(_ps.Run("Remove-PortalAiContent -ProposalId " + SandboxSeed.AcceptedProposalId + " -ContentId 1 -Confirm:$false").Errors);
            Assert.StartsWith("PortalIo.Conflict", delete.FullyQualifiedErrorId);
            Assert.Contains("only while the proposal is Draft", delete.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Bad_uploads_and_unknown_ids_are_bad_request_and_not_found()
        {
            var id = NewDraft();
            var exe = File("tool.exe", "MZ");
            var bad = Assert.Single(_ps.Run("Add-PortalAiContent -ProposalId " + id + " -Path '" + exe + "'").Errors);
            Assert.StartsWith("PortalIo.BadRequest", bad.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, bad.CategoryInfo.Category);
            Assert.Contains("file type", bad.ErrorDetails.RecommendedAction);

            var other = Assert.Single(_ps.Run("Get-PortalAiContent -ProposalId " + SandboxSeed.OtherDealerProposalId).Errors);
            Assert.StartsWith("PortalIo.NotFound", other.FullyQualifiedErrorId);
            Assert.Equal(SandboxSeed.OtherDealerProposalId, other.TargetObject);

            var noContent = Assert.Single(_ps.Run("Remove-PortalAiContent -ProposalId " + id + " -ContentId 999999 -Confirm:$false").Errors);
            Assert.StartsWith("PortalIo.NotFound", noContent.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, noContent.CategoryInfo.Category);
        }

        [Fact]
        public void An_outline_without_transcribed_content_and_a_build_without_an_outline_are_bad_requests_with_the_rule()
        {
            var id = NewDraft();
            var outline = Assert.Single(_ps.Run("Start-PortalAiOutline -ProposalId " + id).Errors);
            Assert.StartsWith("PortalIo.BadRequest", outline.FullyQualifiedErrorId);
            Assert.Contains("transcribed content", outline.ErrorDetails.RecommendedAction);
            Assert.Equal(id, outline.TargetObject);

            var build = Assert.Single(_ps.Run("Start-PortalAiBuild -ProposalId " + id).Errors);
            Assert.StartsWith("PortalIo.BadRequest", build.FullyQualifiedErrorId);
            Assert.Contains("Completed outline", build.ErrorDetails.RecommendedAction);

            var none = Assert.Single(_ps.Run("Get-PortalAiOutline -ProposalId " + id).Errors);
            Assert.StartsWith("PortalIo.NotFound", none.FullyQualifiedErrorId);
            Assert.Contains("Start-PortalAiOutline", none.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Outline_and_build_without_wait_send_the_json_body_and_return_the_job_status()
        {
            var id = NewDraft();
            _ps.Run("Add-PortalAiContent -ProposalId " + id + " -Path '" + File("spec.txt") + "'");
            WaitTranscribed(id);
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Start-PortalAiOutline -ProposalId " + id).Output);
            var started = (AiOutline)Assert.Single(output).BaseObject;
            Assert.Equal((id, "Generating"), (started.ProposalId, started.Status));
            var post = requests.Single(r => r.Method == "POST");
            Assert.Equal("application/json", post.ContentType);
            Assert.Equal("{\"proposalId\":" + id + "}", post.Body);
        }

        [Fact]
        public void The_whole_flow_waits_and_binds_from_proposal_to_outline_to_build()
        {
            var id = NewDraft();
            _ps.Run("Add-PortalAiContent -ProposalId " + id + " -Path '" + File("call.txt") + "'");
            WaitTranscribed(id);
            var run = _ps.Run("Get-PortalProposal -Id " + id + " | Start-PortalAiOutline -Wait -PollIntervalSec 1 -TimeoutSec 60 | " +
                              "ForEach-Object { $script:outline = $_; $_ } | Start-PortalAiBuild -Wait -PollIntervalSec 1 -TimeoutSec 60");
            Assert.Empty(run.Errors);
            var proposal = Assert.Single(run.Objects<Proposal>());
            Assert.Equal(id, proposal.Id);
            Assert.NotEmpty(proposal.Areas!);

            var outline = Assert.Single(_ps.Run("Get-PortalAiOutline -ProposalId " + id).Objects<AiOutline>());
            Assert.True(outline.IsCompleted);
            Assert.False(string.IsNullOrEmpty(outline.Outline));
        }

        [Fact]
        public void Waiting_past_the_timeout_is_a_timeout_error_that_says_the_job_goes_on()
        {
            using var slow = SandboxServer.Start(new SandboxOptions { AiStepDuration = TimeSpan.FromSeconds(2) });
            using var ps = new ConnectedRunspace(slow);
            var id = (int)ps.Run("(New-PortalProposal -Name 'Slow AI' -SalesPersonId " + SandboxSeed.DemoSalesPersonId + ").Id").Output.Single().BaseObject;
            ps.Run("Add-PortalAiContent -ProposalId " + id + " -Path '" + File("slow.txt") + "'");
            for (var i = 0; i < 100; i++)
            {
                if (ps.Run("Get-PortalAiContent -ProposalId " + id).Objects<AiContent>().All(c => c.IsTranscribed)) break;
                System.Threading.Thread.Sleep(200);
            }
            var run = ps.Run("Start-PortalAiOutline -ProposalId " + id + " -Wait -TimeoutSec 1 -PollIntervalSec 1");
            var record = Assert.Single(run.Errors);
            Assert.StartsWith("PortalIo.Timeout", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, record.CategoryInfo.Category);
            Assert.Equal(id, record.TargetObject);
            Assert.Contains("Get-PortalAiOutline", record.ErrorDetails.RecommendedAction);
            Assert.Empty(run.Output);
        }

        [Fact]
        public void Ctrl_C_stops_waiting_at_once()
        {
            using var slow = SandboxServer.Start(new SandboxOptions { AiStepDuration = TimeSpan.FromSeconds(1) });
            using var connected = new ConnectedRunspace(slow);
            var id = (int)connected.Run("(New-PortalProposal -Name 'Stop AI' -SalesPersonId " + SandboxSeed.DemoSalesPersonId + ").Id").Output.Single().BaseObject;
            connected.Run("Add-PortalAiContent -ProposalId " + id + " -Path '" + File("stop.txt") + "'");
            System.Threading.Thread.Sleep(2300); // transcribed after 2 steps
            using var ps = connected.Runspace.Create("Start-PortalAiOutline -ProposalId " + id + " -Wait -PollIntervalSec 60 -TimeoutSec 600");
            var async = ps.BeginInvoke();
            for (var i = 0; i < 100 && slow.RequestLog.Count(r => r.Path.EndsWith("/ai/outline")) < 2; i++) System.Threading.Thread.Sleep(50);
            Assert.Equal(PSInvocationState.Running, ps.InvocationStateInfo.State);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            ps.Stop();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "Stop took " + watch.Elapsed);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        }

        [Theory]
        [InlineData("Add-PortalAiContent -ProposalId 1042 -Path '{file}' -WhatIf")]
        [InlineData("Remove-PortalAiContent -ProposalId 1042 -ContentId 42 -WhatIf")]
        [InlineData("Start-PortalAiOutline -ProposalId 1042 -WhatIf")]
        [InlineData("Start-PortalAiBuild -ProposalId 1042 -Wait -WhatIf")]
        public void WhatIf_sends_nothing(string script)
        {
            var requests = _sandbox.Server.During(() => Assert.Empty(_ps.Run(script.Replace("{file}", File("whatif.txt"))).Errors));
            Assert.Empty(requests);
        }

        [Fact]
        public void Remove_has_high_confirm_impact()
        {
            var type = (Type)_ps.Run("(Get-Command Remove-PortalAiContent).ImplementingType").Output.Single().BaseObject;
            Assert.Equal(ConfirmImpact.High, ((CmdletAttribute)Attribute.GetCustomAttribute(type, typeof(CmdletAttribute))!).ConfirmImpact);
        }

        [Fact]
        public void The_public_api_prefix_variant_is_reachable_with_invoke_request()
        {
            var run = _ps.Run("Invoke-PortalRequest -Path /public/api/proposals/" + SandboxSeed.DraftProposalId + "/ai/content");
            Assert.Empty(run.Errors);
            Assert.NotNull(run.Output.Single().Properties["items"]);
        }
    }
}
