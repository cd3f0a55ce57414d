using System;
using System.Management.Automation;
using System.Security;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;
using PortalIo.Session;
using PortalIo.Signing;

namespace PortalIo.Commands.Plumbing
{
    /// <summary>
    /// Computes the canonical message and signature for given request parts, without any network
    /// call: to compare with another client when the API answers 401.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PortalSignature")]
    [OutputType(typeof(PortalSignature))]
    public sealed class NewPortalSignatureCommand : PortalCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The full request URL; its query string is not signed.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = null!;

        /// <summary>The X-MSS-CUSTOM-DATE value; default: now.</summary>
        [Parameter]
        [ValidateNotWhiteSpace]
        public string? Date { get; set; }

        /// <summary>Signed for non-GET requests only. Default for them: application/x-www-form-urlencoded.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? ContentType { get; set; }

        /// <summary>Default: the session's user key; an empty SecureString signs like the credential exchange.</summary>
        [Parameter]
        public SecureString? UserKey { get; set; }

        /// <summary>Default: the session's secret key.</summary>
        [Parameter]
        public SecureString? SecretKey { get; set; }

        /// <summary>Where the keys come from when -SecretKey or -UserKey are not given. Default: the current session.</summary>
        [Parameter]
        [SessionArgument]
        public PortalSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            if (!Uri.IsAbsoluteUri)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(Uri), "-Uri must be an absolute URL such as https://api.portal.io/public/proposals.", Uri));
                return;
            }
            var session = Session ?? SessionStore.GetCurrent(this);
            if (session != null && session.Client is null && (SecretKey is null || UserKey is null))
            {
                WriteError(ErrorRecordFactory.SessionNotUsable(SessionArgumentAttribute.CopyBehind(session)));
                return;
            }
            var secret = SecretKey ?? session?.SecretKey;
            if (secret is null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(SecretKey), "Give -SecretKey, or connect first so the session's secret key is used.", Uri));
                return;
            }
            var secretProblem = CredentialRules.SecretKeyProblem(SecretText.Reveal(secret));
            if (secretProblem != null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(SecretKey), "-SecretKey " + secretProblem + ". Give the secret key exactly as issued.", Uri));
                return;
            }
            var userKey = UserKey != null ? SecretText.Reveal(UserKey) : session != null ? SecretText.Reveal(session.UserKey) : string.Empty;
            var userKeyProblem = userKey.Length == 0 ? null : HeaderValueRule.Problem(userKey);
            if (userKeyProblem != null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(UserKey), "-UserKey " + userKeyProblem + ": a user key is sent as a header, which allows visible ASCII characters only.", Uri));
                return;
            }
            var method = Method.ToUpperInvariant();
            var contentType = method == "GET" ? null : ContentType ?? RequestBody.FormContentType;
            if (Date != null && !PortalDate.TryParse(Date, out _))
                WriteWarning("-Date '" + Date + "' is not in RFC 7231 form (e.g. " + PortalDate.Now() + "); Portal.io will reject it.");
            var date = Date ?? PortalDate.Now();

            var canonical = CanonicalMessage.Build(method, Uri, contentType, date, userKey);
            var signature = new RequestSigner(SecretText.Reveal(secret)).Sign(canonical);
            WriteObject(new PortalSignature(method, CanonicalMessage.SignedUrl(Uri), contentType, date, userKey.Length > 0,
                CanonicalMessage.BuildMasked(method, Uri, contentType, date, userKey), signature));
        }
    }
}
