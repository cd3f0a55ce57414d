using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using Xunit;

namespace PortalIo.Tests.Http
{
    /// <summary>
    /// The session's rate limiter against a clock the test moves: waits are recorded and advance the
    /// clock instead of sleeping, so the arithmetic is checked without any timing.
    /// </summary>
    public class AdaptiveRateLimiterTests
    {
        private sealed class Clock
        {
            public TimeSpan Now { get; set; } = TimeSpan.FromSeconds(100);
            public List<TimeSpan> Waits { get; } = new List<TimeSpan>();

            public Task Delay(TimeSpan wait, CancellationToken token)
            {
                token.ThrowIfCancellationRequested();
                Waits.Add(wait);
                Now += wait;
                return Task.CompletedTask;
            }
        }

        private static (AdaptiveRateLimiter Limiter, Clock Clock) New()
        {
            var clock = new Clock();
            return (new AdaptiveRateLimiter(clock.Delay, () => clock.Now), clock);
        }

        /// <summary>Takes a turn the way the client does: at once when allowed, else after the wait.</summary>
        private static TimeSpan Start(AdaptiveRateLimiter limiter) =>
            limiter.TryStartNow(out var startedAt) ? startedAt : limiter.WaitForTurnAsync(CancellationToken.None).GetAwaiter().GetResult();

        /// <summary>Answers <paramref name="count"/> attempts with 200, <paramref name="apart"/> apart.</summary>
        private static void Answered(AdaptiveRateLimiter limiter, Clock clock, int count, TimeSpan apart)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.Null(limiter.OnAnswer(Start(limiter), 200, null));
                clock.Now += apart;
            }
        }

        /// <summary>
        /// A limiter whose waits end only when the test wakes them (in <c>sleeping</c>, in the order they
        /// began), at whatever time the test has set the clock to meanwhile.
        /// </summary>
        private static (AdaptiveRateLimiter Limiter, Clock Clock, List<TaskCompletionSource<bool>> Sleeping) WokenByTheTest()
        {
            var clock = new Clock();
            var sleeping = new List<TaskCompletionSource<bool>>();
            var limiter = new AdaptiveRateLimiter((wait, token) =>
            {
                var woken = new TaskCompletionSource<bool>();
                sleeping.Add(woken);
                return woken.Task;
            }, () => clock.Now);
            return (limiter, clock, sleeping);
        }

        [Fact]
        public void Without_a_429_there_is_no_limit_and_no_wait()
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 500, TimeSpan.Zero);
            Assert.Null(limiter.RequestsPerSecond);
            Assert.Empty(clock.Waits);
            // Other failures are not the server asking to slow down.
            foreach (var status in new[] { 500, 503, 404 }) Assert.Null(limiter.OnAnswer(Start(limiter), status, TimeSpan.FromSeconds(5)));
            Assert.Null(limiter.RequestsPerSecond);
            Assert.True(limiter.TryStartNow(out _));
        }

        [Fact]
        public void The_first_429_paces_at_95_percent_of_what_the_server_let_through_once_its_Retry_After_has_passed()
        {
            var (limiter, clock) = New();
            // A burst: 40 answers long ago (forgotten), then 50 in the last 250 ms, as a fan-out of 8 meets a limit of 50/s.
            Answered(limiter, clock, 40, TimeSpan.FromMilliseconds(1));
            clock.Now += TimeSpan.FromSeconds(5);
            Answered(limiter, clock, 50, TimeSpan.FromMilliseconds(5));
            var refused = Enumerable.Range(0, 8).Select(_ => Start(limiter)).ToList();

            var first = limiter.OnAnswer(refused[0], 429, TimeSpan.FromSeconds(1));
            var pausedAt = clock.Now;
            // The rest of the burst pauses too, and nothing is decided before the pause is over.
            foreach (var started in refused.Skip(1)) Assert.Contains("no request of this session starts before", limiter.OnAnswer(started, 429, TimeSpan.FromSeconds(1)));
            Assert.Contains("Retry-After of 1 s", first);
            Assert.Null(limiter.RequestsPerSecond);

            // Nothing starts before the Retry-After has passed; then one start every 1/47.5 s.
            Assert.False(limiter.TryStartNow(out _));
            var starts = Enumerable.Range(0, 5).Select(_ => limiter.WaitForTurnAsync(CancellationToken.None).GetAwaiter().GetResult()).ToList();
            Assert.Equal(pausedAt + TimeSpan.FromSeconds(1), starts[0]);
            Assert.Equal(47.5, limiter.RequestsPerSecond);
            var spacing = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / 47.5));
            for (var i = 1; i < starts.Count; i++) Assert.Equal(spacing, starts[i] - starts[i - 1]);
            Assert.Contains("at most 47.5 requests per second, from the 50 requests the server let through", limiter.OnAnswer(starts[0], 200, null));
        }

        [Fact]
        public void A_later_429_to_an_attempt_started_after_the_cut_cuts_by_ten_percent()
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 20, TimeSpan.FromMilliseconds(10));
            Assert.NotNull(limiter.OnAnswer(Start(limiter), 429, null));
            Assert.Equal(19, limiter.RequestsPerSecond);
            clock.Now += TimeSpan.FromSeconds(3);

            Assert.NotNull(limiter.OnAnswer(Start(limiter), 429, null));
            Assert.Equal(19 * 0.9, limiter.RequestsPerSecond!.Value, 6);
            Assert.NotNull(limiter.OnAnswer(Start(limiter), 429, null));
            Assert.Equal(19 * 0.9 * 0.9, limiter.RequestsPerSecond!.Value, 6);
        }

        [Fact]
        public void A_429_when_nothing_of_the_session_was_answered_in_the_last_second_only_pauses()
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 10, TimeSpan.FromMilliseconds(1));
            clock.Now += TimeSpan.FromSeconds(30);

            var learned = limiter.OnAnswer(Start(limiter), 429, TimeSpan.FromSeconds(2));

            Assert.Null(limiter.RequestsPerSecond);
            Assert.Contains("no request of this session starts before", learned);
            Assert.False(limiter.TryStartNow(out _));
            var started = limiter.WaitForTurnAsync(CancellationToken.None).GetAwaiter().GetResult();
            Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, clock.Waits);
            Assert.True(limiter.TryStartNow(out var next));
            Assert.Equal(started, next);
        }

        [Fact]
        public void A_burst_whose_429s_come_back_before_its_successes_is_counted_once_they_have()
        {
            var (limiter, clock) = New();
            // Eight at once against a limit of 5 per second: the server refuses three at once and answers
            // the five it let through after its 100 ms latency.
            var burst = Enumerable.Range(0, 8).Select(_ => Start(limiter)).ToList();
            clock.Now += TimeSpan.FromMilliseconds(1);
            var first = limiter.OnAnswer(burst[5], 429, TimeSpan.FromSeconds(1));
            foreach (var refused in burst.Skip(6)) limiter.OnAnswer(refused, 429, TimeSpan.FromSeconds(1));
            Assert.Contains("no request of this session starts before", first);
            Assert.Null(limiter.RequestsPerSecond);
            clock.Now += TimeSpan.FromMilliseconds(99);
            foreach (var letThrough in burst.Take(5)) Assert.Null(limiter.OnAnswer(letThrough, 200, null));

            // The pause is over: the five that succeeded set the pace, and the next answer says so.
            clock.Now += TimeSpan.FromSeconds(1);
            Assert.Equal(4.75, limiter.RequestsPerSecond);
            var said = limiter.OnAnswer(Start(limiter), 200, null);
            Assert.Contains("at most 4.8 requests per second, from the 5 requests the server let through", said);
            Assert.Null(limiter.OnAnswer(Start(limiter), 200, null));
        }

        [Fact]
        public void One_request_per_second_is_said_in_the_singular()
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 1, TimeSpan.Zero);
            Assert.Contains("at most 1 request per second", limiter.OnAnswer(Start(limiter), 429, null));
        }

        [Theory]
        [InlineData(-5.0)]
        [InlineData(0.0)]
        [InlineData(121.0)]
        [InlineData(86400.0)]
        public void A_Retry_After_that_is_not_a_pause_between_zero_and_two_minutes_holds_nothing_back(double seconds)
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 10, TimeSpan.FromMilliseconds(10));
            limiter.OnAnswer(Start(limiter), 429, TimeSpan.FromSeconds(seconds));

            // The rate is cut (9.5/s), but the first attempt may start at once.
            Assert.Equal(9.5, limiter.RequestsPerSecond);
            Assert.True(limiter.TryStartNow(out _));
        }

        [Fact]
        public void A_429_that_arrives_while_an_attempt_waits_for_its_turn_holds_that_attempt_back_too()
        {
            var clock = new Clock();
            AdaptiveRateLimiter? limiter = null;
            var pauseOnce = true;
            // While the waiting attempt sleeps until its turn, another attempt's 429 (Retry-After 3 s) comes in.
            limiter = new AdaptiveRateLimiter((wait, token) =>
            {
                clock.Waits.Add(wait);
                clock.Now += wait;
                if (pauseOnce)
                {
                    pauseOnce = false;
                    limiter!.OnAnswer(clock.Now - TimeSpan.FromMilliseconds(1), 429, TimeSpan.FromSeconds(3));
                }
                return Task.CompletedTask;
            }, () => clock.Now);
            Answered(limiter, clock, 10, TimeSpan.FromMilliseconds(10));
            limiter.OnAnswer(Start(limiter), 429, null); // 9.5/s, no pause
            Start(limiter);

            var started = limiter.WaitForTurnAsync(CancellationToken.None).GetAwaiter().GetResult();

            Assert.Equal(2, clock.Waits.Count);
            Assert.True(started >= clock.Now, "the attempt started before the Retry-After had passed");
        }

        [Fact]
        public Task Turns_reached_late_start_one_spacing_apart_not_together() =>
            // Off xunit's synchronization context, so that each wake-up below runs its waiter at once, in the
            // order the test sets them (under that context they would be queued and could run in either order).
            Task.Run(TurnsReachedLateAsync);

        private static async Task TurnsReachedLateAsync()
        {
            var (limiter, clock, sleeping) = WokenByTheTest();
            Answered(limiter, clock, 10, TimeSpan.FromMilliseconds(10));
            limiter.OnAnswer(Start(limiter), 429, null); // 9.5 per second, no pause
            var spacing = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / 9.5));
            Assert.True(limiter.TryStartNow(out _));
            var first = limiter.WaitForTurnAsync(CancellationToken.None);
            var second = limiter.WaitForTurnAsync(CancellationToken.None);
            Assert.Equal(2, sleeping.Count);

            // The machine was busy for a second: both turns have passed when the two wake up.
            clock.Now += TimeSpan.FromSeconds(1);
            sleeping[0].SetResult(true);
            sleeping[1].SetResult(true);

            Assert.Equal(clock.Now, await first);
            Assert.False(second.IsCompleted);
            Assert.Equal(3, sleeping.Count);
            clock.Now += spacing;
            sleeping[2].SetResult(true);
            Assert.Equal(spacing, await second - await first);
        }

        [Fact]
        public Task Turns_held_back_by_a_first_429_start_paced_even_when_the_timer_wakes_them_early() =>
            // Off xunit's synchronization context, as above.
            Task.Run(TurnsWokenEarlyAsync);

        private static async Task TurnsWokenEarlyAsync()
        {
            var (limiter, clock, sleeping) = WokenByTheTest();
            // Eight at once against 5 per second: three refused with a Retry-After of 1 s, five answered.
            var burst = Enumerable.Range(0, 8).Select(_ => Start(limiter)).ToList();
            clock.Now += TimeSpan.FromMilliseconds(1);
            var pauseEnds = clock.Now + TimeSpan.FromSeconds(1);
            foreach (var refused in burst.Skip(5)) limiter.OnAnswer(refused, 429, TimeSpan.FromSeconds(1));
            clock.Now += TimeSpan.FromMilliseconds(99);
            foreach (var letThrough in burst.Take(5)) limiter.OnAnswer(letThrough, 200, null);
            var first = limiter.WaitForTurnAsync(CancellationToken.None);
            var second = limiter.WaitForTurnAsync(CancellationToken.None);
            Assert.Equal(2, sleeping.Count);

            // Timers round a wait down to the millisecond: both wake a fraction of one before the pause ends.
            var early = TimeSpan.FromTicks(5000);
            clock.Now = pauseEnds - early;
            sleeping[0].SetResult(true);
            sleeping[1].SetResult(true);

            // The first starts (its wait is over); the rate the five set (4.75/s) spaces the second.
            await first;
            Assert.Equal(4.75, limiter.RequestsPerSecond);
            Assert.False(second.IsCompleted, "both turns held back by the pause started together when it ended");
            Assert.Equal(3, sleeping.Count);
            var spacing = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / 4.75));
            clock.Now += spacing;
            sleeping[2].SetResult(true);
            Assert.True(await second - await first >= spacing - early);
        }

        [Fact]
        public void A_minute_without_a_429_lifts_the_limit()
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 10, TimeSpan.FromMilliseconds(10));
            limiter.OnAnswer(Start(limiter), 429, TimeSpan.FromSeconds(1));
            clock.Now += TimeSpan.FromSeconds(1);
            Assert.NotNull(limiter.RequestsPerSecond);

            clock.Now += AdaptiveRateLimiter.QuietPeriod - TimeSpan.FromSeconds(2);
            Assert.NotNull(limiter.RequestsPerSecond);
            clock.Now += TimeSpan.FromSeconds(1);
            Assert.Null(limiter.RequestsPerSecond);
            Assert.True(limiter.TryStartNow(out _));
            Assert.True(limiter.TryStartNow(out _));
        }

        [Fact]
        public async Task Waiting_for_a_turn_ends_at_once_when_cancelled()
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 10, TimeSpan.FromMilliseconds(10));
            limiter.OnAnswer(Start(limiter), 429, TimeSpan.FromSeconds(30));
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitForTurnAsync(cancel.Token));
        }

        [Fact]
        public void The_rate_never_falls_below_the_minimum()
        {
            var (limiter, clock) = New();
            Answered(limiter, clock, 1, TimeSpan.Zero);
            for (var i = 0; i < 50; i++)
            {
                limiter.OnAnswer(limiter.WaitForTurnAsync(CancellationToken.None).GetAwaiter().GetResult(), 429, null);
                clock.Now += TimeSpan.FromSeconds(1);
            }
            Assert.Equal(AdaptiveRateLimiter.MinimumRate, limiter.RequestsPerSecond);
        }
    }
}
