using System;
using System.Collections.Generic;
using System.Threading;

namespace PortalIo.Sandbox.RateLimiting
{
    /// <summary>
    /// Requests per second per application key, in fixed one-second windows of the clock. Portal.io
    /// documents no limit (see docs/api-decisions.md, 'Rate limits'); this one exists so that clients
    /// can be tested against one. A refused request does not count against the window, and its
    /// Retry-After is the whole seconds until the window ends (always 1 with one-second windows):
    /// a client that waits that long lands in a fresh window and can send a full window's worth
    /// again, so it proceeds at close to the limit's rate. The clock is injected, so the window logic
    /// is tested without waiting.
    /// </summary>
    internal sealed class RateLimiter
    {
        /// <summary>Above this many tracked keys, keys of past windows are forgotten (hostile callers can invent keys).</summary>
        private const int MaxTrackedKeys = 1000;

        private readonly Func<DateTime> _clock;
        private readonly Dictionary<string, Window> _windows = new Dictionary<string, Window>(StringComparer.Ordinal);
        private int _limit;

        public RateLimiter(Func<DateTime> clock) { _clock = clock; }

        /// <summary>Requests per second per application key; 0 turns the limit off.</summary>
        public int Limit
        {
            get => Volatile.Read(ref _limit);
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "The rate limit must be 0 (off) or a positive number of requests per second.");
                Volatile.Write(ref _limit, value);
            }
        }

        /// <summary>True when the request may proceed (and is counted); else the seconds to wait.</summary>
        public bool TryAcquire(string applicationKey, out int retryAfterSeconds)
        {
            retryAfterSeconds = 0;
            var limit = Limit;
            if (limit <= 0) return true;
            var now = _clock().Ticks;
            var current = now / TimeSpan.TicksPerSecond;
            lock (_windows)
            {
                if (!_windows.TryGetValue(applicationKey, out var window) || window.Second != current)
                {
                    if (_windows.Count >= MaxTrackedKeys) ForgetPastWindows(current);
                    window = new Window { Second = current };
                    _windows[applicationKey] = window;
                }
                if (window.Count < limit)
                {
                    window.Count++;
                    return true;
                }
            }
            var untilNextWindow = (current + 1) * TimeSpan.TicksPerSecond - now;
            retryAfterSeconds = (int)Math.Max(1, (untilNextWindow + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
            return false;
        }

        /// <summary>Every key starts afresh (SandboxServer.Reset).</summary>
        public void Reset()
        {
            lock (_windows) _windows.Clear();
        }

        private void ForgetPastWindows(long current)
        {
            var past = new List<string>();
            foreach (var entry in _windows)
                if (entry.Value.Second != current) past.Add(entry.Key);
            foreach (var key in past) _windows.Remove(key);
        }

        private sealed class Window
        {
            public long Second;
            public int Count;
        }
    }
}
