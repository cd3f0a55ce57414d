using System;

namespace PortalIo.Sandbox
{
    /// <summary>
    /// One request as the sandbox saw it. Secrets are deliberately absent: no signature, no user
    /// key, no secret, and the Password query value is redacted, so a log can be shared or printed.
    /// </summary>
    public sealed class SandboxRequestRecord
    {
        internal SandboxRequestRecord(
            string method, string path, string query, string? contentType, string body,
            bool userKeyPresent, bool signatureValid, int statusCode, string? faultInjected,
            DateTime receivedAtUtc)
        {
            Method = method;
            Path = path;
            Query = query;
            ContentType = contentType;
            Body = body;
            UserKeyPresent = userKeyPresent;
            SignatureValid = signatureValid;
            StatusCode = statusCode;
            FaultInjected = faultInjected;
            ReceivedAtUtc = receivedAtUtc;
        }

        public string Method { get; }
        /// <summary>The path without the query string.</summary>
        public string Path { get; }
        /// <summary>The raw query string without the leading '?', with Password=*** redacted.</summary>
        public string Query { get; }
        public string? ContentType { get; }
        /// <summary>The request body as received (at most 64 KB).</summary>
        public string Body { get; }
        public bool UserKeyPresent { get; }
        public bool SignatureValid { get; }
        public int StatusCode { get; }
        /// <summary>The kind of injected fault, or null when the request was processed normally.</summary>
        public string? FaultInjected { get; }
        public DateTime ReceivedAtUtc { get; }

        public override string ToString() => Method + " " + Path + (Query.Length > 0 ? "?" + Query : "") + " -> " + StatusCode;
    }
}
