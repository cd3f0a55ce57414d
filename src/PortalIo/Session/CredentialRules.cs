using System.Security;
using PortalIo.Http;

namespace PortalIo.Session
{
    /// <summary>
    /// The keys Connect-Portal is given, checked before any request (each message names the
    /// parameter, never the value). The application key and user key travel as header values
    /// (<see cref="HeaderValueRule"/>). The secret key is never sent, but it is signed as ASCII
    /// bytes, so a non-ASCII character would sign exactly like '?' (two different keys, one
    /// signature), and an empty one cannot key the HMAC.
    /// </summary>
    internal static class CredentialRules
    {
        /// <summary>The first rule broken, as (parameter, message), or null.</summary>
        public static (string Parameter, string Message)? Check(string applicationKey, SecureString? secretKey, SecureString? userKey)
        {
            var appKeyProblem = HeaderValueRule.Problem(applicationKey?.Trim());
            if (appKeyProblem != null)
                return ("ApplicationKey", "-ApplicationKey " + appKeyProblem + ": it is sent as the X-MSS-API-APPID header, which allows visible ASCII characters only. Give the application key exactly as issued.");
            if (secretKey != null)
            {
                var secretProblem = SecretKeyProblem(SecretText.Reveal(secretKey));
                if (secretProblem != null)
                    return ("SecretKey", "-SecretKey " + secretProblem + ". Give the secret key exactly as issued.");
            }
            if (userKey != null)
            {
                var userKeyProblem = HeaderValueRule.Problem(SecretText.Reveal(userKey));
                if (userKeyProblem != null)
                {
                    return ("UserKey", "-UserKey " + userKeyProblem + ": it is sent as the X-MSS-API-USERKEY header, which allows visible ASCII characters only. " +
                        "Give the user key exactly as the credential exchange returned it, or connect with -Credential instead.");
                }
            }
            return null;
        }

        /// <summary>Why a secret key cannot sign, or null.</summary>
        public static string? SecretKeyProblem(string? secretKey)
        {
            if (string.IsNullOrEmpty(secretKey)) return "is empty";
            foreach (var c in secretKey!)
            {
                if (c > '~') return "contains a non-ASCII character, which would be signed as '?' (so different keys would sign alike)";
                if (c < ' ' || c == '\u007f') return "contains a control character or line break";
            }
            return null;
        }

        /// <summary>
        /// The failure for a user key the credential exchange returned that cannot be sent: a
        /// hostile or broken answer must not put a header of its own into every later request.
        /// </summary>
        public static PortalApiException ExchangedKeyRefused(string problem, string method, string url) =>
            new PortalApiException(PortalErrorKind.InvalidResponse, 200,
                "the credential exchange returned a user key (meta.apiKey) that " + problem +
                "; it would be sent as the X-MSS-API-USERKEY header of every request, so it was refused and nothing else was sent",
                method, url);
    }
}
