using System.Collections.Concurrent;
using PortalIo.Http;

namespace PortalIo.PowerShell
{
    /// <summary>
    /// Collects the client's log lines from whatever thread produced them, so the cmdlet can write
    /// them on the pipeline thread (the only thread WriteVerbose and WriteDebug may be called from).
    /// </summary>
    internal sealed class CmdletLog : IPortalLog
    {
        private readonly ConcurrentQueue<(bool Verbose, string Text)> _lines = new ConcurrentQueue<(bool, string)>();

        public CmdletLog(bool verbose, bool debug)
        {
            IsVerboseEnabled = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsVerboseEnabled { get; }
        public bool IsDebugEnabled { get; }

        public bool IsEmpty => _lines.IsEmpty;

        public void Verbose(string message) => _lines.Enqueue((true, message));

        public void Debug(string message) => _lines.Enqueue((false, message));

        public bool TryTake(out bool verbose, out string text)
        {
            if (_lines.TryDequeue(out var line))
            {
                verbose = line.Verbose;
                text = line.Text;
                return true;
            }
            verbose = false;
            text = string.Empty;
            return false;
        }
    }
}
