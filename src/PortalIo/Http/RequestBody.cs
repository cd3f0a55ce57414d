using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PortalIo.Http
{
    /// <summary>
    /// A request body and the exact Content-Type it is sent with. The same string is signed, so it
    /// is fixed here once: no charset suffix, no framework default that could differ from it.
    /// </summary>
    internal sealed class RequestBody
    {
        public const string FormContentType = "application/x-www-form-urlencoded";
        public const string JsonContentType = "application/json";

        public string ContentType { get; }
        public byte[] Content { get; }

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

        /// <summary>
        /// A multipart/form-data body: text fields, then one file part. The boundary is part of the
        /// Content-Type, which is signed exactly as sent, so it is fixed here with the body (a fresh
        /// random one per body unless given, for tests).
        /// </summary>
        public static RequestBody Multipart(IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName,
            string fileContentType, byte[] fileContent, string? boundary = null)
        {
            boundary ??= "PortalIo-" + System.Guid.NewGuid().ToString("N");
            var buffer = new System.IO.MemoryStream();
            void Text(string text) { var bytes = Encoding.UTF8.GetBytes(text); buffer.Write(bytes, 0, bytes.Length); }
            foreach (var field in fields)
            {
                Text("--" + boundary + "\r\n");
                Text("Content-Disposition: form-data; name=\"" + Quoted(field.Key) + "\"\r\n\r\n");
                Text(field.Value + "\r\n");
            }
            Text("--" + boundary + "\r\n");
            Text("Content-Disposition: form-data; name=\"" + Quoted(fileField) + "\"; filename=\"" + Quoted(fileName) + "\"\r\n");
            Text("Content-Type: " + fileContentType + "\r\n\r\n");
            buffer.Write(fileContent, 0, fileContent.Length);
            Text("\r\n--" + boundary + "--\r\n");
            return new RequestBody(MultipartContentTypePrefix + boundary, buffer.ToArray());
        }

        public const string MultipartContentTypePrefix = "multipart/form-data; boundary=";

        /// <summary>RFC 7578 §4.2: a name or file name is a quoted string; quotes and line breaks are percent-encoded.</summary>
        private static string Quoted(string text) =>
            text.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");

        /// <summary>A POST with no body still signs and sends a Content-Type (the server checks it).</summary>
        public static RequestBody EmptyForm() => new RequestBody(FormContentType, new byte[0]);
    }
}
