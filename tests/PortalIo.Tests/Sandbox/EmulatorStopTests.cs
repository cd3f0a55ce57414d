using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.Sandbox
{
    /// <summary>Stop() ends requests still in flight as connection failures, never as an empty 200 OK.</summary>
    public class EmulatorStopTests
    {
        /// <summary>Waits (bounded) until the emulator has journaled a request to the path: it is then in flight.</summary>
        private static SandboxRequestRecord WaitForRequest(SandboxServer emulator, string path)
        {
            for (var i = 0; i < 500; i++)
            {
                var found = emulator.GetRequests(path: path).LastOrDefault();
                if (found != null) return found;
                Thread.Sleep(20);
            }
            throw new TimeoutException("The emulator never received " + path);
        }

        [Fact]
        public async Task A_request_waiting_out_the_latency_fails_as_a_connection_failure_when_the_emulator_stops()
        {
            using var emulator = SandboxServer.Start(new SandboxOptions());
            using var client = new SignedEmulatorClient(emulator);
            _ = client.UserKey;
            emulator.Latency = TimeSpan.FromMinutes(1);

            var pending = client.GetAsync("public/users");
            var record = WaitForRequest(emulator, "/public/users");
            Assert.Equal(200, record.StatusCode); // what the route answered, had the emulator kept running
            emulator.Stop();

            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => pending);
            Assert.False(failure.StatusCode.HasValue, "the client got a status: " + failure.StatusCode);
            Assert.Equal(SandboxRequestOutcome.AbortedByStop, record.Outcome);
            Assert.False(emulator.IsRunning);
        }

        [Fact]
        public async Task A_stalled_request_fails_as_a_connection_failure_when_the_emulator_stops()
        {
            using var emulator = SandboxServer.Start(new SandboxOptions { StallDuration = TimeSpan.FromMinutes(1) });
            using var client = new SignedEmulatorClient(emulator);
            _ = client.UserKey;
            emulator.AddFault("GET", "/public/users", SandboxFaultMode.Stall);

            var stalled = client.GetAsync("public/users");
            WaitForRequest(emulator, "/public/users");
            emulator.Stop();

            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => stalled);
            Assert.False(failure.StatusCode.HasValue, "the client got a status: " + failure.StatusCode);
            Assert.Equal(SandboxRequestOutcome.Stalled, emulator.GetRequests(path: "/public/users").Single().Outcome);
        }

        [Fact]
        public void Stop_twice_is_harmless_and_a_stopped_emulator_cannot_be_reset()
        {
            var emulator = SandboxServer.Start(new SandboxOptions());
            emulator.Stop();
            emulator.Stop();
            emulator.Dispose();
            Assert.Contains("stopped", Assert.Throws<InvalidOperationException>(() => emulator.Reset()).Message);
        }
    }
}
