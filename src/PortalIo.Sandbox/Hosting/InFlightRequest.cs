using System.Net;

namespace PortalIo.Sandbox.Hosting
{
    /// <summary>A request being handled: its connection, and its journal entry once it has one (Stop marks it).</summary>
    internal sealed class InFlightRequest
    {
        private volatile SandboxRequestRecord? _record;

        public InFlightRequest(HttpListenerContext context) { Context = context; }

        public HttpListenerContext Context { get; }

        public SandboxRequestRecord? Record
        {
            get => _record;
            set => _record = value;
        }
    }
}
