using System.Collections.Generic;
using System.Globalization;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>
    /// Binding helpers shared by the newer routes, with the same split as the proposal routes: a
    /// value that cannot be bound (an int that is not one) fails the whole request with the bare
    /// "Bad Request"; a value that binds but breaks a rule becomes a field error in the structured body.
    /// </summary>
    internal static class FormReading
    {
        /// <summary>False when present but not an integer; value null when absent or empty.</summary>
        public static bool TryInt(ParameterBag bag, string key, out int? value)
        {
            value = null;
            var text = bag.Get(key);
            if (string.IsNullOrWhiteSpace(text)) return true;
            if (!int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return false;
            value = parsed;
            return true;
        }

        /// <summary>False when present but not a boolean ("true"/"false", any case); value null when absent or empty.</summary>
        public static bool TryBool(ParameterBag bag, string key, out bool? value)
        {
            value = null;
            var text = bag.Get(key);
            if (string.IsNullOrWhiteSpace(text)) return true;
            if (!bool.TryParse(text!.Trim(), out var parsed)) return false;
            value = parsed;
            return true;
        }

        /// <summary>Repeated keys and comma-separated values alike (both documented somewhere), trimmed, empties dropped.</summary>
        public static List<string> Multi(ParameterBag bag, string key)
        {
            var values = new List<string>();
            foreach (var raw in bag.GetAll(key))
                foreach (var piece in raw.Split(','))
                    if (piece.Trim().Length > 0) values.Add(piece.Trim());
            return values;
        }

        public static FieldError NotEmpty(string field, string label) =>
            new FieldError("NotEmpty", field, "'" + label + "' must not be empty.");

        public static void MaxLength(List<FieldError> errors, ParameterBag bag, string field, string label, int max)
        {
            var value = bag.Get(field);
            if (value != null && value.Length > max)
                errors.Add(new FieldError("MaximumLength", field,
                    "The length of '" + label + "' must be " + max + " characters or fewer. You entered " + value.Length + " characters."));
        }

        public static EmulatorResponse ValidationFailed(IReadOnlyList<FieldError> errors) =>
            ErrorBodies.Structured(400, errors[0].ErrorCode, errors[0].Message, errors);
    }
}
