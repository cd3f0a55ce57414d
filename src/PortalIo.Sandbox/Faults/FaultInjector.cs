using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PortalIo.Sandbox.Faults
{
    /// <summary>
    /// The random faults: decides per request whether to strike (SandboxOptions.FaultRate), and
    /// with which kind from the configured mix. Kinds that strike before processing never have a
    /// side effect; the "applied" kinds (<see cref="FaultKinds.ProcessesRequest"/>) process the
    /// request first and then lose or spoil the answer. One Random behind a lock: seeded runs replay
    /// the same fault sequence for the same request order.
    /// </summary>
    internal sealed class FaultInjector
    {
        private readonly Random _random;
        private readonly object _gate = new object();
        private readonly long[] _counts = new long[FaultKinds.All.Length];
        private FaultKind[] _kinds;

        public FaultInjector(int? seed, IEnumerable<FaultKind>? kinds = null)
        {
            _random = seed.HasValue ? new Random(seed.Value) : new Random();
            _kinds = Normalize(kinds);
        }

        /// <summary>The mix to draw from, equally likely; a kind listed twice is twice as likely.</summary>
        public IReadOnlyList<FaultKind> Kinds
        {
            get => Volatile.Read(ref _kinds);
            set => Volatile.Write(ref _kinds, Normalize(value));
        }

        private static FaultKind[] Normalize(IEnumerable<FaultKind>? kinds)
        {
            var list = kinds?.ToArray() ?? FaultKinds.Default;
            if (list.Length == 0) list = FaultKinds.Default;
            foreach (var kind in list)
                if (!Enum.IsDefined(typeof(FaultKind), kind)) throw new ArgumentOutOfRangeException(nameof(kinds), "Unknown fault kind " + kind + ".");
            return list;
        }

        public FaultKind? Decide(double faultRate)
        {
            if (faultRate <= 0) return null;
            FaultKind kind;
            lock (_gate)
            {
                if (_random.NextDouble() >= faultRate) return null;
                var kinds = Volatile.Read(ref _kinds);
                kind = kinds[_random.Next(kinds.Length)];
            }
            Interlocked.Increment(ref _counts[(int)kind]);
            return kind;
        }

        /// <summary>How many faults of each kind were injected so far.</summary>
        public IReadOnlyDictionary<FaultKind, long> Counts
        {
            get
            {
                var counts = new Dictionary<FaultKind, long>();
                foreach (var kind in FaultKinds.All) counts[kind] = Interlocked.Read(ref _counts[(int)kind]);
                return counts;
            }
        }
    }
}
