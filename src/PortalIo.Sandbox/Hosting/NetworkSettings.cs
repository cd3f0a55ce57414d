using System;
using System.Threading;

namespace PortalIo.Sandbox.Hosting
{
    /// <summary>
    /// The emulator's network behaviour, changeable while it runs (SandboxServer's Latency,
    /// ClockOffset, StallDuration and FaultRate): read by every request, so each value is one
    /// atomic field.
    /// </summary>
    internal sealed class NetworkSettings
    {
        private long _latencyTicks;
        private long _clockOffsetTicks;
        private long _stallTicks;
        private double _faultRate;

        public TimeSpan Latency
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
            set => Interlocked.Exchange(ref _latencyTicks, Math.Max(0, value.Ticks));
        }

        public TimeSpan ClockOffset
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));
            set => Interlocked.Exchange(ref _clockOffsetTicks, value.Ticks);
        }

        public TimeSpan StallDuration
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _stallTicks));
            set => Interlocked.Exchange(ref _stallTicks, Math.Max(0, value.Ticks));
        }

        public double FaultRate
        {
            get => Volatile.Read(ref _faultRate);
            set
            {
                if (double.IsNaN(value) || value < 0 || value > 1) throw new ArgumentOutOfRangeException(nameof(value), "FaultRate must be between 0 and 1.");
                Volatile.Write(ref _faultRate, value);
            }
        }

        /// <summary>The emulator's clock: this machine's, skewed by <see cref="ClockOffset"/>.</summary>
        public DateTime ServerNow => DateTime.UtcNow + ClockOffset;
    }
}
