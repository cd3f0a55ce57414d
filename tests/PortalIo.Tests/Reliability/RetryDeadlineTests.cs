using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Tests.Http;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13, item 5, from its repros: a Retry-After of 120 on a GET with -TimeoutSec 5
    /// -MaxRetries 1 waited 120 s; there was no overall deadline (8 minutes with the defaults), and
    /// the waits were silent without -Debug. A call now ends within twice -TimeoutSec, a longer
    /// Retry-After fails at once as LimitsExceeded naming the server's wait, and retries show in -Verbose.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class RetryDeadlineTests
    {
        private readonly ITestOutputHelper _output;

        public RetryDeadlineTests(ITestOutputHelper output) => _output = output;

        private static Func<HttpListenerContext, Task> Status(int status, string retryAfter) => async c =>
        {
            var bytes = Encoding.UTF8.GetBytes("{\"responseStatus\":{\"errorCode\":\"Busy\",\"message\":\"Slow down\"}}");
            c.Response.StatusCode = status;
            c.Response.Headers["Retry-After"] = retryAfter;
            c.Response.ContentType = "application/json";
            c.Response.ContentLength64 = bytes.Length;
            await c.Response.OutputStream.WriteAsync(bytes);
            c.Response.Close();
        };

        [Theory]
        [InlineData(429, "PortalIo.TooManyRequests")]
        [InlineData(503, "PortalIo.ServerError")]
        public void A_Retry_After_beyond_the_deadline_fails_at_once_as_LimitsExceeded_with_the_servers_wait(int status, string errorId)
        {
            using var server = new HostileServer();
            server.Answer(Status(status, "120"));
            using var rs = new ModuleRunspace();
            server.ConnectFrom(rs, "-TimeoutSec 5 -MaxRetries 1");

            var stopwatch = Stopwatch.StartNew();
            var run = rs.Run("Get-PortalUser");
            stopwatch.Stop();

            var error = run.FirstError;
            ReliabilityFigures.Report(_output, "retries: Retry-After 120 on a GET, -TimeoutSec 5 -MaxRetries 1, status " + status,
                ("error after seconds", Math.Round(stopwatch.Elapsed.TotalSeconds, 2)), ("requests", server.Requests), ("error", HostileWorldTally.ErrorId(error) + " (" + error.CategoryInfo.Category + ")"),
                ("message", error.Exception.Message), ("advice", error.ErrorDetails.RecommendedAction));
            HostileWorldTally.Add(_output, "Retry-After " + status, 1, HostileWorldTally.Crash(run) is null ? 0 : 1, 0, 0);

            Assert.Equal(errorId, HostileWorldTally.ErrorId(error));
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains("asked to wait 120 s", error.Exception.Message);
            Assert.Contains("10 s", error.Exception.Message);
            Assert.Contains("120 s", error.ErrorDetails.RecommendedAction);
            Assert.Equal(1, server.Requests);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), "the error came after " + stopwatch.Elapsed);
        }

        [Fact]
        public void A_call_that_stalls_on_every_attempt_ends_at_its_deadline_whatever_MaxRetries_allows()
        {
            using var server = new HostileServer();
            server.Answer(async c =>
            {
                try { await Task.Delay(TimeSpan.FromSeconds(20)); } catch (Exception) { }
                c.Response.Abort();
            });
            using var rs = new ModuleRunspace();
            server.ConnectFrom(rs, "-TimeoutSec 1 -MaxRetries 10");

            var stopwatch = Stopwatch.StartNew();
            var run = rs.Run("Get-PortalUser -Verbose");
            stopwatch.Stop();

            var error = run.FirstError;
            ReliabilityFigures.Report(_output, "retries: every attempt stalls, -TimeoutSec 1 -MaxRetries 10",
                ("error after seconds (deadline 2 s)", Math.Round(stopwatch.Elapsed.TotalSeconds, 2)), ("attempts", server.Requests),
                ("message", error.Exception.Message), ("retries shown in -Verbose", run.Verbose.Count(v => v.StartsWith("Retrying", StringComparison.Ordinal))));
            HostileWorldTally.Add(_output, "deadline", 1, HostileWorldTally.Crash(run) is null ? 0 : 1, 0, 0);

            Assert.Equal("PortalIo.Timeout", HostileWorldTally.ErrorId(error));
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3.5), "the call took " + stopwatch.Elapsed);
            Assert.InRange(server.Requests, 2, 3);
            Assert.Contains(run.Verbose, v => v.StartsWith("Retrying GET", StringComparison.Ordinal) && v.Contains("of its 2 s left", StringComparison.Ordinal));
            Assert.Contains("what was left of the 2 s", error.Exception.Message);
        }

        [Fact]
        public void A_long_wait_the_server_asks_for_within_the_deadline_is_announced_as_a_warning()
        {
            var kit = new ClientTestKit(maxRetries: 2);
            kit.Handler
                .Then(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)))
                .Then(HttpStatusCode.OK, "{\"users\":[],\"usersCount\":0}");
            var log = new PortalClientTests.RecordingLog();

            var response = kit.Client.SendAsync(PortalRequest.Get("public/users"), log, CancellationToken.None).GetAwaiter().GetResult();

            Assert.Equal(200, response.StatusCode);
            // The retry waits the server's 30 s; the session's pacing may wait out what its own clock
            // (which the test's skipped waits do not move) still counts of the same pause, never more.
            Assert.Equal(TimeSpan.FromSeconds(30), kit.Waits[0]);
            Assert.All(kit.Waits.Skip(1), w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
            Assert.Contains(log.Lines, l => l.StartsWith("W Portal.io asked to wait 30 s", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.StartsWith("V Retrying GET", StringComparison.Ordinal) && l.Contains("the server's Retry-After", StringComparison.Ordinal));
        }
    }
}
