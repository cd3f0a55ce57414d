using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Http
{
    /// <summary>
    /// A failed API call, with everything a caller needs to decide what to do: the status, the API's
    /// own message (from either error body shape), its field errors, and the request that failed
    /// (method and redacted URL: never a password, key or signature).
    /// </summary>
    public sealed class PortalApiException : Exception
    {
        public PortalApiException(PortalErrorKind kind, int statusCode, string apiMessage, string method, string url,
            string? errorCode = null, IReadOnlyList<PortalFieldError>? fieldErrors = null, Exception? inner = null,
            bool mayHaveReachedServer = true)
            : base(Compose(kind, statusCode, apiMessage, method, url, fieldErrors), inner)
        {
            Kind = kind;
            StatusCode = statusCode;
            ApiMessage = apiMessage;
            Method = method;
            Url = url;
            ErrorCode = errorCode;
            FieldErrors = fieldErrors ?? Array.Empty<PortalFieldError>();
            MayHaveReachedServer = mayHaveReachedServer;
        }

        public PortalErrorKind Kind { get; }

        /// <summary>The HTTP status, or 0 when no response arrived.</summary>
        public int StatusCode { get; }

        /// <summary>The API's message (responseStatus.message, a bare string body, or the raw text).</summary>
        public string ApiMessage { get; }

        public string? ErrorCode { get; }
        public IReadOnlyList<PortalFieldError> FieldErrors { get; }
        public string Method { get; }

        /// <summary>The request URL with secret query values redacted.</summary>
        public string Url { get; }

        /// <summary>False only when the request certainly never reached the server (safe to resend).</summary>
        public bool MayHaveReachedServer { get; }

        /// <summary>The server's Date header, when it answered.</summary>
        public DateTimeOffset? ServerDate { get; internal set; }

        /// <summary>This machine's clock when the request was signed.</summary>
        public DateTimeOffset? SignedAt { get; internal set; }

        /// <summary>How far this machine's clock was ahead of the server's (negative: behind), when both are known.</summary>
        public TimeSpan? ClockSkew => ServerDate.HasValue && SignedAt.HasValue ? SignedAt.Value - ServerDate.Value : (TimeSpan?)null;

        /// <summary>Whether a GET signed by the same client had succeeded before (the keys and clock were fine then).</summary>
        public bool EarlierGetSucceeded { get; internal set; }

        /// <summary>What to do, when the cause is known for certain (e.g. a local sandbox that was stopped); null otherwise.</summary>
        internal string? Remedy { get; set; }

        /// <summary>
        /// The wait the server asked for (Retry-After) when it was longer than the call could still
        /// take, so the call was not retried: the error is about a limit, not a failure.
        /// </summary>
        public TimeSpan? RefusedRetryAfter { get; internal set; }

        /// <summary>True when reading back showed that this failed write was not applied (safe to run again).</summary>
        public bool ConfirmedNotApplied { get; internal set; }

        /// <summary>A success answer whose body is not well-formed JSON (an idempotent request may be sent again for it).</summary>
        internal bool BodyUnreadable { get; set; }

        /// <summary>Whether the failed request may be sent again without changing what it does (GET, every Set-* route).</summary>
        internal bool RequestIdempotent { get; set; }

        /// <summary>The 401 body Portal.io returns when the HMAC does not match.</summary>
        public bool IsSignatureMismatch =>
            StatusCode == 401 && ApiMessage.IndexOf("signature (hash) is invalid", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string Compose(PortalErrorKind kind, int status, string apiMessage, string method, string url,
            IReadOnlyList<PortalFieldError>? fieldErrors)
        {
            var what = method + " " + url;
            string text;
            switch (kind)
            {
                case PortalErrorKind.Network: text = what + " failed: no response (" + apiMessage + ")."; break;
                case PortalErrorKind.Timeout: text = what + " timed out: " + apiMessage; break;
                case PortalErrorKind.InvalidResponse: text = what + " returned " + status + " with an answer the module cannot use: " + apiMessage; break;
                case PortalErrorKind.WriteOutcomeUnknown: text = what + ": whether the change was applied is unknown: " + apiMessage; break;
                default: text = what + " failed with " + status + " " + StatusName(status) + ": " + apiMessage; break;
            }
            if (fieldErrors != null && fieldErrors.Count > 0)
            {
                // Field errors that only repeat the main message add nothing.
                var details = string.Join("; ", fieldErrors
                    .Where(e => string.IsNullOrEmpty(e.Message) || apiMessage.IndexOf(e.Message, StringComparison.Ordinal) < 0)
                    .Select(e => e.ToString()).Where(s => s.Length > 0));
                if (details.Length > 0) text += " (" + details + ")";
            }
            return text;
        }

        public static string StatusName(int status)
        {
            switch (status)
            {
                case 301: return "Moved Permanently";
                case 302: return "Found";
                case 303: return "See Other";
                case 304: return "Not Modified";
                case 307: return "Temporary Redirect";
                case 308: return "Permanent Redirect";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 402: return "Payment Required";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 408: return "Request Timeout";
                case 409: return "Conflict";
                case 410: return "Gone";
                case 413: return "Payload Too Large";
                case 414: return "URI Too Long";
                case 415: return "Unsupported Media Type";
                case 422: return "Unprocessable Entity";
                case 431: return "Request Header Fields Too Large";
                case 429: return "Too Many Requests";
                case 500: return "Internal Server Error";
                case 501: return "Not Implemented";
                case 502: return "Bad Gateway";
                case 503: return "Service Unavailable";
                case 504: return "Gateway Timeout";
                default: return "Error";
            }
        }
    }
}
