using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>
    /// Learns, per session, how fast the server lets it send, from the 429s the server answers, and
    /// paces every attempt to that (see docs/api-decisions.md, 'Rate limits'). It decides when each
    /// attempt may start; it is never held during a retry's backoff, so a request waiting to retry
    /// does not stall the others.
    /// <list type="bullet">
    /// <item>Until the first 429 it costs nothing: no limit, attempts start at once.</item>
    /// <item>A 429 cuts the rate (multiplicative decrease): the first to 95 % of what the server let
    /// through in a second (without a Retry-After: the answers of the last second), every later one by
    /// a further 10 %. A 429
    /// to an attempt that started before the last cut belongs to the same burst and cuts nothing;
    /// nor does one that comes while nothing of this session was answered in the last second (another
    /// client used the key's allowance, or the answers let through are still on their way).</item>
    /// <item>A first 429 with a Retry-After sets the rate when the pause is over, from the attempts that
    /// started in the second before it came back and succeeded: by then they have been answered (a
    /// server may answer its 429s at once and the others after its latency), and nothing starts
    /// during the pause anyway.</item>
    /// <item>A 429's Retry-After holds back every attempt of the session that has not started yet
    /// until it has passed; attempts already sent finish. A wait longer than
    /// <see cref="MaxPause"/> is not a pause (that call fails instead, see RetryPolicy).</item>
    /// <item>Attempts then start evenly spaced at that rate, never closer than the spacing even when the
    /// machine was too busy to start them on time. How many are under way at once follows:
    /// the rate times the time an answer takes. A concurrency window could not express a limit below
    /// one request per answer time: at 20 ms per answer one request at a time is already 50 a second.</item>
    /// <item>A minute without a 429 lifts the limit (the additive increase, in one step: the server's
    /// limit may have changed, or the cut may have come from another client's burst); the next 429
    /// learns it again.</item>
    /// </list>
    /// Thread-safe; one per client.
    /// </summary>
    internal sealed class AdaptiveRateLimiter
    {
        internal const double FirstCut = 0.95;
        internal const double LaterCut = 0.9;
        internal const double MinimumRate = 0.5;
        internal static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(1);
        internal static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(2);

        /// <summary>How many answer times are kept to measure the last second (a rate above this is measured as this).</summary>
        private const int AnswerLogSize = 1024;

        /// <summary>How many times one attempt waits for its turn at most (a pause may begin, others may start first).</summary>
        private const int MaxWaits = 16;

        private readonly object _gate = new object();
        private readonly Func<TimeSpan> _now;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly long[] _answerLog = new long[AnswerLogSize];
        private readonly long[] _startLog = new long[AnswerLogSize];
        private int _answerNext;
        private int _answersKept;
        private long _remeasureFor = long.MinValue;
        private long _remeasureAt;
        private string? _learnedLater;

        private volatile bool _limited;
        private double _rate;
        private long _nextStart;
        private long _lastStart = long.MinValue / 2;
        private long _pausedUntil;
        private long _lastCut = long.MinValue;
        private long _last429 = long.MinValue;

        /// <param name="delay">How to wait (the client's, so that tests which skip waits skip these too).</param>
        /// <param name="now">A monotonic clock; default: a stopwatch started now.</param>
        public AdaptiveRateLimiter(Func<TimeSpan, CancellationToken, Task> delay, Func<TimeSpan>? now = null)
        {
            _delay = delay ?? throw new ArgumentNullException(nameof(delay));
            if (now is null)
            {
                var clock = Stopwatch.StartNew();
                now = () => clock.Elapsed;
            }
            _now = now;
        }

        /// <summary>The attempts per second allowed now, or null when there is no limit.</summary>
        public double? RequestsPerSecond
        {
            get
            {
                lock (_gate)
                {
                    Settle(Ticks);
                    return _limited ? _rate : (double?)null;
                }
            }
        }

        private long Ticks => _now().Ticks;

        /// <summary>
        /// True, with the start time, when an attempt may start now (always, while there is no limit
        /// and no pause); false when the caller must wait with <see cref="WaitForTurnAsync"/>.
        /// </summary>
        public bool TryStartNow(out TimeSpan startedAt)
        {
            var now = Ticks;
            startedAt = new TimeSpan(now);
            if (!_limited && Volatile.Read(ref _pausedUntil) <= now && Volatile.Read(ref _remeasureFor) == long.MinValue) return true;
            lock (_gate)
            {
                Settle(now);
                if (Earliest(now) > now) return false;
                Reserve(now);
                _lastStart = now;
                return true;
            }
        }

        /// <summary>Waits for this attempt's turn (Ctrl+C ends the wait) and returns its start time.</summary>
        public async Task<TimeSpan> WaitForTurnAsync(CancellationToken cancellationToken)
        {
            var turn = long.MinValue;
            var waitedFor = long.MinValue;
            for (var wait = 0; ; wait++)
            {
                long delay;
                lock (_gate)
                {
                    // A wait counts as over when its timer ends it, which may be a fraction of a millisecond
                    // early (waits are timed in whole milliseconds): the turns a first 429's pause held back
                    // must see the rate it set when it ended, or they would all start at once.
                    var now = Math.Max(Ticks, waitedFor);
                    Settle(now);
                    // A first turn, or a fresh one when a 429's pause began after this one was taken: the
                    // turns a pause held back are spaced again, not started together when it ends.
                    if (turn == long.MinValue || _pausedUntil > turn) turn = Reserve(now);
                    // Turns reached late (the machine was busy) start one spacing apart, not together:
                    // a burst of them would reach the server within one of its windows.
                    var start = _limited ? Math.Max(turn, _lastStart + Spacing) : turn;
                    // Waited for already: only what happened meanwhile (a pause, another start) waits again.
                    if (start <= now || wait >= MaxWaits)
                    {
                        _lastStart = now;
                        return new TimeSpan(now);
                    }
                    delay = start - now;
                    waitedFor = start;
                }
                await _delay(new TimeSpan(delay), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Learns from an attempt's answer. Returns what changed, for the -Debug log, or null.
        /// </summary>
        /// <param name="startedAt">The start time <see cref="TryStartNow"/> or <see cref="WaitForTurnAsync"/> gave the attempt.</param>
        public string? OnAnswer(TimeSpan startedAt, int statusCode, TimeSpan? retryAfter)
        {
            lock (_gate)
            {
                var now = Ticks;
                Settle(now);
                var learnedLater = _learnedLater;
                _learnedLater = null;
                if (statusCode != 429)
                {
                    _answerLog[_answerNext] = now;
                    _startLog[_answerNext] = startedAt.Ticks;
                    _answerNext = (_answerNext + 1) % AnswerLogSize;
                    if (_answersKept < AnswerLogSize) _answersKept++;
                    return learnedLater;
                }

                _last429 = now;
                var paused = false;
                if (retryAfter.HasValue && retryAfter.Value > TimeSpan.Zero && retryAfter.Value <= MaxPause)
                {
                    var until = now + retryAfter.Value.Ticks;
                    if (until > _pausedUntil) Volatile.Write(ref _pausedUntil, until);
                    paused = true;
                }
                if (startedAt.Ticks < _lastCut) return learnedLater;
                if (!_limited && paused)
                {
                    // The first 429s of a burst: nothing starts before the Retry-After anyway, and by then the
                    // answers the server let through have come in (it may answer a 429 before them). The rate
                    // is set then (Settle), from the attempts that started in the second before this first
                    // 429 came back and succeeded: the server takes them in the order they arrive, not in the
                    // order they started, so every one started before now counts, refused or not.
                    if (_remeasureFor == long.MinValue) _remeasureFor = now;
                    _remeasureAt = _pausedUntil;
                    return PauseOnly(retryAfter!.Value);
                }
                var answered = _limited ? 0 : AnsweredInLastSecond(now);
                // A 429 without a pause while this session had nothing answered in the last second came
                // from another client's use of the same key: there is nothing of ours to measure.
                if (!_limited && answered == 0) return learnedLater;

                _rate = Math.Max(MinimumRate, _limited ? _rate * LaterCut : FirstCut * answered);
                _limited = true;
                _lastCut = now;
                return Paced() + (paused ? ", none before the server's Retry-After of "
                    + retryAfter!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s has passed." : ".");
            }
        }

        private string Paced()
        {
            var rate = _rate.ToString("0.#", CultureInfo.InvariantCulture);
            return "429 Too Many Requests: this session now starts at most " + rate + (rate == "1" ? " request" : " requests") + " per second";
        }

        /// <summary>Under the lock: lifts a limit after a quiet minute, and sets the rate a first 429 waited for.</summary>
        private void Settle(long now)
        {
            LiftWhenQuiet(now);
            if (_remeasureFor == long.MinValue || now < _remeasureAt) return;
            // What the server let through: the attempts started in the second before its first 429 came
            // back that succeeded. Nothing (another client used the key's allowance): only the pause applied.
            var letThrough = SucceededInSecondBefore(_remeasureFor);
            _remeasureFor = long.MinValue;
            if (letThrough == 0 || _limited) return;
            _rate = Math.Max(MinimumRate, FirstCut * letThrough);
            _limited = true;
            _lastCut = now;
            _learnedLater = Paced() + ", from the " + letThrough + " requests the server let through before its first 429.";
        }

        private int SucceededInSecondBefore(long firstRefusal)
        {
            var count = 0;
            for (var i = 0; i < _answersKept; i++)
            {
                var started = _startLog[i];
                if (started <= firstRefusal && firstRefusal - started < TimeSpan.TicksPerSecond) count++;
            }
            return count;
        }

        private static string PauseOnly(TimeSpan retryAfter) =>
            "429 Too Many Requests: no request of this session starts before the server's Retry-After of "
            + retryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s has passed.";

        /// <summary>The time between two starts at the current rate. Under the lock, when limited.</summary>
        private long Spacing => (long)(TimeSpan.TicksPerSecond / _rate);

        /// <summary>When the next attempt may start at the earliest. Under the lock.</summary>
        private long Earliest(long now)
        {
            var earliest = Math.Max(now, _pausedUntil);
            return _limited ? Math.Max(earliest, Math.Max(_nextStart, _lastStart + Spacing)) : earliest;
        }

        /// <summary>Takes the next turn and moves the one after by the spacing. Under the lock.</summary>
        private long Reserve(long now)
        {
            var turn = Earliest(now);
            if (_limited) _nextStart = turn + Spacing;
            return turn;
        }

        private void LiftWhenQuiet(long now)
        {
            if (_limited && now - _last429 >= QuietPeriod.Ticks) _limited = false;
        }

        private int AnsweredInLastSecond(long now)
        {
            var count = 0;
            for (var i = 0; i < _answersKept; i++)
                if (now - _answerLog[i] < TimeSpan.TicksPerSecond) count++;
            return count;
        }
    }
}
