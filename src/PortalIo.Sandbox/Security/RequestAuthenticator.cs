using System;
using System.Collections.Specialized;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Security
{
    /// <summary>
    /// Decides whether a request is authentic and who sent it, in the order the real service
    /// appears to check: headers present, known application key, signature, date window, user key.
    /// </summary>
    internal sealed class RequestAuthenticator
    {
        public const string AppIdHeader = "X-MSS-API-APPID";
        public const string UserKeyHeader = "X-MSS-API-USERKEY";
        public const string DateHeader = "X-MSS-CUSTOM-DATE";
        public const string SignatureHeader = "X-MSS-SIGNATURE";

        private readonly string _applicationKey;
        private readonly SignatureVerifier _verifier;
        private readonly Data.EmulatorStore _store;

        public RequestAuthenticator(string applicationKey, string secretKey, Data.EmulatorStore store)
        {
            _applicationKey = applicationKey;
            _verifier = new SignatureVerifier(secretKey);
            _store = store;
        }

        /// <param name="urlWithoutQuery">scheme://host[:port]/path as the listener saw the request.</param>
        /// <param name="isExchange">The exchange is signed with an empty user key and identifies nobody yet.</param>
        public AuthenticationResult Authenticate(string method, string urlWithoutQuery, NameValueCollection headers,
            DateTime nowUtc, bool isExchange)
        {
            var appId = headers[AppIdHeader];
            var date = headers[DateHeader];
            var signature = headers[SignatureHeader];
            var userKey = headers[UserKeyHeader] ?? "";

            if (string.IsNullOrEmpty(appId)) return Fail(ErrorBodies.Unauthorized("The " + AppIdHeader + " header is required."));
            if (string.IsNullOrEmpty(date)) return Fail(ErrorBodies.Unauthorized("The " + DateHeader + " header is required."));
            if (string.IsNullOrEmpty(signature)) return Fail(ErrorBodies.Unauthorized("The " + SignatureHeader + " header is required."));
            if (!isExchange && userKey.Length == 0)
                return Fail(ErrorBodies.Unauthorized("The " + UserKeyHeader + " header is required; obtain a user key from /authenticate/apikeyexchange."));

            // An unknown application has no secret to verify against.
            if (!string.Equals(appId, _applicationKey, StringComparison.Ordinal))
                return Fail(ErrorBodies.Unauthorized("The application key in " + AppIdHeader + " is not recognised."));

            var canonical = SignatureVerifier.BuildCanonicalMessage(method, urlWithoutQuery, headers["Content-Type"], date!, userKey);
            if (!_verifier.IsValid(canonical, signature!))
                {
                var mismatch = Fail(ErrorBodies.SignatureInvalid());
                mismatch.IsSignatureMismatch = true;
                return mismatch;
            }

            // The signature is checked first so that a signer bug always shows the documented hash message,
            // while a skewed clock with a correct signer gets a message that names the real cause.
            if (!SignatureVerifier.IsDateAcceptable(date!, nowUtc))
                return Fail(ErrorBodies.Unauthorized(
                    "The " + DateHeader + " value must be the current UTC time in RFC 7231 format; it is outside the allowed window of 5 minutes from the server time."),
                    signatureValid: true);

            if (isExchange) return new AuthenticationResult(null, null, signatureValid: true);

            var user = _store.FindUserByKey(userKey);
            if (user == null)
                return Fail(ErrorBodies.Unauthorized("The user key in " + UserKeyHeader + " is not valid."), signatureValid: true);
            return new AuthenticationResult(user, null, signatureValid: true);
        }

        private static AuthenticationResult Fail(EmulatorResponse response, bool signatureValid = false) =>
            new AuthenticationResult(null, response, signatureValid);
    }
}
