namespace PortalIo.Http
{
    /// <summary>A field-level error from a structured (responseStatus) error body.</summary>
    public sealed class PortalFieldError
    {
        public PortalFieldError(string? errorCode, string? fieldName, string? message)
        {
            ErrorCode = errorCode;
            FieldName = fieldName;
            Message = message;
        }

        public string? ErrorCode { get; }
        public string? FieldName { get; }
        public string? Message { get; }

        public override string ToString() =>
            string.IsNullOrEmpty(FieldName) ? (Message ?? ErrorCode ?? string.Empty) : FieldName + ": " + (Message ?? ErrorCode);
    }
}
