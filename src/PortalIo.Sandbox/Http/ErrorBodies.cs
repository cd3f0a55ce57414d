using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PortalIo.Sandbox.Http
{
    /// <summary>
    /// The error shapes Portal.io really sends (seed 000): a ServiceStack-style structured
    /// responseStatus object for validation and business rules, a bare JSON string "Bad Request"
    /// for requests that cannot even be bound, and the exact bare string for a signature mismatch.
    /// </summary>
    internal static class ErrorBodies
    {
        public const string SignatureInvalidMessage = "You are not authorized. Your request signature (hash) is invalid.";

        public static SandboxResponse SignatureInvalid() => BareString(401, SignatureInvalidMessage);

        public static SandboxResponse BadRequestBare() => BareString(400, "Bad Request");

        public static SandboxResponse BareString(int statusCode, string message) =>
            SandboxResponse.Json(statusCode, JsonOutput.Write(w => w.WriteStringValue(message)));

        public static SandboxResponse Structured(int statusCode, string errorCode, string message) =>
            Structured(statusCode, errorCode, message, new FieldError[0]);

        public static SandboxResponse Validation(FieldError error) =>
            Structured(400, error.ErrorCode, error.Message, new[] { error });

        public static SandboxResponse Structured(int statusCode, string errorCode, string message, IReadOnlyList<FieldError> errors) =>
            SandboxResponse.Json(statusCode, JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("responseStatus");
                w.WriteString("errorCode", errorCode);
                w.WriteString("message", message);
                w.WriteStartArray("errors");
                foreach (var error in errors)
                {
                    w.WriteStartObject();
                    w.WriteString("errorCode", error.ErrorCode);
                    w.WriteString("fieldName", error.FieldName);
                    w.WriteString("message", error.Message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }));

        public static SandboxResponse Unauthorized(string message) => Structured(401, "Unauthorized", message);
        public static SandboxResponse PaymentRequired() =>
            Structured(402, "PaymentRequired", "An active Portal.io subscription is required to use the API.");
        public static SandboxResponse Forbidden(string message) => Structured(403, "Forbidden", message);
        public static SandboxResponse NotFound(string message) => Structured(404, "NotFound", message);
        public static SandboxResponse Conflict(string message) => Structured(409, "Conflict", message);

        public static SandboxResponse ProposalLocked(int proposalId, string status) =>
            Conflict("Proposal " + proposalId + " is " + status + " and can no longer be edited. Use a change order instead.");

        public static string Utf8(SandboxResponse response) => Encoding.UTF8.GetString(response.Body);
    }
}
