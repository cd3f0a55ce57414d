using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PortalIo.Http
{
    /// <summary>
    /// A request body and the exact Content-Type it is sent with. The same string is signed, so it
    /// is fixed here once: no charset suffix, no framework default that could differ from it.
    /// </summary>
    public sealed class RequestBody
    {
        public const string FormContentType = "application/x-www-form-urlencoded";
        public const string JsonContentType = "application/json";

        public string ContentType { get; }
        public byte[] Content { get; }

        /// <summary>Redacted text for logs: field names and values, never secrets (bodies carry none).</summary>
        public string Describe() => Encoding.UTF8.GetString(Content);

        private RequestBody(string contentType, byte[] content)
        {
            ContentType = contentType;
            Content = content;
        }

        public static RequestBody Form(IEnumerable<KeyValuePair<string, string>> fields) =>
            new RequestBody(FormContentType, Encoding.UTF8.GetBytes(UrlEncoding.Join(fields, spaceAsPlus: true)));

        public static RequestBody Json(object? value) =>
            new RequestBody(JsonContentType, JsonSerializer.SerializeToUtf8Bytes(value, PortalJson.Options));

        /// <summary>An already-serialized JSON document, sent as is.</summary>
        public static RequestBody RawJson(string json) =>
            new RequestBody(JsonContentType, Encoding.UTF8.GetBytes(json));

        /// <summary>A POST with no body still signs and sends a Content-Type (the server checks it).</summary>
        public static RequestBody EmptyForm() => new RequestBody(FormContentType, new byte[0]);
    }
}
