namespace PortalIo.Sandbox.Http
{
    /// <summary>One field-level validation failure inside a structured error body.</summary>
    internal sealed class FieldError
    {
        public FieldError(string errorCode, string fieldName, string message)
        {
            ErrorCode = errorCode;
            FieldName = fieldName;
            Message = message;
        }

        public string ErrorCode { get; }
        public string FieldName { get; }
        public string Message { get; }
    }
}
