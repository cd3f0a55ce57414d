using System;
using System.Globalization;
using System.Net;
using System.Threading.Tasks;
using PortalIo.Sandbox.Faults;
using PortalIo.Sandbox.Http;

namespace PortalIo.Sandbox.Hosting
{
    /// <summary>Puts an answer on the wire: whole, cut off part-way, or complete with a body that cannot be read.</summary>
    internal static class AnswerWriter
    {
        public static async Task WriteAsync(HttpListenerResponse response, EmulatorResponse answer, DateTime serverNow)
        {
            WriteHead(response, answer, serverNow);
            response.ContentLength64 = answer.Body.Length;
            await response.OutputStream.WriteAsync(answer.Body, 0, answer.Body.Length).ConfigureAwait(false);
            response.OutputStream.Close();
            response.Close();
        }

        /// <summary>Declares the whole body's length, sends only part of it, and closes the connection.</summary>
        public static async Task WriteCutOffAsync(HttpListenerContext context, EmulatorResponse answer, DateTime serverNow)
        {
            var response = context.Response;
            WriteHead(response, answer, serverNow);
            var sent = answer.Body.Length / 2;
            response.ContentLength64 = Math.Max(answer.Body.Length, sent + 16);
            await response.OutputStream.WriteAsync(answer.Body, 0, sent).ConfigureAwait(false);
            await response.OutputStream.FlushAsync().ConfigureAwait(false);
            ConnectionDropper.Drop(context, reset: false);
        }

        /// <summary>
        /// A complete response (the Content-Length matches what is sent) with the route's status and
        /// type, whose body is the first half of the real one: never valid JSON, so a client cannot
        /// read the result of a write that was applied.
        /// </summary>
        public static Task WriteUnreadableAsync(HttpListenerResponse response, EmulatorResponse answer, DateTime serverNow)
        {
            var half = new byte[Math.Max(1, answer.Body.Length / 2)];
            if (answer.Body.Length >= 2) Array.Copy(answer.Body, half, half.Length);
            else half[0] = (byte)'{';
            var spoiled = new EmulatorResponse(answer.StatusCode, half, answer.ContentType);
            foreach (var header in answer.Headers) spoiled.Headers[header.Key] = header.Value;
            return WriteAsync(response, spoiled, serverNow);
        }

        private static void WriteHead(HttpListenerResponse response, EmulatorResponse answer, DateTime serverNow)
        {
            response.StatusCode = answer.StatusCode;
            // The server's own clock, so clients can measure their skew against it (as with Portal.io).
            response.Headers["Date"] = serverNow.ToString("r", CultureInfo.InvariantCulture);
            response.ContentType = answer.ContentType;
            foreach (var header in answer.Headers) response.Headers[header.Key] = header.Value;
        }
    }
}
