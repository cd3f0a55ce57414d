using System;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;
using PortalIo.Sandbox.Security;

namespace PortalIo.Sandbox.Dispatch
{
    /// <summary>What dispatching one request produced, with the facts the journal and the counters keep.</summary>
    internal sealed class DispatchResult
    {
        public DispatchResult(EmulatorResponse response, AuthenticationResult? authentication, bool handled = false)
        {
            Response = response;
            Authentication = authentication;
            Handled = handled;
        }

        /// <summary>True when the route's handler ran (everything before it passed).</summary>
        public bool Handled { get; }

        public EmulatorResponse Response { get; }

        /// <summary>Null when no route matched (the request was never authenticated).</summary>
        public AuthenticationResult? Authentication { get; }

        public DealerUser? User => Authentication?.User;
    }

    /// <summary>
    /// Routes a request and runs its handler in the order the API appears to check: a known route
    /// (else 404, or 405 with Allow), then the signature and keys, then the account (402 for an
    /// inactive subscription) and the user's permission to write (403).
    /// </summary>
    internal sealed class RequestDispatcher
    {
        private readonly Router _router;
        private readonly RequestAuthenticator _authenticator;

        public RequestDispatcher(Router router, RequestAuthenticator authenticator)
        {
            _router = router;
            _authenticator = authenticator;
        }

        /// <param name="serverNowUtc">The emulator's clock (with its configured offset), for the date window.</param>
        public DispatchResult Dispatch(EmulatorRequest request, DateTime serverNowUtc)
        {
            var match = _router.Match(request.Method, request.Path);
            if (match.Route == null)
            {
                if (match.AllowedMethods.Count > 0)
                    return new DispatchResult(ErrorBodies.Structured(405, "MethodNotAllowed",
                            "The method " + request.Method + " is not allowed on " + request.Path + ".")
                        .WithHeader("Allow", string.Join(", ", match.AllowedMethods)), null);
                return new DispatchResult(ErrorBodies.NotFound("No route matches " + request.Method + " " + request.Path + "."), null);
            }

            var route = match.Route;
            var auth = _authenticator.Authenticate(request.Method, request.UrlWithoutQuery, request.Headers, serverNowUtc,
                isExchange: route.Access == RouteAccess.Exchange);
            if (!auth.Succeeded) return new DispatchResult(auth.Failure!, auth);

            var user = auth.User;
            if (route.Access != RouteAccess.Exchange)
            {
                if (!user!.Account.SubscriptionActive) return new DispatchResult(ErrorBodies.PaymentRequired(), auth);
                if (route.Access == RouteAccess.PublicWrite && !user.CanWrite)
                    return new DispatchResult(ErrorBodies.Forbidden("The user '" + user.Email + "' does not have permission to perform this action."), auth);
            }

            request.User = user;
            request.RouteValues = match.Values;
            return new DispatchResult(route.Handler(request), auth, handled: true);
        }
    }
}
