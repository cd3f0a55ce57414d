using System.Collections.Concurrent;
using System.Threading;
using PortalIo.Http;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// Collects the client's log lines from whatever thread produced them, so the cmdlet can write
    /// them on the pipeline thread (the only thread WriteVerbose, WriteDebug and WriteWarning may
    /// be called from).
    /// </summary>
    internal sealed class CmdletLog : IPortalLog
    {
        internal enum Stream
        {
            Verbose,
            Debug,
            Warning,
        }

        // Made at the first line: most commands log nothing, and an empty queue already holds a segment of 32 slots.
        private ConcurrentQueue<(Stream Stream, string Text)>? _lines;

        public CmdletLog(bool verbose, bool debug)
        {
            IsVerboseEnabled = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsVerboseEnabled { get; }
        public bool IsDebugEnabled { get; }

        public bool IsEmpty => _lines?.IsEmpty ?? true;

        public void Verbose(string message) => Lines.Enqueue((Stream.Verbose, message));

        public void Debug(string message) => Lines.Enqueue((Stream.Debug, message));

        public void Warning(string message) => Lines.Enqueue((Stream.Warning, message));

        // Lines may come from several threads at once (fan-out): the first queue made is the one kept.
        private ConcurrentQueue<(Stream Stream, string Text)> Lines =>
            _lines ?? Interlocked.CompareExchange(ref _lines, new ConcurrentQueue<(Stream, string)>(), null) ?? _lines!;

        public bool TryTake(out Stream stream, out string text)
        {
            var lines = _lines;
            if (lines != null && lines.TryDequeue(out var line))
            {
                stream = line.Stream;
                text = line.Text;
                return true;
            }
            stream = Stream.Verbose;
            text = string.Empty;
            return false;
        }
    }
}
