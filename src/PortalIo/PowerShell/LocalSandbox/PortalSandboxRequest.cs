using System;
using System.Collections;
using System.Globalization;

namespace PortalIo.PowerShell.LocalSandbox
{
    /// <summary>
    /// One request a local sandbox received (Get-PortalSandboxRequest), for a test's assertions:
    /// what was sent, parsed, and what became of it. The password and every known secret are
    /// "***"; the user key and the signature are never kept.
    /// </summary>
    public sealed class PortalSandboxRequest
    {
        /// <summary>1 for the first request the sandbox received, then consecutive (clearing the journal does not restart it).</summary>
        public long Sequence { get; set; }

        /// <summary>When the request arrived (this computer's time zone).</summary>
        public DateTimeOffset Time { get; set; }

        public string Method { get; set; } = "";

        /// <summary>The path without the query, e.g. /public/proposals/1042/area.</summary>
        public string Path { get; set; } = "";

        /// <summary>The query decoded (names in any case): a string per name, or a string[] when the name repeats.</summary>
        public Hashtable Query { get; set; } = new Hashtable(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The body parsed: a hashtable of the form fields (a string[] where a name repeats; for a
        /// file part a hashtable of FileName, ContentType and Length), or of the JSON object (nested
        /// objects as hashtables, arrays as object[]); an object[] for a JSON array; null when there
        /// was no body or it did not parse (see BodyKind and BodyText).
        /// </summary>
        public object? Body { get; set; }

        /// <summary>None, Form, Json, Multipart, or Unparsed (another content type, or a body that does not parse as its type says).</summary>
        public string BodyKind { get; set; } = "None";

        /// <summary>The body as text (at most 64 KB), secrets redacted.</summary>
        public string BodyText { get; set; } = "";

        public string? ContentType { get; set; }

        /// <summary>The HTTP status answered, or 0 when no status line was sent (a reset or a stall: see Outcome).</summary>
        public int StatusCode { get; set; }

        /// <summary>Answered, ConnectionReset, Stalled, BodyCutOff, UnreadableBody, or AbortedByStop.</summary>
        public string Outcome { get; set; } = "Answered";

        /// <summary>The fault that struck the request: a Set-PortalSandboxFault mode or a random fault kind; null when none did.</summary>
        public string? Fault { get; set; }

        /// <summary>True when the route handled the request (a write answered 2xx was applied), whatever became of the answer.</summary>
        public bool Processed { get; set; }

        /// <summary>True when the sandbox's rate limit (Start-PortalSandbox -RateLimit) refused the request with 429.</summary>
        public bool RateLimited { get; set; }

        /// <summary>
        /// How many requests the sandbox was holding when this one arrived, this one included (each is
        /// held until its answer starts): the largest over a run is how many calls it saw at once.
        /// </summary>
        public int InFlightOnArrival { get; set; }

        /// <summary>The login whose user key the request carried, when the key was valid.</summary>
        public string? UserName { get; set; }

        public bool SignatureValid { get; set; }

        public override string ToString() =>
            Method + " " + Path + " -> " + (StatusCode == 0 ? Outcome : StatusCode.ToString(CultureInfo.InvariantCulture)) + (Fault == null ? "" : " (" + Fault + ")");
    }
}
