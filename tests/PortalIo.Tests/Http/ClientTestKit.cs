using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Signing;

namespace PortalIo.Tests.Http
{
    /// <summary>A client over a scripted handler, with a clock that ticks and waits that are recorded, not slept.</summary>
    internal sealed class ClientTestKit
    {
        public const string Secret = "dGVzdC1zZWNyZXQta2V5LWZvci1wb3J0YWwtaW8=";
        public const string UserKey = "qBOSOYDeZaSzTxqMCL1Kr66JpU2H6wHCLz7xviZUOcA=";
        public const string AppKey = "D78C5B43-60B7-4F06-9372-0B3F9010D042";

        private DateTimeOffset _now = new(2026, 4, 6, 0, 22, 19, TimeSpan.Zero);

        public ScriptedHandler Handler { get; } = new();
        public List<TimeSpan> Waits { get; } = new();
        public PortalClient Client { get; }

        private readonly System.Diagnostics.Stopwatch _elapsed = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan _waited;

        /// <param name="deadline">How long one call may take with its retries; default 10 minutes, so that only tests of the deadline meet it.</param>
        public ClientTestKit(int maxRetries = 3, TimeSpan? timeout = null, TimeSpan? deadline = null, long maxResponseBytes = ClientSettings.DefaultMaxResponseBytes)
        {
            var settings = new ClientSettings
            {
                MaxRetries = maxRetries,
                Timeout = timeout ?? TimeSpan.FromSeconds(30),
                Deadline = deadline ?? TimeSpan.FromMinutes(10),
                MaxResponseBytes = maxResponseBytes,
                // Each attempt reads the clock once; a second passes between attempts.
                Clock = () => { var now = _now; _now = _now.AddSeconds(1); return now; },
                // Waits are recorded, not slept, yet they count against the deadline as if they had passed.
                Delay = (wait, token) => { lock (Waits) { Waits.Add(wait); _waited += wait; } return Task.CompletedTask; },
                Elapsed = () => { lock (Waits) return _elapsed.Elapsed + _waited; },
            };
            Client = new PortalClient(new Uri("https://api.portal.io/"), AppKey, new RequestSigner(Secret), UserKey, settings, Handler);
        }
    }
}
