using System;

namespace PortalIo.Http
{
    /// <summary>
    /// The time one call may take, retries included (ClientSettings.EffectiveDeadline: twice the
    /// per-attempt timeout unless set). Each attempt gets the per-attempt timeout or what is left,
    /// whichever is shorter; no wait between attempts outlasts it; a server that asks for a longer
    /// wait (Retry-After) gets an answer at once instead of a call that hangs for minutes.
    /// </summary>
    internal sealed class CallDeadline
    {
        private readonly Func<TimeSpan> _clock;
        private readonly TimeSpan _started;

        private CallDeadline(Func<TimeSpan> clock, TimeSpan budget)
        {
            _clock = clock;
            _started = clock();
            Budget = budget;
        }

        public static CallDeadline Start(ClientSettings settings) => new CallDeadline(settings.Elapsed, settings.EffectiveDeadline);

        /// <summary>The whole time the call may take.</summary>
        public TimeSpan Budget { get; }

        public TimeSpan Remaining
        {
            get
            {
                var left = Budget - (_clock() - _started);
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }

        /// <summary>The timeout of the next attempt: the per-attempt one, or what is left when that is less.</summary>
        public TimeSpan AttemptTimeout(TimeSpan perAttempt)
        {
            var left = Remaining;
            return left < perAttempt ? left : perAttempt;
        }

        /// <summary>
        /// Whether a wait of <paramref name="wait"/> still leaves time for another attempt worth
        /// making: a quarter of the per-attempt timeout, or a second when that is more (an attempt
        /// with a few milliseconds left would only time out).
        /// </summary>
        public bool Allows(TimeSpan wait, TimeSpan perAttempt)
        {
            var quarter = TimeSpan.FromTicks(perAttempt.Ticks / 4);
            var least = quarter < TimeSpan.FromSeconds(1) ? quarter : TimeSpan.FromSeconds(1);
            return wait + least <= Remaining;
        }

        /// <summary>"10 s" or "1.5 s", for messages.</summary>
        public static string Describe(TimeSpan span) =>
            span.TotalSeconds >= 10 || Math.Abs(span.TotalSeconds - Math.Round(span.TotalSeconds)) < 0.05
                ? Math.Round(span.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s"
                : span.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";
    }
}
