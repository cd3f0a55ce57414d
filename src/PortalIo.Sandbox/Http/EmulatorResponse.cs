using System.Collections.Generic;
using System.Text;

namespace PortalIo.Sandbox.Http
{
    /// <summary>A fully built answer; handlers return one instead of writing to the listener, so that faults and latency apply uniformly.</summary>
    internal sealed class EmulatorResponse
    {
        public const string JsonContentType = "application/json; charset=utf-8";

        public EmulatorResponse(int statusCode, byte[] body, string contentType = JsonContentType)
        {
            StatusCode = statusCode;
            Body = body;
            ContentType = contentType;
        }

        public int StatusCode { get; }
        public byte[] Body { get; }
        public string ContentType { get; }
        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();

        public static EmulatorResponse Json(int statusCode, byte[] utf8Json) => new EmulatorResponse(statusCode, utf8Json);

        public EmulatorResponse WithHeader(string name, string value)
        {
            Headers[name] = value;
            return this;
        }

        public override string ToString() => StatusCode + " " + Encoding.UTF8.GetString(Body);
    }
}
