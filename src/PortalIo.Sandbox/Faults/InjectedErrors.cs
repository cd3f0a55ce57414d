using System.Collections.Generic;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Faults
{
    /// <summary>The error responses of injected faults: the API's structured error shape, with a message that says the emulator injected it.</summary>
    internal static class InjectedErrors
    {
        private static readonly Dictionary<int, (string Code, string Message)> Known = new Dictionary<int, (string, string)>
        {
            [400] = ("BadRequest", "The request was refused"),
            [401] = ("Unauthorized", "You are not authorized"),
            [402] = ("PaymentRequired", "An active Portal.io subscription is required to use the API"),
            [403] = ("Forbidden", "The user does not have permission to perform this action"),
            [404] = ("NotFound", "The resource was not found"),
            [408] = ("RequestTimeout", "The request timed out"),
            [409] = ("Conflict", "The request conflicts with the current state"),
            [429] = ("TooManyRequests", "Too many requests"),
            [500] = ("InternalServerError", "An unexpected error occurred"),
            [502] = ("BadGateway", "Bad gateway"),
            [503] = ("ServiceUnavailable", "The service is temporarily unavailable"),
            [504] = ("GatewayTimeout", "The gateway timed out"),
        };

        public static EmulatorResponse For(int status)
        {
            var (code, message) = Known.TryGetValue(status, out var known) ? known : (status >= 500 ? "ServerError" : "ClientError", "The request failed");
            var response = ErrorBodies.Structured(status, code, message + " (injected by the local emulator).");
            // A client that honours Retry-After should retry at once: tests stay fast.
            if (status == 503 || status == 429) response.WithHeader("Retry-After", "0");
            return response;
        }
    }
}
