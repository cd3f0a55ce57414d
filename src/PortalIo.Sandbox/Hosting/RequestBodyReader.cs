using System.Globalization;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Hosting
{
    /// <summary>
    /// Reads a request body as raw bytes (multipart uploads carry binary files; text bodies are
    /// decoded as UTF-8 from them), or decides on the 413 answer for a body larger than the limit:
    /// a declared Content-Length is refused before reading, a chunked body as soon as it passes the
    /// limit.
    /// </summary>
    internal static class RequestBodyReader
    {
        public sealed class Result
        {
            public byte[] Body = new byte[0];
            public EmulatorResponse? TooLarge;
        }

        public static async Task<Result> ReadAsync(HttpListenerRequest request, long limit)
        {
            if (!request.HasEntityBody) return new Result();
            var chunk = new byte[16 * 1024];
            if (request.ContentLength64 > limit)
            {
                await DiscardAsync(request, chunk, limit).ConfigureAwait(false);
                return new Result { TooLarge = PayloadTooLarge(limit) };
            }
            using (var buffer = new MemoryStream())
            {
                while (true)
                {
                    var read = await request.InputStream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                    if (read == 0) break;
                    if (buffer.Length + read > limit)
                    {
                        await DiscardAsync(request, chunk, limit).ConfigureAwait(false);
                        return new Result { TooLarge = PayloadTooLarge(limit) };
                    }
                    buffer.Write(chunk, 0, read);
                }
                return new Result { Body = buffer.ToArray() };
            }
        }

        /// <summary>
        /// Reads and drops up to another <paramref name="limit"/> bytes of a refused body (never
        /// keeping them), so that a client still sending gets to read the 413 instead of a reset;
        /// a body larger still is cut off by closing the connection.
        /// </summary>
        private static async Task DiscardAsync(HttpListenerRequest request, byte[] chunk, long limit)
        {
            long dropped = 0;
            while (dropped <= limit)
            {
                var read = await request.InputStream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                if (read == 0) return;
                dropped += read;
            }
        }

        private static EmulatorResponse PayloadTooLarge(long limit) =>
            ErrorBodies.Structured(413, "RequestEntityTooLarge",
                "The request body is larger than the limit of " + limit.ToString(CultureInfo.InvariantCulture) + " bytes.");
    }
}
