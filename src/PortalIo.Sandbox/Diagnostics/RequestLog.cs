using System.Collections.Generic;

namespace PortalIo.Sandbox.Diagnostics
{
    /// <summary>The most recent requests, bounded so that long perf runs do not grow memory without limit.</summary>
    internal sealed class RequestLog
    {
        public const int Capacity = 20000;

        private readonly Queue<SandboxRequestRecord> _records = new Queue<SandboxRequestRecord>();
        private readonly object _gate = new object();

        public void Add(SandboxRequestRecord record)
        {
            lock (_gate)
            {
                _records.Enqueue(record);
                while (_records.Count > Capacity) _records.Dequeue();
            }
        }

        public IReadOnlyList<SandboxRequestRecord> Snapshot()
        {
            lock (_gate) return _records.ToArray();
        }

        public void Clear()
        {
            lock (_gate) _records.Clear();
        }
    }
}
