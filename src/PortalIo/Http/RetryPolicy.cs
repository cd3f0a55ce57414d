using System;

namespace PortalIo.Http
{
    /// <summary>
    /// When to try again and how long to wait. An idempotent request (GET, and the writes a route
    /// declares idempotent) is retried on network failures, timeouts, 408, 429, the 5xx
    /// gateway/availability statuses and a success answer whose body is unreadable. Any other
    /// write only when it was certainly not processed: it never reached the server (connection
    /// refused, name not resolved), or the server refused it unread (408 Request Timeout, 429
    /// Too Many Requests). Resending a write the server may have applied could apply it twice:
    /// settling such an outcome is WriteSettlement's job, not a blind retry's.
    /// </summary>
    internal sealed class RetryPolicy
    {
        public RetryPolicy(int maxRetries)
        {
            if (maxRetries < 0) throw new ArgumentOutOfRangeException(nameof(maxRetries));
            MaxRetries = maxRetries;
        }

        /// <summary>Retries after the first attempt (so MaxRetries + 1 attempts at most).</summary>
        public int MaxRetries { get; }

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A Retry-After longer than this is not waited for: the call fails instead.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

        public static bool IsRetryableStatus(int statusCode) =>
            statusCode == 408 || statusCode == 429 || statusCode == 500 || statusCode == 502 ||
            statusCode == 503 || statusCode == 504;

        /// <summary>Statuses that say the request was refused before it was processed.</summary>
        public static bool IsNotProcessedStatus(int statusCode) => statusCode == 408 || statusCode == 429;

        /// <summary>May a request be sent again after this outcome?</summary>
        public bool AllowsRetry(bool idempotent, bool mayHaveBeenProcessed) => idempotent || !mayHaveBeenProcessed;

        /// <summary>
        /// The wait before retry number <paramref name="retry"/> (1-based): the server's Retry-After
        /// when it gave one, else exponential backoff with jitter (between half and all of
        /// BaseDelay * 2^(retry-1), capped) so that many clients don't retry in lock-step.
        /// Returns null when the server asks for a longer wait than MaxRetryAfter.
        /// </summary>
        public TimeSpan? DelayBeforeRetry(int retry, TimeSpan? retryAfter, Random random)
        {
            if (retryAfter.HasValue)
            {
                if (retryAfter.Value > MaxRetryAfter) return null;
                return retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
            }
            var exponent = Math.Min(retry - 1, 16);
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
            double fraction;
            lock (random) fraction = random.NextDouble();
            return TimeSpan.FromMilliseconds(ceiling / 2 + fraction * ceiling / 2);
        }
    }
}
