using System.Text.Json;

namespace PortalIo.Http
{
    /// <summary>The one set of JSON options, built on first use (not at import).</summary>
    public static class PortalJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
    }
}
