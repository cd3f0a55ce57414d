using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// A loopback server below HTTP: it keeps every byte it receives, exactly as sent, so that a
    /// header line or a second request smuggled in by a hostile value shows as what it is; and it
    /// answers each connection with the raw response the test sets, then closes it.
    /// </summary>
    internal sealed class RawHttpCapture : IDisposable
    {
        private static readonly Regex RequestLine = new(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP/1\.[01]\r?$", RegexOptions.Multiline | RegexOptions.Compiled);
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly StringBuilder _received = new();
        private volatile string _response = Respond(200, "{}");

        public RawHttpCapture()
        {
            _listener.Start();
            BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
            _ = Task.Run(AcceptAsync);
        }

        public Uri BaseUri { get; }

        /// <summary>Everything received so far, as Latin-1 text (one char per byte).</summary>
        public string Received
        {
            get { lock (_received) return _received.ToString(); }
        }

        /// <summary>How many request lines arrived: one per request the client meant to send, more if one was split.</summary>
        public int RequestLines => RequestLine.Matches(Received).Count;

        /// <summary>Lines that start a header named <paramref name="header"/> (anywhere in what was received).</summary>
        public int HeaderLines(string header) =>
            Received.Split('\n').Count(line => line.TrimStart().StartsWith(header + ":", StringComparison.OrdinalIgnoreCase));

        public void Answer(string rawResponse) => _response = rawResponse;

        public static string Respond(int status, string json)
        {
            var body = Encoding.UTF8.GetBytes(json);
            return "HTTP/1.1 " + status + " Status\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + json;
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[8192];
                        var text = new StringBuilder();
                        try
                        {
                            // Read until the headers end and the declared body has arrived, then a moment more for anything smuggled after it.
                            using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                            idle.CancelAfter(TimeSpan.FromSeconds(2));
                            while (!Complete(text.ToString()))
                            {
                                var read = await stream.ReadAsync(buffer, idle.Token);
                                if (read == 0) break;
                                text.Append(Encoding.Latin1.GetString(buffer, 0, read));
                            }
                            using var extra = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
                            try
                            {
                                var more = await stream.ReadAsync(buffer, extra.Token);
                                if (more > 0) text.Append(Encoding.Latin1.GetString(buffer, 0, more));
                            }
                            catch (OperationCanceledException) { }
                        }
                        catch (Exception) { }
                        lock (_received) _received.Append(text);
                        try
                        {
                            var answer = Encoding.UTF8.GetBytes(_response);
                            await stream.WriteAsync(answer);
                        }
                        catch (Exception) { }
                    }
                });
            }
        }

        private static bool Complete(string text)
        {
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) return false;
            var length = Regex.Match(text.Substring(0, end), @"(?im)^Content-Length:\s*(\d+)");
            return !length.Success || text.Length - end - 4 >= int.Parse(length.Groups[1].Value);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
