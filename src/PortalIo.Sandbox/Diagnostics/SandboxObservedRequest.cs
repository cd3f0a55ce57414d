using System;
using System.Collections.Generic;

namespace PortalIo.Sandbox.Diagnostics
{
    /// <summary>
    /// A request exactly as it arrived, secrets included (headers with the user key and signature,
    /// the raw query with the exchange password). Only for <see cref="SandboxOptions.RequestObserver"/>:
    /// tests use it to prove what a client sends (each retry re-signed, the password only in the
    /// exchange query); it is never logged or kept by the emulator.
    /// </summary>
    public sealed class SandboxObservedRequest
    {
        internal SandboxObservedRequest(string method, string rawUrl, IReadOnlyDictionary<string, string> headers, string body,
            string? faultInjected, DateTime receivedAtUtc)
        {
            Method = method;
            RawUrl = rawUrl;
            Headers = headers;
            Body = body;
            FaultInjected = faultInjected;
            ReceivedAtUtc = receivedAtUtc;
        }

        public string Method { get; }

        /// <summary>Path and raw query, as on the request line.</summary>
        public string RawUrl { get; }

        /// <summary>Every header (repeated headers joined with ','), case-insensitive names.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>The body decoded as UTF-8 (at most 64 KB).</summary>
        public string Body { get; }

        /// <summary>The fault the emulator injected for this request, or null.</summary>
        public string? FaultInjected { get; }

        public DateTime ReceivedAtUtc { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public override string ToString() => Method + " " + RawUrl;
    }
}
