using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>Tunables of one client; the defaults suit both an interactive prompt and a runbook.</summary>
    internal sealed class ClientSettings
    {
        public const int DefaultTimeoutSec = 100;
        public const int DefaultMaxRetries = 4;
        public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

        /// <summary>Per attempt, from sending the request to the end of the body.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(DefaultTimeoutSec);

        /// <summary>
        /// How long one call may take in all: its first attempt, its retries and the waits between
        /// them (see <see cref="CallDeadline"/>). Null: twice <see cref="Timeout"/>.
        /// </summary>
        public TimeSpan? Deadline { get; set; }

        /// <summary>The deadline in effect.</summary>
        public TimeSpan EffectiveDeadline => Deadline ?? TimeSpan.FromTicks(Timeout.Ticks * 2);

        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>Larger bodies are refused instead of being buffered without bound.</summary>
        public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

        public string UserAgent { get; set; } = "PortalIo";

        /// <summary>The clock that stamps X-MSS-CUSTOM-DATE (replaceable in tests).</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>A monotonic clock that measures the deadline (replaceable in tests, with <see cref="Delay"/>).</summary>
        public Func<TimeSpan> Elapsed { get; set; } = () => TimeSpan.FromTicks((long)(Stopwatch.GetTimestamp() * TicksPerTimestamp));

        private static readonly double TicksPerTimestamp = TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency;

        /// <summary>How the client waits between retries (replaceable in tests).</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (wait, token) => Task.Delay(wait, token);

        /// <summary>Backoff parameters; MaxRetries above is applied to it.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        public ClientSettings Clone() => (ClientSettings)MemberwiseClone();
    }
}
