using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Tests.Http
{
    /// <summary>An HttpMessageHandler that answers from a script and records every request it saw.</summary>
    internal sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

        public List<RecordedRequest> Requests { get; } = new();

        public ScriptedHandler Then(HttpStatusCode status, string body = "{}", Action<HttpResponseMessage>? configure = null)
        {
            _script.Enqueue((_, _) =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                configure?.Invoke(response);
                return Task.FromResult(response);
            });
            return this;
        }

        public ScriptedHandler ThenRefuseConnection()
        {
            _script.Enqueue((_, _) => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
            return this;
        }

        public ScriptedHandler ThenResetConnection()
        {
            _script.Enqueue((_, _) => throw new HttpRequestException("Connection reset", new SocketException((int)SocketError.ConnectionReset)));
            return this;
        }

        public ScriptedHandler ThenStall()
        {
            _script.Enqueue(async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            });
            return this;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(new RecordedRequest(
                    request.Method.Method,
                    request.RequestUri!,
                    request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                    request.Content?.Headers.ContentType?.ToString(),
                    request.Content is null ? null : request.Content.ReadAsStringAsync().Result));
            }
            if (!_script.TryDequeue(out var next))
                throw new InvalidOperationException("The script has no answer for request " + Requests.Count + ".");
            return await next(request, cancellationToken);
        }
    }

    internal sealed record RecordedRequest(string Method, Uri Uri, Dictionary<string, string> Headers, string? ContentType, string? Body)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException(name);
    }
}
