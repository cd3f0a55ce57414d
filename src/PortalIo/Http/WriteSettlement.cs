using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>
    /// When a write's outcome is unknown, and how that is reported when it cannot be settled. The
    /// outcome is unknown after the request may have been processed but no usable answer came:
    /// no answer (a reset or a timeout after sending), a server error (5xx: the server may have
    /// failed after applying it), or a success status whose body cannot be read. It is known
    /// otherwise: a success read in full, a 4xx (refused), 408 or 429 (refused unread, which the
    /// client resends itself), or a connection that never reached the server.
    /// </summary>
    internal static class WriteSettlement
    {
        public static bool IsUnknown(PortalApiException failure)
        {
            switch (failure.Kind)
            {
                case PortalErrorKind.Network:
                case PortalErrorKind.Timeout:
                    return failure.MayHaveReachedServer;
                case PortalErrorKind.InvalidResponse:
                    return failure.StatusCode >= 200 && failure.StatusCode < 300;
                case PortalErrorKind.HttpStatus:
                    // 501 and 505: the server does not do this at all, so it did not do it.
                    return failure.StatusCode >= 500 && failure.StatusCode != 501 && failure.StatusCode != 505;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Sends a write whose unknown outcome nothing can settle (see the route's reason): it is
        /// never resent, and an unknown outcome is the one WriteOutcomeUnknown error.
        /// </summary>
        public static async Task<T> SendUnsettledAsync<T>(PortalCall call, PortalRequest request, string whyUnsettled)
        {
            try
            {
                return await call.SendAsync<T>(request).ConfigureAwait(false);
            }
            catch (PortalApiException lost) when (IsUnknown(lost))
            {
                throw Unknown(lost, whyUnsettled);
            }
        }

        /// <summary>As <see cref="SendUnsettledAsync{T}"/>, for a caller that reads the successful response itself.</summary>
        public static async Task<PortalResponse> SendUnsettledForSuccessAsync(PortalCall call, PortalRequest request, string whyUnsettled)
        {
            try
            {
                return await call.SendForSuccessAsync(request).ConfigureAwait(false);
            }
            catch (PortalApiException lost) when (IsUnknown(lost))
            {
                throw Unknown(lost, whyUnsettled);
            }
        }

        /// <summary>The one error for a write that may or may not have been applied: what happened to its answer, and why that could not be settled.</summary>
        public static PortalApiException Unknown(PortalApiException lost, string whyUnsettled) =>
            new PortalApiException(PortalErrorKind.WriteOutcomeUnknown, lost.StatusCode, LostAnswer(lost) + "; " + whyUnsettled,
                lost.Method, lost.Url, lost.ErrorCode, lost.FieldErrors, lost)
            {
                ServerDate = lost.ServerDate,
                SignedAt = lost.SignedAt,
            };

        /// <summary>What became of the answer, in words: the first half of every settlement message.</summary>
        public static string LostAnswer(PortalApiException lost)
        {
            switch (lost.Kind)
            {
                case PortalErrorKind.Network: return "no answer arrived (" + lost.ApiMessage + ")";
                case PortalErrorKind.Timeout: return "no answer arrived in time (" + lost.ApiMessage + ")";
                case PortalErrorKind.InvalidResponse:
                    return "Portal.io answered " + lost.StatusCode + ", so it was most likely applied, but the answer could not be read (" + lost.ApiMessage + ")";
                default:
                    return "Portal.io answered " + lost.StatusCode + " " + PortalApiException.StatusName(lost.StatusCode) + " (" + lost.ApiMessage +
                        "), which does not say whether it was applied";
            }
        }
    }
}
