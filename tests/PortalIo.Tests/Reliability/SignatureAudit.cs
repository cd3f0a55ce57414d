using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox;
using PortalIo.Sandbox.Diagnostics;
using PortalIo.Signing;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Every request the sandbox received, secrets included (through SandboxOptions.RequestObserver),
    /// and the checks that need them: each attempt signed for its own date, the password only in
    /// the exchange query.
    /// </summary>
    internal sealed class SignatureAudit
    {
        public ConcurrentQueue<SandboxObservedRequest> Requests { get; } = new();

        public void Observe(SandboxObservedRequest request) => Requests.Enqueue(request);

        public IReadOnlyList<string> Signatures => Requests.Select(r => r.Header("X-MSS-SIGNATURE")).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct().ToList();

        /// <summary>
        /// Requests whose signature is not the HMAC of their own method, URL, content type, date and
        /// user key, or whose date is not the time they were sent (a retry that reused an old
        /// signature would carry an old date). Faulted requests are included: the sandbox injects a
        /// fault before checking the signature, so this check is the only one they get.
        /// </summary>
        public List<string> BadlySigned(SandboxServer sandbox, TimeSpan dateTolerance)
        {
            var bad = new List<string>();
            foreach (var r in Requests)
            {
                var date = r.Header("X-MSS-CUSTOM-DATE") ?? "";
                var userKey = r.Header("X-MSS-API-USERKEY") ?? "";
                var uri = new Uri(sandbox.BaseUri, r.RawUrl);
                var contentType = r.Method == "GET" ? null : r.Header("Content-Type");
                var expected = RequestSigner.Sign(sandbox.SecretKey, CanonicalMessage.Build(r.Method, uri, contentType, date, userKey));
                if (!string.Equals(expected, r.Header("X-MSS-SIGNATURE"), StringComparison.Ordinal))
                    bad.Add(r + ": signature does not match its own canonical message");
                else if (!PortalDate.TryParse(date, out var signedAt) || (signedAt.UtcDateTime - r.ReceivedAtUtc).Duration() > dateTolerance)
                    bad.Add(r + ": date '" + date + "' is not the time it was sent (" + r.ReceivedAtUtc.ToString("R") + ")");
            }
            return bad;
        }
    }
}
