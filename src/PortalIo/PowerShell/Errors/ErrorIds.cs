namespace PortalIo.PowerShell.Errors
{
    /// <summary>The stable ErrorIds of the module: scripts may switch on them, so never rename one.</summary>
    internal static class ErrorIds
    {
        public const string BadRequest = "PortalIo.BadRequest";
        public const string Unauthorized = "PortalIo.Unauthorized";
        public const string SignatureInvalid = "PortalIo.SignatureInvalid";
        public const string PaymentRequired = "PortalIo.PaymentRequired";
        public const string Forbidden = "PortalIo.Forbidden";
        public const string NotFound = "PortalIo.NotFound";
        public const string Conflict = "PortalIo.Conflict";
        public const string TooManyRequests = "PortalIo.TooManyRequests";
        public const string ServerError = "PortalIo.ServerError";
        public const string HttpError = "PortalIo.HttpError";
        public const string NetworkError = "PortalIo.NetworkError";
        public const string Timeout = "PortalIo.Timeout";
        public const string InvalidResponse = "PortalIo.InvalidResponse";
        public const string WriteOutcomeUnknown = "PortalIo.WriteOutcomeUnknown";
        public const string NotConnected = "PortalIo.NotConnected";
        public const string SessionNotUsable = "PortalIo.SessionNotUsable";
        public const string InvalidArgument = "PortalIo.InvalidArgument";
        public const string SandboxFailed = "PortalIo.SandboxFailed";
        public const string NoSandbox = "PortalIo.NoSandbox";
        public const string SandboxStopped = "PortalIo.SandboxStopped";
        public const string PipelineInputRefused = "PortalIo.PipelineInputRefused";
    }
}
