using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issues #5 and #13: whatever the server sends, the cmdlets answer with a PortalApiException that
    /// says what happened, and never write an object made of it (no Id 0 from a 200 with {}).
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class HostileResponseTests
    {
        private readonly ITestOutputHelper _output;
        public HostileResponseTests(ITestOutputHelper output) => _output = output;

        private static Func<HttpListenerContext, Task> Body(int status, string contentType, string body) => async c =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            c.Response.StatusCode = status;
            c.Response.ContentType = contentType;
            c.Response.ContentLength64 = bytes.Length;
            await c.Response.OutputStream.WriteAsync(bytes);
            c.Response.Close();
        };

        /// <summary>A large body, sent chunked (no Content-Length, so only the streaming cap can stop it) or declared.</summary>
        private static Func<HttpListenerContext, Task> Large(long size, bool chunked) => async c =>
        {
            c.Response.StatusCode = 200;
            c.Response.ContentType = "application/json";
            if (chunked) c.Response.SendChunked = true; else c.Response.ContentLength64 = size;
            var block = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            block[0] = (byte)'[';
            for (long sent = 0; sent < size; sent += block.Length)
            {
                await c.Response.OutputStream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, size - sent)));
                block[0] = (byte)' ';
            }
            c.Response.Close();
        };

        public static IEnumerable<object[]> Cases() => new (string Name, string Command, Func<HttpListenerContext, Task> Answer, int Status)[]
        {
            ("malformed JSON", "Get-PortalProposal -Id 7", Body(200, "application/json", "{\"id\": 7, \"name\": "), 200),
            ("wrong types", "Get-PortalProposal -Id 7", Body(200, "application/json", "{\"id\": \"seven\", \"name\": 5, \"areas\": 3}"), 200),
            ("200 with an empty body", "Get-PortalProposal -Id 7", Body(200, "application/json", ""), 200),
            ("HTML 502 page from a proxy", "Get-PortalUser", Body(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"), 502),
            ("50 MB body, chunked, over a 8 MB cap", "Get-PortalUser", Large(50L * 1024 * 1024, chunked: true), 200),
            ("50 MB body, declared, over a 8 MB cap", "Get-PortalUser", Large(50L * 1024 * 1024, chunked: false), 200),
            ("JSON string for an object", "Get-PortalProposal -Id 7", Body(200, "application/json", "\"a string, not a proposal\""), 200),
            ("JSON null", "Get-PortalProposal -Id 7", Body(200, "application/json", "null"), 200),
            ("array for an object", "Get-PortalProposal -Id 7", Body(200, "application/json", "[1,2,3]"), 200),
            ("nested 10,000 deep", "Get-PortalProposal -Id 7", Body(200, "application/json", new string('[', 10000) + new string(']', 10000)), 200),
            
            ("null items in a list", "Get-PortalProposal -First 3", Body(200, "application/json", "{\"proposals\": [null, null], \"proposalCount\": 2}"), 200),
            ("null area in a proposal", "Get-PortalArea -ProposalId 7", Body(200, "application/json", "{\"id\": 7, \"areas\": [null, {\"id\": 1, \"options\": [null]}]}"), 200),
            ("error object of the wrong shape", "Get-PortalUser", Body(400, "application/json", "{\"responseStatus\": \"oops\", \"errors\": 5}"), 400),
            ("binary garbage", "Get-PortalUser", Body(200, "application/octet-stream", "\u0000\u0001\u00ff\ufffd"), 200),
            // Issue #13: an object without the resource's id, or without its list, is never an object with Id 0 or an empty listing.
            ("{} for a proposal", "Get-PortalProposal -Id 7", Body(200, "application/json", "{}"), 200),
            ("{} for a contact", "Get-PortalContact -Id 7", Body(200, "application/json", "{}"), 200),
            ("id 0 for a proposal", "Get-PortalProposal -Id 7", Body(200, "application/json", "{\"id\": 0, \"name\": \"zero\"}"), 200),
            ("an area without its id", "Get-PortalArea -ProposalId 7", Body(200, "application/json", "{\"id\": 7, \"areas\": [{\"name\": \"Den\"}]}"), 200),
            ("a listed proposal without its id", "Get-PortalProposal -First 3", Body(200, "application/json", "{\"proposals\": [{\"name\": \"x\"}], \"proposalCount\": 1}"), 200),
            ("{} for a list page", "Get-PortalProposal -First 3", Body(200, "application/json", "{}"), 200),
            ("{} for the users", "Get-PortalUser", Body(200, "application/json", "{}"), 200),
            ("{} for a webhook list", "Get-PortalWebhook", Body(200, "application/json", "{}"), 200),
            ("invalid UTF-8 inside a string", "Get-PortalProposal -Id 7", Bytes(200, "application/json", new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}' }), 200),
            ("trailing garbage after the JSON", "Get-PortalProposal -Id 7", Body(200, "application/json", "{\"id\": 7} {\"id\": 8}"), 200),
            ("a write answered 200 {} (read back: {} again)", "Add-PortalArea -ProposalId 7 -Name Den", Body(200, "application/json", "{}"), 200),
            ("a write answered 200 with half a body", "Add-PortalArea -ProposalId 7 -Name Den", Body(200, "application/json", "{\"id\": 7, \"areas\": [{\"id\": 1, \"na"), 200),
            // Issue #13, item 7: a redirect or a 414 says what happened.
            ("302 to another host, empty body", "Get-PortalUser", Redirect(302, "https://elsewhere.example.net/steal"), 302),
            ("308 to a path, empty body", "Get-PortalUser", Redirect(308, "/v2/public/users"), 308),
            ("414 with an empty body", "Get-PortalUser", Body(414, "text/plain", ""), 414),
        }.Select(c => new object[] { c.Name, c.Command, c.Answer, c.Status });

        private static Func<HttpListenerContext, Task> Bytes(int status, string contentType, byte[] body) => async c =>
        {
            c.Response.StatusCode = status;
            c.Response.ContentType = contentType;
            c.Response.ContentLength64 = body.Length;
            await c.Response.OutputStream.WriteAsync(body);
            c.Response.Close();
        };

        private static Func<HttpListenerContext, Task> Redirect(int status, string location) => c =>
        {
            c.Response.StatusCode = status;
            c.Response.RedirectLocation = location;
            c.Response.ContentLength64 = 0;
            c.Response.Close();
            return Task.CompletedTask;
        };

        [Fact]
        public void Every_hostile_response_becomes_a_PortalApiException_with_the_status_and_a_readable_message()
        {
            using var server = new HostileServer();
            using var rs = new ModuleRunspace();
            var connect = rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $k -MaxRetries 1 -TimeoutSec 20 -MaxResponseSizeMB 8",
                new Dictionary<string, object?> { ["b"] = server.BaseUri, ["k"] = SandboxFixture.Secure("not-a-secret") });
            Assert.Empty(connect.Errors);

            var lines = new List<string>();
            var failures = new List<string>();
            var maxMs = 0L;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var crashes = 0;
            foreach (var c in Cases())
            {
                var (name, command, answer, status) = ((string)c[0], (string)c[1], (Func<HttpListenerContext, Task>)c[2], (int)c[3]);
                server.Answer(answer);
                var stopwatch = Stopwatch.StartNew();
                var run = rs.Run(command);
                stopwatch.Stop();
                maxMs = Math.Max(maxMs, stopwatch.ElapsedMilliseconds);
                var records = run.Errors.Concat(run.TerminatingRecord is null ? Array.Empty<System.Management.Automation.ErrorRecord>() : new[] { run.TerminatingRecord }).ToList();
                var chain = records.SelectMany(r => Chain(r.Exception)).Concat(Chain(run.Terminating)).ToList();
                if (HostileWorldTally.Crash(run) is string crash)
                {
                    crashes++;
                    failures.Add(name + ": crash: " + crash);
                }
                if (run.Output.Count > 0) failures.Add(name + ": wrote " + run.Output.Count + " object(s) from a hostile answer");
                if (chain.Any(e => e is NullReferenceException || e is InvalidCastException || e is IndexOutOfRangeException || e is StackOverflowException))
                    failures.Add(name + ": " + string.Join(" <- ", chain.Select(e => e.GetType().Name + ": " + e.Message)));
                var api = records.Select(r => r.Exception).OfType<PortalApiException>().FirstOrDefault();
                if (api == null)
                    failures.Add(name + ": no PortalApiException (errors: " + string.Join(" | ", records.Select(r => r.Exception.GetType().Name + ": " + r)) + ", output " + run.Output.Count + ")");
                else
                {
                    if (api.StatusCode != status) failures.Add(name + ": status " + api.StatusCode + ", expected " + status);
                    if (api.Message.Length > 1000 || api.Message.Any(ch => char.IsControl(ch) && ch != '\n'))
                        failures.Add(name + ": unreadable message: " + api.Message.Substring(0, Math.Min(200, api.Message.Length)));
                    lines.Add(name + " -> " + records[0].FullyQualifiedErrorId.Split(',')[0] + ": " + api.Message);
                }
                if (stopwatch.Elapsed > TimeSpan.FromSeconds(15)) failures.Add(name + ": took " + stopwatch.Elapsed);
            }
            var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024 * 1024);
            foreach (var line in lines) _output.WriteLine(line);
            HostileWorldTally.Add(_output, "hostile responses", Cases().Count(), crashes, 0, 0);
            ReliabilityFigures.Report(_output, "hostile responses",
                ("cases", Cases().Count()), ("became a PortalApiException", lines.Count), ("failures", failures.Count), ("crashes", crashes),
                ("slowest case ms", maxMs), ("MB allocated by the test process for all cases (two 50 MB bodies at an 8 MB cap)", allocatedMb));

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            // The two 50 MB bodies are refused at the 8 MB cap: nothing near 100 MB is ever buffered.
            Assert.True(allocatedMb < 90, "allocated " + allocatedMb + " MB");
        }

        [Fact]
        public void Invoke_PortalRequest_answers_a_bad_body_with_a_non_terminating_PortalIo_error_that_honours_ErrorAction()
        {
            var cases = new (string Name, Func<HttpListenerContext, Task> Answer, string? ErrorId, string Says)[]
            {
                ("invalid UTF-8 inside a JSON string", Bytes(200, "application/json", new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xC0, (byte)'"', (byte)'}' }), "PortalIo.InvalidResponse", "not valid UTF-8"),
                ("a property with an empty name", Body(200, "application/json", "{\"\": 1, \"id\": 2}"), "PortalIo.InvalidResponse", "empty name"),
                ("two names differing only in case", Body(200, "application/json", "{\"id\": 1, \"Id\": 2}"), "PortalIo.InvalidResponse", "twice"),
                ("an empty name deep inside", Body(200, "application/json", "{\"a\": [{\"b\": {\"\": 1}}]}"), "PortalIo.InvalidResponse", "$.a[0].b"),
                ("neither JSON nor UTF-8", Bytes(200, "application/octet-stream", new byte[] { 0xFF, 0xFE, 0x00, 0x81 }), "PortalIo.InvalidResponse", "neither JSON nor UTF-8 text"),
                ("plain text", Body(200, "text/plain", "OK, done."), null, "OK, done."),
                ("nested 10,000 deep (returned as its text)", Body(200, "application/json", new string('[', 10000) + new string(']', 10000)), null, "[[[["),
            };
            using var server = new HostileServer();
            using var rs = new ModuleRunspace();
            Assert.Empty(rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $k -MaxRetries 0",
                new Dictionary<string, object?> { ["b"] = server.BaseUri, ["k"] = SandboxFixture.Secure("not-a-secret") }).Errors);
            var failures = new List<string>();
            var crashes = 0;
            foreach (var (name, answer, errorId, says) in cases)
            {
                server.Answer(answer);
                // Continue: the script goes on after the error; Stop: the error is catchable as what it is.
                var goOn = rs.Run("Invoke-PortalRequest GET /public/anything -ErrorAction SilentlyContinue -ErrorVariable e; 'after'; $e");
                var stop = rs.Run("try { Invoke-PortalRequest GET /public/anything -ErrorAction Stop; 'no error' } catch { $_.FullyQualifiedErrorId }");
                if (HostileWorldTally.Crash(goOn) is string crash) { crashes++; failures.Add(name + ": crash: " + crash); continue; }
                if (!goOn.Output.Any(o => "after".Equals(o.BaseObject))) failures.Add(name + ": the script did not go on");
                if (errorId is null)
                {
                    if (goOn.Output.Count(o => o.BaseObject is string text && text.StartsWith(says, StringComparison.Ordinal)) != 1) failures.Add(name + ": expected the text as output");
                    continue;
                }
                var record = goOn.Output.Select(o => o.BaseObject).OfType<System.Management.Automation.ErrorRecord>().FirstOrDefault();
                if (record is null || HostileWorldTally.ErrorId(record) != errorId) failures.Add(name + ": expected " + errorId + " in -ErrorVariable, got " + record);
                else if (!record.ToString().Contains(says, StringComparison.Ordinal)) failures.Add(name + ": the message does not say '" + says + "': " + record);
                if (!stop.Output.Any(o => o.BaseObject is string id && id.StartsWith(errorId, StringComparison.Ordinal))) failures.Add(name + ": -ErrorAction Stop did not raise " + errorId);
                _output.WriteLine(name + " -> " + record);
            }
            HostileWorldTally.Add(_output, "Invoke-PortalRequest bodies", cases.Length, crashes, 0, 0);
            ReliabilityFigures.Report(_output, "hostile responses: bad bodies through Invoke-PortalRequest",
                ("cases", cases.Length), ("non-terminating, honouring -ErrorAction", cases.Length - failures.Count), ("crashes", crashes));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        private static IEnumerable<Exception> Chain(Exception? e)
        {
            for (; e != null; e = e.InnerException) yield return e;
        }
    }
}
