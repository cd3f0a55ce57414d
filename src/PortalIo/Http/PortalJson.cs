using System.Text.Json;
using System.Threading;

namespace PortalIo.Http
{
    /// <summary>
    /// The one set of JSON options, built on first use, not at import. No static initializer, so
    /// that <see cref="IsCreated"/> can be read without creating them: bench scenario import, row
    /// "lazy loading", reads it after Import-Module.
    /// </summary>
    internal static class PortalJson
    {
        private static JsonSerializerOptions? s_options;

        public static JsonSerializerOptions Options => Volatile.Read(ref s_options) ?? Create();

        /// <summary>True once anything has asked for <see cref="Options"/>.</summary>
        internal static bool IsCreated => Volatile.Read(ref s_options) != null;

        private static JsonSerializerOptions Create()
        {
            var options = new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                Converters = { new TextListConverterFactory() },
            };
            return Interlocked.CompareExchange(ref s_options, options, null) ?? options;
        }
    }
}
