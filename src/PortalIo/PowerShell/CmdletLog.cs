using System.Collections.Concurrent;
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

        private readonly ConcurrentQueue<(Stream Stream, string Text)> _lines = new ConcurrentQueue<(Stream, string)>();

        public CmdletLog(bool verbose, bool debug)
        {
            IsVerboseEnabled = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsVerboseEnabled { get; }
        public bool IsDebugEnabled { get; }

        public bool IsEmpty => _lines.IsEmpty;

        public void Verbose(string message) => _lines.Enqueue((Stream.Verbose, message));

        public void Debug(string message) => _lines.Enqueue((Stream.Debug, message));

        public void Warning(string message) => _lines.Enqueue((Stream.Warning, message));

        public bool TryTake(out Stream stream, out string text)
        {
            if (_lines.TryDequeue(out var line))
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
