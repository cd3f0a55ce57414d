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
    /// <summary>Issue #5: whatever the server sends, the cmdlets answer with a PortalApiException that says what happened.</summary>
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
        }.Select(c => new object[] { c.Name, c.Command, c.Answer, c.Status });

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
            ReliabilityFigures.Report(_output, "hostile responses",
                ("cases", Cases().Count()), ("became a PortalApiException", lines.Count), ("failures", failures.Count),
                ("slowest case ms", maxMs), ("MB allocated by the test process for all cases (two 50 MB bodies at an 8 MB cap)", allocatedMb));

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            // The two 50 MB bodies are refused at the 8 MB cap: nothing near 100 MB is ever buffered.
            Assert.True(allocatedMb < 90, "allocated " + allocatedMb + " MB");
        }

        private static IEnumerable<Exception> Chain(Exception? e)
        {
            for (; e != null; e = e.InnerException) yield return e;
        }
    }
}
