using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Sandbox.Faults;
using Xunit;

namespace PortalIo.Tests.Sandbox
{
    /// <summary>Scripted faults (SandboxServer.AddFault) and the random fault kinds: what the client sees, and whether the write was applied.</summary>
    public class ScriptedFaultTests
    {
        private static SandboxServer StartEmulator() =>
            SandboxServer.Start(new SandboxOptions { StallDuration = TimeSpan.FromMilliseconds(300) });

        private static string AreaPath(int proposalId) => "public/proposals/" + proposalId + "/area";

        [Theory]
        [InlineData(SandboxFaultMode.Reset)]
        [InlineData(SandboxFaultMode.Stall)]
        [InlineData(SandboxFaultMode.ApplyThenReset)]
        [InlineData(SandboxFaultMode.ApplyThenStall)]
        public async Task A_lost_answer_is_a_connection_failure_and_only_the_ApplyThen_modes_apply_the_write(SandboxFaultMode mode)
        {
            using var emulator = StartEmulator();
            using var client = new SignedEmulatorClient(emulator);
            var proposal = await client.NewProposalAsync("Fault " + mode);
            var rule = emulator.AddFault("POST", "/public/proposals/*/area", mode);

            await Assert.ThrowsAsync<HttpRequestException>(() => client.PostFormAsync(AreaPath(proposal), ("Name", "Lost")));

            var applies = mode == SandboxFaultMode.ApplyThenReset || mode == SandboxFaultMode.ApplyThenStall;
            Assert.Equal(applies, (await client.AreaNamesAsync(proposal)).Contains("Lost"));
            var record = emulator.GetRequests("POST", "*/area").Single();
            Assert.Equal((mode.ToString(), true, applies, 0), (record.Fault, record.FaultScripted, record.Processed, record.StatusCode));
            var stalls = mode == SandboxFaultMode.Stall || mode == SandboxFaultMode.ApplyThenStall;
            Assert.Equal(stalls ? SandboxRequestOutcome.Stalled : SandboxRequestOutcome.ConnectionReset, record.Outcome);
            Assert.Equal(0, rule.Remaining);
            Assert.Empty(emulator.ScriptedFaults);

            // Used up: the next write goes through.
            using var next = await client.PostFormAsync(AreaPath(proposal), ("Name", "Next"));
            Assert.Equal(201, (int)next.StatusCode);
        }

        [Fact]
        public async Task FailWithStatus_answers_the_status_in_the_API_error_shape_without_applying_the_write()
        {
            using var emulator = StartEmulator();
            using var client = new SignedEmulatorClient(emulator);
            var proposal = await client.NewProposalAsync("FailWithStatus");
            emulator.AddFault(null, "*/area", SandboxFaultMode.FailWithStatus, status: 409);

            using var response = await client.PostFormAsync(AreaPath(proposal), ("Name", "Refused"));
            Assert.Equal(409, (int)response.StatusCode);
            var error = ErrorBodyParser.Parse(await response.Content.ReadAsByteArrayAsync(), 409);
            Assert.Equal("Conflict", error.ErrorCode);
            Assert.Contains("injected", error.Message);
            Assert.DoesNotContain("Refused", await client.AreaNamesAsync(proposal));
            var record = emulator.GetRequests("POST", "*/area").Single();
            Assert.Equal((409, false, SandboxRequestOutcome.Answered), (record.StatusCode, record.Processed, record.Outcome));
        }

        [Fact]
        public async Task ApplyThenStatus_applies_the_write_and_answers_the_given_server_error()
        {
            using var emulator = StartEmulator();
            using var client = new SignedEmulatorClient(emulator);
            var proposal = await client.NewProposalAsync("ApplyThenStatus");
            emulator.AddFault("POST", "/public/proposals/" + proposal + "/area", SandboxFaultMode.ApplyThenStatus, status: 502);

            using var response = await client.PostFormAsync(AreaPath(proposal), ("Name", "Applied"));
            Assert.Equal(502, (int)response.StatusCode);
            Assert.Equal("BadGateway", ErrorBodyParser.Parse(await response.Content.ReadAsByteArrayAsync(), 502).ErrorCode);
            Assert.Contains("Applied", await client.AreaNamesAsync(proposal));
            var record = emulator.GetRequests("POST").Last();
            Assert.Equal(("ApplyThenStatus", 502, true), (record.Fault, record.StatusCode, record.Processed));
        }

        [Fact]
        public async Task ApplyThenUnreadable_applies_the_write_and_answers_a_complete_2xx_whose_body_is_not_JSON()
        {
            using var emulator = StartEmulator();
            using var client = new SignedEmulatorClient(emulator);
            var proposal = await client.NewProposalAsync("ApplyThenUnreadable");
            emulator.AddFault("POST", "*/area", SandboxFaultMode.ApplyThenUnreadable);

            using var response = await client.PostFormAsync(AreaPath(proposal), ("Name", "Unreadable"));
            Assert.Equal(201, (int)response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            // The whole declared body arrived: the answer is complete, only its content is spoiled.
            Assert.Equal(response.Content.Headers.ContentLength, body.Length);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
            Assert.Contains("Unreadable", await client.AreaNamesAsync(proposal));
            var record = emulator.GetRequests("POST", "*/area").Single();
            Assert.Equal((SandboxRequestOutcome.UnreadableBody, 201, true), (record.Outcome, record.StatusCode, record.Processed));
        }

        [Fact]
        public async Task Rules_strike_only_matching_requests_in_the_order_added_each_for_its_count()
        {
            using var emulator = StartEmulator();
            using var client = new SignedEmulatorClient(emulator);
            var proposal = await client.NewProposalAsync("Rule order");
            var first = emulator.AddFault("POST", "*/area", SandboxFaultMode.FailWithStatus, status: 500, count: 2);
            var second = emulator.AddFault("POST", "*/area", SandboxFaultMode.FailWithStatus, status: 503);
            Assert.Equal(new[] { first, second }, emulator.ScriptedFaults);

            // Not a match: another method, another path.
            using (var get = await client.GetAsync(AreaPath(proposal).Replace("/area", ""))) Assert.Equal(200, (int)get.StatusCode);
            using (var option = await client.PostFormAsync("public/proposals/" + proposal + "/description", ("Description", "x"))) Assert.Equal(200, (int)option.StatusCode);
            Assert.Equal(2, first.Remaining);

            var statuses = new int[4];
            for (var i = 0; i < statuses.Length; i++)
                using (var response = await client.PostFormAsync(AreaPath(proposal), ("Name", "Area " + i))) statuses[i] = (int)response.StatusCode;
            Assert.Equal(new[] { 500, 500, 503, 201 }, statuses);
            Assert.Equal(new[] { "Area 3" }, await client.AreaNamesAsync(proposal));
            Assert.Equal(3, emulator.GetRequests("POST", "*/area").Count(r => r.FaultScripted));

            emulator.AddFault("GET", "*", SandboxFaultMode.Reset, count: 5);
            emulator.ClearFaults();
            Assert.Empty(emulator.ScriptedFaults);
            using (var get = await client.GetAsync("public/users")) Assert.Equal(200, (int)get.StatusCode);
        }

        [Fact]
        public void A_rule_that_breaks_a_parameter_rule_is_refused_naming_the_parameter()
        {
            using var emulator = SandboxServer.Start(new SandboxOptions());
            Assert.Equal("status", Assert.Throws<ArgumentException>(() => emulator.AddFault("POST", "*", SandboxFaultMode.Reset, status: 500)).ParamName);
            Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => emulator.AddFault("POST", "*", SandboxFaultMode.FailWithStatus, status: 200)).ParamName);
            Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => emulator.AddFault("POST", "*", SandboxFaultMode.ApplyThenStatus, status: 404)).ParamName);
            Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => emulator.AddFault("POST", "*", SandboxFaultMode.Reset, count: 0)).ParamName);
            Assert.Equal("method", Assert.Throws<ArgumentException>(() => emulator.AddFault("PO ST", "*", SandboxFaultMode.Reset)).ParamName);
            Assert.Equal("pattern", Assert.Throws<ArgumentException>(() => emulator.AddFault("POST", "", SandboxFaultMode.Reset)).ParamName);
            Assert.Empty(emulator.ScriptedFaults);
            var rule = emulator.AddFault("post", "public/proposals/*", SandboxFaultMode.FailWithStatus);
            Assert.Equal(("POST", "/public/proposals/*", 500), (rule.Method, rule.Path, rule.Status));
        }

        [Theory]
        [InlineData(FaultKind.AppliedThenStatus)]
        [InlineData(FaultKind.AppliedThenUnreadable)]
        public async Task The_new_random_kinds_apply_the_write_and_then_spoil_the_answer(FaultKind kind)
        {
            using var emulator = SandboxServer.Start(new SandboxOptions { FaultKinds = new[] { kind } });
            using var client = new SignedEmulatorClient(emulator);
            var proposal = await client.NewProposalAsync("Random " + kind);
            emulator.FaultRate = 1;
            using (var response = await client.PostFormAsync(AreaPath(proposal), ("Name", "Random")))
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                if (kind == FaultKind.AppliedThenStatus) Assert.Equal(500, (int)response.StatusCode);
                else Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
            }
            emulator.FaultRate = 0;
            Assert.Contains("Random", await client.AreaNamesAsync(proposal));
            var record = emulator.GetRequests("POST", "*/area").Single();
            Assert.Equal((kind.ToString(), false, true), (record.Fault, record.FaultScripted, record.Processed));
            Assert.Equal(1, emulator.FaultsInjectedByKind[kind]);
            Assert.Contains(kind, FaultKinds.All);
            Assert.True(FaultKinds.ProcessesRequest(kind) && FaultKinds.LosesResponse(kind));
        }
    }
}
