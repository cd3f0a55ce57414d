namespace PortalIo.Http
{
    /// <summary>A log that passes every line through a <see cref="SecretScrubber"/> before the caller's log sees it.</summary>
    internal sealed class ScrubbingLog : IPortalLog
    {
        private readonly IPortalLog _inner;
        private readonly SecretScrubber _scrubber;

        private ScrubbingLog(IPortalLog inner, SecretScrubber scrubber)
        {
            _inner = inner;
            _scrubber = scrubber;
        }

        /// <summary>The log to write to: <paramref name="inner"/> wrapped, unless there is nothing to scrub.</summary>
        public static IPortalLog Over(IPortalLog? inner, SecretScrubber scrubber)
        {
            inner ??= NullPortalLog.Instance;
            return scrubber.IsEmpty ? inner : new ScrubbingLog(inner, scrubber);
        }

        public bool IsVerboseEnabled => _inner.IsVerboseEnabled;
        public bool IsDebugEnabled => _inner.IsDebugEnabled;
        public void Verbose(string message) => _inner.Verbose(_scrubber.Scrub(message));
        public void Debug(string message) => _inner.Debug(_scrubber.Scrub(message));
        public void Warning(string message) => _inner.Warning(_scrubber.Scrub(message));
    }
}
