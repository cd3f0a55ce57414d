using System;

namespace PortalIo.Http
{
    /// <summary>A completed HTTP exchange: status, the headers the module uses, and the body.</summary>
    internal sealed class PortalResponse
    {
        public PortalResponse(int statusCode, string reasonPhrase, ResponseBody body, DateTimeOffset? date, TimeSpan? retryAfter)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            Body = body;
            Date = date;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }
        public string ReasonPhrase { get; }

        /// <summary>The body; for a failure status, at most its first MB with every known secret scrubbed.</summary>
        public ResponseBody Body { get; }

        public DateTimeOffset? Date { get; }
        public TimeSpan? RetryAfter { get; }

        /// <summary>How many attempts it took (1 when the first was answered).</summary>
        public int Attempts { get; set; } = 1;

        /// <summary>This machine's clock when the answered attempt was signed (for clock-skew diagnosis).</summary>
        public DateTimeOffset? SignedAt { get; set; }

        /// <summary>For a failure status: the error the body carries, with every known secret scrubbed.</summary>
        public ParsedError? Error { get; set; }

        /// <summary>For a redirect: the host the Location header names (redirects are never followed).</summary>
        public string? RedirectHost { get; set; }

        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
        public string BodyText => Body.ReadText();
    }
}
