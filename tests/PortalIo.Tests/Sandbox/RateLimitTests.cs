using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Sandbox.RateLimiting;
using Xunit;

namespace PortalIo.Tests.Sandbox
{
    /// <summary>
    /// The emulator's rate limit, against a clock the test steps by hand: the windows are checked
    /// without waiting and without any timing assertion.
    /// </summary>
    public class RateLimitTests
    {
        /// <summary>A clock that moves only when told to.</summary>
        private sealed class SteppedClock
        {
            public DateTime Now { get; private set; } = new DateTime(2026, 4, 1, 9, 30, 0, DateTimeKind.Utc).AddMilliseconds(300);
            public void Advance(TimeSpan by) => Now += by;
        }

        private static SandboxServer StartEmulator(int limit, SteppedClock clock) =>
            SandboxServer.Start(new SandboxOptions { RateLimit = limit, RateLimitClock = () => clock.Now });

        [Fact]
        public async Task Beyond_the_limit_a_request_gets_429_with_Retry_After_in_the_API_error_shape_and_is_not_applied()
        {
            var clock = new SteppedClock();
            using var emulator = StartEmulator(3, clock);
            using var client = new SignedEmulatorClient(emulator);
            _ = client.UserKey; // the exchange is the first request of this window

            var statuses = new int[3];
            for (var i = 0; i < statuses.Length; i++)
                using (var response = await client.PostFormAsync("public/proposals/" + SandboxSeed.DraftProposalId + "/area", ("Name", "Limited " + i)))
                    statuses[i] = (int)response.StatusCode;
            Assert.Equal(new[] { 201, 201, 429 }, statuses);

            using (var refused = await client.GetAsync("public/users"))
            {
                Assert.Equal(429, (int)refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
                var error = ErrorBodyParser.Parse(await refused.Content.ReadAsByteArrayAsync(), 429);
                Assert.Equal("TooManyRequests", error.ErrorCode);
                Assert.Contains("3 requests per second", error.Message);
            }
            clock.Advance(TimeSpan.FromSeconds(1));
            var areas = await client.AreaNamesAsync(SandboxSeed.DraftProposalId);
            Assert.Contains("Limited 1", areas);
            Assert.DoesNotContain("Limited 2", areas);

            var refusedRecords = emulator.GetRequests().Where(r => r.RateLimited).ToList();
            Assert.Equal(2, refusedRecords.Count);
            Assert.All(refusedRecords, r => Assert.Equal((429, false, (string?)null), (r.StatusCode, r.Processed, r.Fault)));
            Assert.Equal(2, emulator.RateLimitedCount);
        }

        [Fact]
        public async Task Each_application_key_has_its_own_window_and_a_new_window_admits_a_full_limit_again()
        {
            var clock = new SteppedClock();
            using var emulator = StartEmulator(2, clock);
            using var client = new SignedEmulatorClient(emulator);
            using var stranger = new SignedEmulatorClient(emulator, applicationKey: "00000000-0000-0000-0000-000000000000");
            var key = client.UserKey;
            using (var second = await client.GetAsync("public/users")) Assert.Equal(200, (int)second.StatusCode);
            using (var third = await client.GetAsync("public/users")) Assert.Equal(429, (int)third.StatusCode);
            // Another application's window is untouched: it gets the API's own answer (an unknown key).
            using (var other = await stranger.SendAsync("GET", "public/users", userKey: key)) Assert.Equal(401, (int)other.StatusCode);

            clock.Advance(TimeSpan.FromMilliseconds(700));
            using (var next = await client.GetAsync("public/users")) Assert.Equal(200, (int)next.StatusCode);
            using (var again = await client.GetAsync("public/users")) Assert.Equal(200, (int)again.StatusCode);
            using (var over = await client.GetAsync("public/users")) Assert.Equal(429, (int)over.StatusCode);

            emulator.RateLimit = 0;
            using (var unlimited = await client.GetAsync("public/users")) Assert.Equal(200, (int)unlimited.StatusCode);
            Assert.Throws<ArgumentOutOfRangeException>(() => emulator.RateLimit = -1);
        }

        [Fact]
        public async Task A_client_that_waits_as_Retry_After_says_proceeds_at_close_to_the_limit()
        {
            const int limit = 5, seconds = 10;
            var clock = new SteppedClock();
            using var emulator = StartEmulator(limit, clock);
            using var client = new SignedEmulatorClient(emulator);
            _ = client.UserKey;
            clock.Advance(TimeSpan.FromSeconds(1));
            var end = clock.Now.AddSeconds(seconds);
            int accepted = 0, refused = 0;
            // A client that would send every 20 ms (50/s, ten times the limit) if nothing stopped it.
            for (var i = 0; i < 10_000 && clock.Now < end; i++)
            {
                using var response = await client.GetAsync("public/users");
                if ((int)response.StatusCode == 429)
                {
                    refused++;
                    clock.Advance(response.Headers.RetryAfter!.Delta!.Value);
                }
                else
                {
                    Assert.Equal(200, (int)response.StatusCode);
                    accepted++;
                    clock.Advance(TimeSpan.FromMilliseconds(20));
                }
            }
            Assert.InRange(accepted, (int)(0.9 * limit * seconds), limit * (seconds + 1));
            Assert.InRange(refused, seconds - 1, seconds + 1);
        }

        [Fact]
        public void Retry_After_is_the_whole_seconds_to_the_end_of_the_window_and_refusals_do_not_count()
        {
            var now = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(999);
            var limiter = new RateLimiter(() => now) { Limit = 1 };
            Assert.True(limiter.TryAcquire("app", out _));
            Assert.False(limiter.TryAcquire("app", out var wait));
            Assert.Equal(1, wait);
            now = now.AddMilliseconds(1);
            Assert.True(limiter.TryAcquire("app", out _));
            Assert.False(limiter.TryAcquire("app", out _));
            limiter.Reset();
            Assert.True(limiter.TryAcquire("app", out _));
        }
    }
}
