using System;
using System.Linq;
using System.Management.Automation;
using PortalIo.Http;

namespace PortalIo.PowerShell.Errors
{
    /// <summary>
    /// Turns a failed call into the ErrorRecord a PowerShell user can act on: a stable ErrorId, the
    /// category that fits the status (about_PortalIo_Errors lists them), the input as TargetObject, the API's message,
    /// and a RecommendedAction that says what to do next.
    /// </summary>
    internal static class ErrorRecordFactory
    {
        /// <summary>What the cmdlet knows about the context that the status alone does not tell.</summary>
        public sealed class Hints
        {
            /// <summary>The business rule behind a 400 from this route (e.g. unique area names).</summary>
            public string? BadRequest { get; set; }

            /// <summary>How to check whether a write that got no answer was applied.</summary>
            public string? VerifyWrite { get; set; }

            /// <summary>How to list valid ids, for a 404.</summary>
            public string? ListIds { get; set; }

            /// <summary>The state rule behind a 409 from this route, when it is not (only) the terminal-status rule.</summary>
            public string? Conflict { get; set; }
        }

        public static ErrorRecord FromApiException(PortalApiException ex, object? target, Hints? hints = null)
        {
            var (id, category) = Classify(ex);
            var record = new ErrorRecord(ex, id, category, target);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = RecommendedAction(ex, hints) };
            return record;
        }

        public static ErrorRecord InvalidArgument(string parameterName, string rule, object? target, string? recommendedAction = null) =>
            new ErrorRecord(new ArgumentException(rule, parameterName), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target)
            {
                ErrorDetails = new ErrorDetails(rule) { RecommendedAction = recommendedAction ?? "Correct the value of -" + parameterName + " and run the command again." },
            };

        public static ErrorRecord NotConnected() =>
            new ErrorRecord(new InvalidOperationException("There is no Portal.io session in this runspace."),
                ErrorIds.NotConnected, ErrorCategory.ConnectionError, null)
            {
                ErrorDetails = new ErrorDetails("There is no Portal.io session in this runspace.")
                {
                    RecommendedAction = "Run Connect-Portal first (or pass -Session). In a new runspace or a ForEach-Object -Parallel block, pass the session with -Session $using:session.",
                },
            };

        /// <summary>
        /// A session that cannot sign: a copy deserialized by Start-Job, Import-Clixml or remoting
        /// (<paramref name="copy"/>: the keys never leave the process), or an instance not made by
        /// Connect-Portal, such as Pester's New-MockObject.
        /// </summary>
        public static ErrorRecord SessionNotUsable(object? copy)
        {
            var message = copy != null
                ? "The -Session given is a copy of a session (deserialized by Start-Job, Receive-Job, Import-Clixml or remoting): a copy carries no keys, so it cannot sign requests."
                : "The -Session given was not made by Connect-Portal (e.g. New-MockObject): it has no connection and cannot sign requests.";
            var action = copy != null
                ? "Connect inside the job or process, from your vault, e.g. Start-Job { Import-Module PortalIo; Connect-Portal -ApplicationKey $using:appKey " +
                  "-SecretKey (Get-Secret PortalSecret) -UserKey (Get-Secret PortalUserKey); Get-PortalUser }. Within this process, pass the live session " +
                  "instead: ForEach-Object -Parallel { ... -Session $using:session } or Start-ThreadJob."
                : "Pass a session from Connect-Portal -PassThru; in a Pester test, mock the PortalIo cmdlet itself (Mock Get-PortalUser { ... }) or use a local sandbox (Start-PortalSandbox | Connect-Portal).";
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.SessionNotUsable, ErrorCategory.InvalidArgument, copy)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            };
        }

        public static (string ErrorId, ErrorCategory Category) Classify(PortalApiException ex)
        {
            switch (ex.Kind)
            {
                case PortalErrorKind.Network: return (ErrorIds.NetworkError, ErrorCategory.ConnectionError);
                case PortalErrorKind.Timeout: return (ErrorIds.Timeout, ErrorCategory.OperationTimeout);
                case PortalErrorKind.InvalidResponse: return (ErrorIds.InvalidResponse, ErrorCategory.InvalidResult);
                case PortalErrorKind.WriteOutcomeUnknown: return (ErrorIds.WriteOutcomeUnknown, ErrorCategory.OperationStopped);
            }
            // A wait the server asked for beyond the call's deadline is a limit, whatever the status.
            var limited = ex.RefusedRetryAfter.HasValue;
            switch (ex.StatusCode)
            {
                case 400: return (ErrorIds.BadRequest, ErrorCategory.InvalidArgument);
                case 401: return (ex.IsSignatureMismatch ? ErrorIds.SignatureInvalid : ErrorIds.Unauthorized, ErrorCategory.AuthenticationError);
                case 402: return (ErrorIds.PaymentRequired, ErrorCategory.PermissionDenied);
                case 403: return (ErrorIds.Forbidden, ErrorCategory.PermissionDenied);
                case 404: return (ErrorIds.NotFound, ErrorCategory.ObjectNotFound);
                case 409: return (ErrorIds.Conflict, ErrorCategory.ResourceUnavailable);
                case 429: return (ErrorIds.TooManyRequests, ErrorCategory.LimitsExceeded);
            }
            if (ex.StatusCode >= 500) return (ErrorIds.ServerError, limited ? ErrorCategory.LimitsExceeded : ErrorCategory.ConnectionError);
            return (ErrorIds.HttpError, limited ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidOperation);
        }

        public static string RecommendedAction(PortalApiException ex, Hints? hints)
        {
            // A write that is not idempotent: running it again blindly could apply it twice.
            var isWrite = !string.Equals(ex.Method, "GET", StringComparison.OrdinalIgnoreCase) && !ex.RequestIdempotent;
            if (ex.Remedy != null) return ex.Remedy;
            var verify = hints?.VerifyWrite ?? "read the resource back";
            if (ex.RefusedRetryAfter.HasValue)
            {
                return "Portal.io asked for a pause of " + (int)Math.Ceiling(ex.RefusedRetryAfter.Value.TotalSeconds) + " s: wait that long, then run the command again. " +
                    "A call and its retries end within twice -TimeoutSec of Connect-Portal, so a longer -TimeoutSec lets the module wait itself.";
            }
            if (ex.ConfirmedNotApplied)
                return "Reading back showed that the change was not applied: it is safe to run the command again once Portal.io answers.";
            switch (ex.Kind)
            {
                case PortalErrorKind.WriteOutcomeUnknown:
                    return "Check whether the change was applied before you run the command again: " + verify +
                        ". Running it again without checking may apply it twice.";
                case PortalErrorKind.Network:
                case PortalErrorKind.Timeout:
                    if (isWrite && ex.MayHaveReachedServer)
                        return "The change may or may not have been applied (no answer arrived). Before running it again, " + verify + " to see whether it was.";
                    return ex.Kind == PortalErrorKind.Timeout
                        ? "Portal.io did not answer in time; the request was already retried. Run the command again later, or raise -TimeoutSec on Connect-Portal."
                        : "Check the network path to " + HostOf(ex.Url) + " (proxy, DNS, firewall); the request was already retried.";
                case PortalErrorKind.InvalidResponse:
                    if (isWrite && ex.StatusCode >= 200 && ex.StatusCode < 300)
                        return "Portal.io answered " + ex.StatusCode + ", so the change was most likely applied: do not run the command again before you " + verify + ".";
                    return "The answer was not what the API documents. Run the command again; if it persists, report it with the URL and time (UTC).";
            }
            if (ex.StatusCode >= 300 && ex.StatusCode < 400)
            {
                return "PortalIo never follows a redirect: the signed headers would travel with it. Check -BaseUri or -Environment of Connect-Portal (https, host, path), " +
                    "and whether a proxy rewrites requests; connect to the address the redirect names only if you trust it.";
            }
            switch (ex.StatusCode)
            {
                case 414:
                    return "The URL is longer than the server accepts: pass fewer or shorter filter values, or split the command into several.";
                case 400:
                    var fields = ex.FieldErrors.Where(f => !string.IsNullOrEmpty(f.FieldName)).Select(f => f.FieldName).Distinct().ToList();
                    var rule = hints?.BadRequest;
                    var fieldText = fields.Count > 0 ? "Correct " + string.Join(", ", fields) + " and run the command again." : "Correct the parameters and run the command again.";
                    return rule != null ? rule + " " + fieldText : fieldText;
                case 401:
                    return DiagnoseUnauthorized(ex);
                case 402:
                    return "The Portal.io account's subscription is inactive or expired: contact your Portal.io representative. Retrying will not help.";
                case 403:
                    return "The connected user lacks the permission for this action: ask a Portal.io administrator to change the user's role or permission group, or connect as another user.";
                case 404:
                    return "Check the id: use the id (not the number) of a resource in this account. " + (hints?.ListIds ?? "List valid ids with the matching Get-Portal* cmdlet.");
                case 409:
                    if (hints?.Conflict != null) return hints.Conflict;
                    return "The proposal is Accepted, Completed or Declined and can no longer be edited: make the change through a change order in Portal.io (see Get-PortalChangeOrder).";
                case 429:
                    return "Portal.io is limiting the request rate. Wait a moment and run the command again, with fewer calls at once.";
            }
            if (ex.StatusCode >= 500)
            {
                return isWrite
                    ? "Portal.io failed with a server error; the change may or may not have been applied. Before running it again, " + verify + ". If it persists, contact support@portal.io with the URL and the time (UTC)."
                    : "Portal.io failed with a server error (the request was retried). Try again later; if it persists, contact support@portal.io with the URL and the time (UTC).";
            }
            return "See the message for details.";
        }

        /// <summary>
        /// The item of the 401 checklist (about_PortalIo_Authentication, "When Portal.io answers 401") most likely at fault, from what the failed call tells:
        /// the server's Date against this machine's clock, and whether GETs of the same client had passed.
        /// </summary>
        public static string DiagnoseUnauthorized(PortalApiException ex)
        {
            var skew = ex.ClockSkew;
            if (skew.HasValue && skew.Value.Duration() > ServerClock.SkewLimit)
            {
                return "This computer's clock is " + ServerClock.DescribeSkew(skew.Value) + " the server's (its Date header), and X-MSS-CUSTOM-DATE must be the current UTC time: " +
                    "synchronize the clock (Windows: w32tm /resync; Linux: timedatectl set-ntp true), then run the command again.";
            }
            if (!ex.IsSignatureMismatch)
            {
                return "Check the user name and password (-Credential) or the user key, and that the Portal.io account's e-mail address is verified; then run Connect-Portal again.";
            }
            if (ex.EarlierGetSucceeded && !string.Equals(ex.Method, "GET", StringComparison.OrdinalIgnoreCase))
            {
                return "GET requests of this session are signed correctly, but this " + ex.Method + " was refused: the Content-Type in the signature must equal the Content-Type header byte for byte. " +
                    "If a proxy or gateway rewrites it (for example adds '; charset=utf-8'), bypass it; compare with New-PortalSignature -Method " + ex.Method + ".";
            }
            if (!ex.EarlierGetSucceeded)
            {
                return "No request of this session has been accepted yet, so the keys are the likely cause: check that the application key and the secret key are exactly as issued " +
                    "(no trailing spaces; the secret is used as its literal text, not Base64-decoded), and that the user key belongs to this application. " +
                    "If they are right, compare New-PortalSignature output with another client's canonical message character by character.";
            }
            return SignatureChecklist;
        }

        /// <summary>The 401 checklist of about_PortalIo_Authentication, as one action.</summary>
        public const string SignatureChecklist =
            "The request signature did not match. Check, in order: (1) the application key and secret key are exactly as issued (no trailing spaces; the secret is used as its literal text, not Base64-decoded); " +
            "(2) this computer's clock is correct (UTC, within a minute of the server's Date); (3) nothing between you and Portal.io rewrites the Content-Type or the URL path; " +
            "(4) compare New-PortalSignature output with another client's canonical message character by character.";

        private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
    }
}
