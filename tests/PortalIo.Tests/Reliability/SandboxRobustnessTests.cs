using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Signing;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>Issue #5: malformed requests get a 4xx with the documented body, and the sandbox keeps serving, also under load.</summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class SandboxRobustnessTests
    {
        private readonly ITestOutputHelper _output;
        public SandboxRobustnessTests(ITestOutputHelper output) => _output = output;

        private static HttpRequestMessage Signed(SandboxServer sandbox, string method, string path, string? contentType = null, byte[]? body = null,
            Action<HttpRequestMessage>? tamper = null)
        {
            var uri = new Uri(sandbox.BaseUri, path);
            var date = PortalDate.Now();
            var userKey = Demo.UserKey(sandbox);
            var message = new HttpRequestMessage(new HttpMethod(method), uri);
            message.Headers.TryAddWithoutValidation("X-MSS-API-APPID", sandbox.ApplicationKey);
            message.Headers.TryAddWithoutValidation("X-MSS-API-USERKEY", userKey);
            message.Headers.TryAddWithoutValidation("X-MSS-CUSTOM-DATE", date);
            message.Headers.TryAddWithoutValidation("X-MSS-SIGNATURE",
                RequestSigner.Sign(sandbox.SecretKey, CanonicalMessage.Build(method, uri, method == "GET" ? null : contentType, date, userKey)));
            if (body != null)
            {
                message.Content = new ByteArrayContent(body);
                if (contentType != null) message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            tamper?.Invoke(message);
            return message;
        }

        [Fact]
        public async Task Malformed_requests_get_a_4xx_with_the_documented_body_and_the_sandbox_keeps_serving()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions { MaxRequestBodyBytes = 1_000_000 });
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var form = "application/x-www-form-urlencoded";
            var cases = new (string Name, Func<HttpRequestMessage> Request, int Status, string Expect)[]
            {
                ("no auth headers", () => new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.BaseUri, "public/users")), 401, "header is required"),
                ("date not RFC 7231", () => Signed(sandbox, "GET", "public/users", tamper: m => { m.Headers.Remove("X-MSS-CUSTOM-DATE"); m.Headers.TryAddWithoutValidation("X-MSS-CUSTOM-DATE", "yesterday"); }), 401, "signature (hash) is invalid"),
                ("signature of garbage", () => Signed(sandbox, "GET", "public/users", tamper: m => { m.Headers.Remove("X-MSS-SIGNATURE"); m.Headers.TryAddWithoutValidation("X-MSS-SIGNATURE", "%%%not base64"); }), 401, "signature (hash) is invalid"),
                ("unknown application key", () => Signed(sandbox, "GET", "public/users", tamper: m => { m.Headers.Remove("X-MSS-API-APPID"); m.Headers.TryAddWithoutValidation("X-MSS-API-APPID", "nobody"); }), 401, "not recognised"),
                ("bad percent-encoding in a form body", () => Signed(sandbox, "POST", "public/proposals/1042/area", form, Encoding.ASCII.GetBytes("Name=%ZZ%")), 400, "Bad Request"),
                ("truncated JSON body", () => Signed(sandbox, "POST", "public/proposals/1042/area", "application/json", Encoding.ASCII.GetBytes("{\"Name\": ")), 400, "Bad Request"),
                ("oversized body, declared", () => Signed(sandbox, "POST", "public/proposals/1042/area", form, new byte[1_500_000]), 413, "larger than the limit"),
                ("unknown route", () => Signed(sandbox, "GET", "public/nothing-here"), 404, "No route matches"),
                ("wrong method", () => Signed(sandbox, "DELETE", "public/users"), 405, "not allowed"),
                ("non-numeric id", () => Signed(sandbox, "GET", "public/proposals/abc"), 400, "Bad Request"),
                ("id beyond int", () => Signed(sandbox, "GET", "public/proposals/99999999999999999999"), 400, "Bad Request"),
            };
            var failures = new List<string>();
            foreach (var c in cases)
            {
                using var response = await http.SendAsync(c.Request());
                var body = await response.Content.ReadAsByteArrayAsync();
                var parsed = ErrorBodyParser.Parse(body, (int)response.StatusCode);
                _output.WriteLine(c.Name + " -> " + (int)response.StatusCode + " " + parsed.Message);
                if ((int)response.StatusCode != c.Status) failures.Add(c.Name + ": " + (int)response.StatusCode + ", expected " + c.Status);
                if (!response.Content.Headers.ContentType?.MediaType?.Equals("application/json") ?? true) failures.Add(c.Name + ": not JSON");
                if (parsed.Message.Length == 0 || !parsed.Message.Contains(c.Expect, StringComparison.OrdinalIgnoreCase)) failures.Add(c.Name + ": message '" + parsed.Message + "'");
            }

            // A chunked body over the limit is cut off as soon as it passes it.
            using (var chunked = Signed(sandbox, "POST", "public/proposals/1042/area", form, null))
            {
                chunked.Content = new StreamContent(new System.IO.MemoryStream(new byte[3_000_000]));
                chunked.Content.Headers.TryAddWithoutValidation("Content-Type", form);
                chunked.Headers.TransferEncodingChunked = true;
                try
                {
                    using var response = await http.SendAsync(chunked);
                    if ((int)response.StatusCode != 413) failures.Add("oversized chunked body: " + (int)response.StatusCode);
                }
                catch (HttpRequestException) { /* the server may close while the client still sends: refused all the same */ }
            }

            // Bytes that are not HTTP at all, and a 100 KB header: HttpListener's own 400, or a closed connection.
            var raw = new[] { "GARBAGE\r\n\r\n", "GET /public/users HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', 100_000) + "\r\n\r\n", "\0\0\0\0\r\n\r\n" };
            var rawAnswers = new List<string>();
            foreach (var text in raw)
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(sandbox.BaseUri.Host, sandbox.BaseUri.Port);
                var stream = tcp.GetStream();
                stream.ReadTimeout = 5000;
                try
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
                    var buffer = new byte[512];
                    var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
                    var answer = Encoding.ASCII.GetString(buffer, 0, read);
                    rawAnswers.Add(answer.Split('\r')[0]);
                    if (read > 0 && !answer.StartsWith("HTTP/1.1 4")) failures.Add("raw '" + text.Substring(0, 7) + "': " + answer.Split('\r')[0]);
                }
                catch (Exception e) when (e is System.IO.IOException || e is SocketException) { rawAnswers.Add("connection closed"); }
            }

            // The sandbox still serves a good request.
            var session = Demo.Session(sandbox, new ClientSettings());
            var users = await session.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None);
            ReliabilityFigures.Report(_output, "sandbox: malformed requests",
                ("cases", cases.Length + 1 + raw.Length), ("failures", failures.Count), ("raw answers", string.Join(" / ", rawAnswers)),
                ("good request afterwards", users.StatusCode));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Equal(200, users.StatusCode);
        }

        [Fact]
        public async Task Two_thousand_requests_from_16_clients_are_all_served()
        {
            using var sandbox = SandboxServer.Start(new SandboxOptions());
            var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            var stopwatch = Stopwatch.StartNew();
            var clients = Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
            {
                // Each client its own session and connection pool, as 16 separate scripts would have.
                var session = Demo.Session(sandbox, new ClientSettings { MaxRetries = 0 });
                for (var i = 0; i < 125; i++)
                {
                    var request = (i % 3) switch
                    {
                        0 => PortalRequest.Get("public/users"),
                        1 => PortalRequest.Get("public/proposals/1042"),
                        _ => PortalRequest.Get("public/proposals").AddQuery("PageSize", "5"),
                    };
                    try { statuses.Add((await session.Client.SendAsync(request, null, CancellationToken.None)).StatusCode); }
                    catch (PortalApiException e) { failures.Add(e.Message); }
                }
            })).ToArray();
            await Task.WhenAll(clients);
            stopwatch.Stop();
            ReliabilityFigures.Report(_output, "sandbox: 2,000 requests from 16 clients",
                ("requests", statuses.Count + failures.Count), ("200 OK", statuses.Count(s => s == 200)), ("errors", failures.Count + statuses.Count(s => s != 200)),
                ("seconds", Math.Round(stopwatch.Elapsed.TotalSeconds, 1)), ("requests per second", Math.Round(2000 / stopwatch.Elapsed.TotalSeconds)));
            Assert.Empty(failures);
            Assert.Equal(2000, statuses.Count(s => s == 200));
        }
    }
}
