using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Matching;

namespace PortalIo.Sandbox.Journal
{
    /// <summary>
    /// Every request the emulator received, oldest first, bounded to the last <see cref="Capacity"/>
    /// so that long performance runs do not grow memory without limit (each entry keeps at most
    /// 64 KB of body text).
    /// </summary>
    internal sealed class RequestJournal
    {
        public const int Capacity = 10000;

        private readonly Queue<SandboxRequestRecord> _records = new Queue<SandboxRequestRecord>();
        private long _sequence;

        /// <summary>Numbers the record and adds it, dropping the oldest beyond the capacity.</summary>
        public void Add(SandboxRequestRecord record)
        {
            lock (_records)
            {
                record.Sequence = ++_sequence;
                _records.Enqueue(record);
                while (_records.Count > Capacity) _records.Dequeue();
            }
        }

        /// <summary>How many requests were recorded since the emulator started (also those dropped or cleared since).</summary>
        public long TotalRecorded
        {
            get { lock (_records) return _sequence; }
        }

        public IReadOnlyList<SandboxRequestRecord> Snapshot()
        {
            lock (_records) return _records.ToArray();
        }

        /// <param name="method">Only this method (any case); null or empty for all.</param>
        /// <param name="pathPattern">Only paths matching this wildcard (see <see cref="PathWildcard"/>); null or empty for all.</param>
        /// <param name="last">Only the last n of those that match; null for all.</param>
        public IReadOnlyList<SandboxRequestRecord> Find(string? method, string? pathPattern, int? last)
        {
            if (last.HasValue && last.Value < 1)
                throw new ArgumentOutOfRangeException(nameof(last), "Last must be at least 1 (the number of most recent matching requests to return).");
            var path = string.IsNullOrWhiteSpace(pathPattern) ? null : PathWildcard.Parse(pathPattern!);
            var wantedMethod = string.IsNullOrWhiteSpace(method) ? null : method!.Trim();
            IEnumerable<SandboxRequestRecord> matches = Snapshot();
            if (wantedMethod != null) matches = matches.Where(r => string.Equals(r.Method, wantedMethod, StringComparison.OrdinalIgnoreCase));
            if (path != null) matches = matches.Where(r => path.IsMatch(r.Path));
            var list = matches.ToList();
            return last.HasValue && list.Count > last.Value ? list.GetRange(list.Count - last.Value, last.Value) : list;
        }

        public void Clear()
        {
            lock (_records) _records.Clear();
        }
    }
}
