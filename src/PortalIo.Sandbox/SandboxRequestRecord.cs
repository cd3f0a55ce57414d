using System;
using System.Collections.Generic;
using System.Threading;

namespace PortalIo.Sandbox
{
    /// <summary>
    /// One entry of the emulator's request journal: a request as it arrived and what became of it.
    /// Secrets are never kept: no secret key, no user key, no signature (only whether one was valid),
    /// and the exchange password (any query, form or JSON field named Password) is stored as "***";
    /// any known secret that a client put anywhere else in the query or body is replaced by "***" too.
    /// The application key is kept: it identifies the caller and is not a secret.
    /// </summary>
    public sealed class SandboxRequestRecord
    {
        private int _outcome;

        internal SandboxRequestRecord() { }

        /// <summary>1 for the first request the emulator received, then consecutive (not reset by clearing the journal).</summary>
        public long Sequence { get; internal set; }

        public string Method { get; internal set; } = "";

        /// <summary>The path without the query string, as on the request line (e.g. /public/proposals/1042/area).</summary>
        public string Path { get; internal set; } = "";

        /// <summary>The raw query string without the leading '?', with Password=*** redacted.</summary>
        public string Query { get; internal set; } = "";

        /// <summary>
        /// The query decoded: each name (case-insensitive, as the API binds them) with every value it
        /// was given, in the order sent. Password values are "***".
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> QueryParameters { get; internal set; } = EmptyQuery;

        public string? ContentType { get; internal set; }

        /// <summary>The body as text (UTF-8), at most the first 64 KB, with Password fields and known secrets redacted.</summary>
        public string Body { get; internal set; } = "";

        /// <summary>How <see cref="ParsedBody"/> was read.</summary>
        public SandboxBodyKind BodyKind { get; internal set; }

        /// <summary>
        /// The body as plain .NET values, for assertions: for a form or multipart body an
        /// <c>IReadOnlyDictionary&lt;string, object?&gt;</c> (case-insensitive names) whose values are a
        /// string, or an <c>IReadOnlyList&lt;string&gt;</c> when the name repeats, or a
        /// <see cref="SandboxUploadedFile"/> for a file part; for JSON the object as an
        /// <c>IReadOnlyDictionary&lt;string, object?&gt;</c> or the array as an
        /// <c>IReadOnlyList&lt;object?&gt;</c>, with strings, numbers (long, else decimal, else double),
        /// booleans and nulls inside. Null when there is no body or it did not parse (see <see cref="BodyKind"/>).
        /// </summary>
        public object? ParsedBody { get; internal set; }

        /// <summary>The X-MSS-API-APPID the request carried, or null.</summary>
        public string? ApplicationKey { get; internal set; }

        /// <summary>The login whose user key the request carried, when the key was valid; else null.</summary>
        public string? UserName { get; internal set; }

        public bool UserKeyPresent { get; internal set; }

        public bool SignatureValid { get; internal set; }

        /// <summary>The HTTP status sent, or 0 when no status line was sent (see <see cref="Outcome"/>).</summary>
        public int StatusCode { get; internal set; }

        /// <summary>Whether the answer arrived whole, or how it was lost.</summary>
        public SandboxRequestOutcome Outcome
        {
            get => (SandboxRequestOutcome)Volatile.Read(ref _outcome);
            internal set => Volatile.Write(ref _outcome, (int)value);
        }

        /// <summary>
        /// The fault that struck this request, or null: a scripted fault's mode (e.g. "ApplyThenReset",
        /// see <see cref="SandboxFaultMode"/>) or a random fault's kind (e.g. "ConnectionReset", see
        /// <see cref="Faults.FaultKind"/>).
        /// </summary>
        public string? Fault { get; internal set; }

        /// <summary>True when <see cref="Fault"/> came from a rule added with SandboxServer.AddFault, false for a random one.</summary>
        public bool FaultScripted { get; internal set; }

        /// <summary>The same as <see cref="Fault"/> (its earlier name).</summary>
        public string? FaultInjected => Fault;

        /// <summary>
        /// True when the route handled the request (a write with a 2xx status was applied), whatever
        /// became of the answer; false when it was refused before (rate limit, a fault that strikes
        /// first, a body over the size limit, an unknown route).
        /// </summary>
        public bool Processed { get; internal set; }

        /// <summary>True when the emulator's rate limit refused the request (429 with Retry-After).</summary>
        public bool RateLimited { get; internal set; }

        public DateTime ReceivedAtUtc { get; internal set; }

        /// <summary>
        /// How many requests the emulator was holding when this one arrived, this one included: each is
        /// held from its arrival until its answer starts (the latency included). Every request held at
        /// once had been sent before any of them was answered, so the largest value over a run is a
        /// lower bound of how many requests the client had under way at the same time.
        /// </summary>
        public int InFlightOnArrival { get; internal set; }

        public override string ToString() =>
            Method + " " + Path + (Query.Length > 0 ? "?" + Query : "") + " -> "
            + (StatusCode == 0 ? Outcome.ToString() : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + (Fault == null ? "" : " (" + Fault + ")");

        private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyQuery =
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
    }
}
