using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Session
{
    /// <summary>
    /// Test-PortalConnection's checks, in the order a person debugging would take them: can the
    /// server be reached, is the clock close to the server's, is the signature accepted, is the
    /// subscription active, may the user read. Each later check is skipped when an earlier one
    /// makes it meaningless. Two read-only calls; nothing is written.
    /// </summary>
    internal static class ConnectionDiagnostics
    {
        public const string Reachability = "Reachability";
        public const string Clock = "Clock";
        public const string Signature = "Signature";
        public const string Subscription = "Subscription";
        public const string Permissions = "Permissions";

        /// <param name="roles">The connected user's roles, named when a permission check fails.</param>
        public static async Task<IReadOnlyList<ConnectionCheck>> RunAsync(PortalCall call, IReadOnlyList<string> roles)
        {
            var host = call.BaseUri.Host;
            var checks = new List<ConnectionCheck>();

            var users = PortalRequest.Get("public/users");
            PortalResponse response;
            var stopwatch = Stopwatch.StartNew();
            try
            {
                response = await call.SendAsync(users).ConfigureAwait(false);
            }
            catch (PortalApiException ex) when (ex.Kind == PortalErrorKind.Network || ex.Kind == PortalErrorKind.Timeout)
            {
                checks.Add(new ConnectionCheck(Reachability, CheckStatus.Failed, "No answer from " + call.BaseUri + ": " + ex.ApiMessage,
                    "Check the network path to " + host + " (proxy settings, DNS, firewall) and that -BaseUri or -Environment is right."));
                foreach (var name in new[] { Clock, Signature, Subscription, Permissions })
                    checks.Add(new ConnectionCheck(name, CheckStatus.Skipped, "Not checked: the server could not be reached."));
                return checks;
            }
            checks.Add(new ConnectionCheck(Reachability, CheckStatus.Passed,
                host + " answered HTTP " + response.StatusCode + " in " + stopwatch.ElapsedMilliseconds + " ms."));

            var clockOk = true;
            if (response.Date.HasValue && response.SignedAt.HasValue)
            {
                var skew = response.SignedAt.Value - response.Date.Value;
                clockOk = skew.Duration() <= ServerClock.SkewLimit;
                checks.Add(clockOk
                    ? new ConnectionCheck(Clock, CheckStatus.Passed, "This computer's clock is within " + Math.Max(1, (int)Math.Ceiling(skew.Duration().TotalSeconds)) + " s of the server's.")
                    : new ConnectionCheck(Clock, CheckStatus.Failed, "This computer's clock is " + ServerClock.DescribeSkew(skew) + " the server's.",
                        "Synchronize the clock (Windows: w32tm /resync; Linux: timedatectl set-ntp true): every request carries the current UTC time and is refused when it is off."));
            }
            else
            {
                checks.Add(new ConnectionCheck(Clock, CheckStatus.Skipped, "The server sent no Date header to compare with."));
            }

            var signatureOk = false;
            var parsed = response.IsSuccess ? null : response.Error ?? ParsedError.EmptyBody(response.StatusCode);
            if (response.StatusCode == 401)
            {
                var mismatch = parsed!.Message.IndexOf("signature (hash) is invalid", StringComparison.OrdinalIgnoreCase) >= 0;
                string fix;
                if (!clockOk) fix = "Fix the clock first (see the Clock check), then test again.";
                else if (mismatch)
                    fix = "Check that the application key and the secret key are exactly as issued (no trailing spaces; the secret is used as its literal text, not Base64-decoded) " +
                          "and that the user key belongs to this application; compare New-PortalSignature with another client if they are.";
                else fix = "The user key was not accepted (expired, revoked or mistyped): run Connect-Portal with -Credential again to get a new one.";
                checks.Add(new ConnectionCheck(Signature, CheckStatus.Failed, "Portal.io refused the request: " + parsed.Message, fix));
            }
            else
            {
                signatureOk = true;
                checks.Add(new ConnectionCheck(Signature, CheckStatus.Passed, "The signed request was accepted (application key, secret key, user key and date)."));
            }

            if (!signatureOk)
            {
                checks.Add(new ConnectionCheck(Subscription, CheckStatus.Skipped, "Not checked: the request was not authenticated."));
                checks.Add(new ConnectionCheck(Permissions, CheckStatus.Skipped, "Not checked: the request was not authenticated."));
                return checks;
            }
            if (response.StatusCode == 402)
            {
                checks.Add(new ConnectionCheck(Subscription, CheckStatus.Failed, "The account's subscription is inactive or expired: " + parsed!.Message,
                    "Contact your Portal.io representative to reactivate the subscription; every API call fails until then."));
                checks.Add(new ConnectionCheck(Permissions, CheckStatus.Skipped, "Not checked: the subscription is inactive."));
                return checks;
            }
            checks.Add(new ConnectionCheck(Subscription, CheckStatus.Passed, "The account's subscription is active."));

            var rolesText = roles.Count > 0 ? " Roles: " + string.Join(", ", roles) + "." : string.Empty;
            if (response.StatusCode == 403)
            {
                checks.Add(new ConnectionCheck(Permissions, CheckStatus.Failed, "The user may not list users: " + parsed!.Message + rolesText,
                    "Ask a Portal.io administrator to give the user a role or permission group with API access, or connect as another user."));
                return checks;
            }
            var proposals = PortalRequest.Get("public/proposals").AddQuery("PageNumber", "1").AddQuery("PageSize", "1");
            var second = await call.SendAsync(proposals).ConfigureAwait(false);
            if (second.StatusCode == 403)
            {
                checks.Add(new ConnectionCheck(Permissions, CheckStatus.Failed, "The user may not list proposals." + rolesText,
                    "Ask a Portal.io administrator to give the user permission to view proposals, or connect as another user."));
            }
            else if (!second.IsSuccess)
            {
                checks.Add(new ConnectionCheck(Permissions, CheckStatus.Failed, "Listing proposals failed with HTTP " + second.StatusCode + ": " +
                    (second.Error ?? ParsedError.EmptyBody(second.StatusCode)).Message, "Run Get-PortalProposal -First 1 -Verbose for details."));
            }
            else
            {
                checks.Add(new ConnectionCheck(Permissions, CheckStatus.Passed, "The user can list users and proposals." + rolesText +
                    " Write permissions are not tested: the API has no harmless write."));
            }
            return checks;
        }

        public static bool AllPassed(IEnumerable<ConnectionCheck> checks) => checks.All(c => c.Status == CheckStatus.Passed);
    }
}
