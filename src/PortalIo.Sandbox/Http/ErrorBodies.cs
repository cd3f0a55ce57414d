using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PortalIo.Sandbox.Http
{
    /// <summary>
    /// The error shapes Portal.io really sends (see docs/api-decisions.md, 'Error bodies'): a ServiceStack-style structured
    /// responseStatus object for validation and business rules, a bare JSON string "Bad Request"
    /// for requests that cannot even be bound, and the exact bare string for a signature mismatch.
    /// </summary>
    internal static class ErrorBodies
    {
        public const string SignatureInvalidMessage = "You are not authorized. Your request signature (hash) is invalid.";

        public static EmulatorResponse SignatureInvalid() => BareString(401, SignatureInvalidMessage);

        public static EmulatorResponse BadRequestBare() => BareString(400, "Bad Request");

        public static EmulatorResponse BareString(int statusCode, string message) =>
            EmulatorResponse.Json(statusCode, JsonOutput.Write(w => w.WriteStringValue(message)));

        public static EmulatorResponse Structured(int statusCode, string errorCode, string message) =>
            Structured(statusCode, errorCode, message, new FieldError[0]);

        public static EmulatorResponse Validation(FieldError error) =>
            Structured(400, error.ErrorCode, error.Message, new[] { error });

        public static EmulatorResponse Structured(int statusCode, string errorCode, string message, IReadOnlyList<FieldError> errors) =>
            EmulatorResponse.Json(statusCode, JsonOutput.Write(w =>
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

        public static EmulatorResponse Unauthorized(string message) => Structured(401, "Unauthorized", message);
        public static EmulatorResponse PaymentRequired() =>
            Structured(402, "PaymentRequired", "An active Portal.io subscription is required to use the API.");
        public static EmulatorResponse Forbidden(string message) => Structured(403, "Forbidden", message);
        public static EmulatorResponse NotFound(string message) => Structured(404, "NotFound", message);
        public static EmulatorResponse Conflict(string message) => Structured(409, "Conflict", message);

        public static EmulatorResponse ProposalLocked(int proposalId, string status) =>
            Conflict("Proposal " + proposalId + " is " + status + " and can no longer be edited. Use a change order instead.");

        public static string Utf8(EmulatorResponse response) => Encoding.UTF8.GetString(response.Body);
    }
}
