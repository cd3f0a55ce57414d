using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13, item 4, from its repros through Get-PortalProposal against a server that lies
    /// about its pages: an empty page before the total ended a listing silently (50 of 250); a
    /// missing total read as 0; a huge or growing total never ended; repeated pages were written
    /// twice; -Skip beyond 50 x 2^31 wrapped to PageNumber=-2147483648.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class PagingBoundsTests
    {
        private readonly ITestOutputHelper _output;

        public PagingBoundsTests(ITestOutputHelper output) => _output = output;

        /// <summary>A page's answer: the ids on it and the total to report (null: none).</summary>
        private delegate (IEnumerable<int> Ids, long? Total) PageAnswer(int pageNumber, int pageSize);

        /// <summary>Answers GET /public/proposals pages as <paramref name="answer"/> says, and records the paging parameters asked for.</summary>
        private static Func<HttpListenerContext, Task> Pages(PageAnswer answer, ConcurrentQueue<string> asked) => async c =>
        {
            var number = c.Request.QueryString["PageNumber"] ?? "";
            var size = c.Request.QueryString["PageSize"] ?? "";
            asked.Enqueue(number + "/" + size);
            var (ids, total) = answer(int.Parse(number, CultureInfo.InvariantCulture), int.Parse(size, CultureInfo.InvariantCulture));
            var json = "{\"proposals\":[" + string.Join(",", ids.Select(id => "{\"id\":" + id + ",\"name\":\"P" + id + "\"}")) + "]" +
                (total.HasValue ? ",\"proposalCount\":" + total.Value.ToString(CultureInfo.InvariantCulture) : "") + "}";
            var bytes = Encoding.UTF8.GetBytes(json);
            c.Response.ContentType = "application/json";
            c.Response.ContentLength64 = bytes.Length;
            await c.Response.OutputStream.WriteAsync(bytes);
            c.Response.Close();
        };

        private static IEnumerable<int> Full(int pageNumber, int pageSize) => Enumerable.Range((pageNumber - 1) * pageSize + 1, pageSize);

        [Fact]
        public void A_lying_server_never_silently_truncates_a_listing_never_makes_it_run_forever_and_never_gets_an_item_twice()
        {
            var cases = new (string Name, PageAnswer Answer, string Command, int Objects, string? Warning, string? Error, int MaxRequests)[]
            {
                ("an empty page before the reported total (the 50-of-250 repro)", (p, s) => (p == 1 ? Full(p, s) : Enumerable.Empty<int>(), 250),
                    "Get-PortalProposal", 50, "ended after 50 of the 250 items", null, 2),
                ("a short page before the reported total", (p, s) => (p == 1 ? Full(p, s) : p == 2 ? Full(p, s).Take(20) : Enumerable.Empty<int>(), 250),
                    "Get-PortalProposal", 70, "ended after 70 of the 250 items", null, 2),
                ("no total: read until a short page", (p, s) => (p <= 3 ? Full(p, s) : Full(p, s).Take(10), null),
                    "Get-PortalProposal", 160, null, null, 4),
                ("a total that grows with every page", (p, s) => (Full(p, s), p * 50L + 100),
                    "Get-PortalProposal", 250, null, "its total has grown", 5),
                ("the same page again and again", (p, s) => (Full(1, s), 150),
                    "Get-PortalProposal", 50, "repeated 50 item(s) already written", null, 3),
                ("pages that overlap by ten", (p, s) => (Enumerable.Range((p - 1) * (s - 10) + 1, s), 130),
                    "Get-PortalProposal", 130, "repeated 10 item(s)", null, 3),
            };
            using var server = new HostileServer();
            using var rs = new ModuleRunspace();
            Assert.Empty(rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $k -MaxRetries 0",
                new Dictionary<string, object?> { ["b"] = server.BaseUri, ["k"] = SandboxFixture.Secure("not-a-secret") }).Errors);
            var failures = new List<string>();
            var crashes = 0;
            foreach (var (name, answer, command, objects, warning, error, maxRequests) in cases)
            {
                var asked = new ConcurrentQueue<string>();
                server.Answer(Pages(answer, asked));
                var run = rs.Run(command);
                if (HostileWorldTally.Crash(run) is string crash) { crashes++; failures.Add(name + ": crash: " + crash); continue; }
                var ids = run.Objects<Proposal>().Select(p => p.Id).ToList();
                if (ids.Count != objects) failures.Add(name + ": " + ids.Count + " objects, expected " + objects);
                if (ids.Distinct().Count() != ids.Count) failures.Add(name + ": an item was written twice");
                if (warning != null && !run.Warnings.Any(w => w.Contains(warning, StringComparison.Ordinal))) failures.Add(name + ": no warning '" + warning + "' in: " + string.Join(" | ", run.Warnings));
                if (warning is null && run.Warnings.Count > 0) failures.Add(name + ": unexpected warning " + run.Warnings[0]);
                if (error != null && (run.Errors.Count != 1 || HostileWorldTally.ErrorId(run.Errors[0]) != "PortalIo.InvalidResponse" || !run.Errors[0].ToString().Contains(error, StringComparison.Ordinal)))
                    failures.Add(name + ": expected one InvalidResponse saying '" + error + "': " + string.Join(" | ", run.Errors));
                if (error is null && run.Errors.Count > 0) failures.Add(name + ": " + run.Errors[0]);
                if (asked.Count > maxRequests) failures.Add(name + ": " + asked.Count + " requests, at most " + maxRequests + " expected");
                _output.WriteLine(name + ": " + ids.Count + " objects, " + asked.Count + " pages; " + string.Join(" | ", run.Warnings.Concat(run.Errors.Select(e => e.ToString()))));
            }

            // -Skip beyond what PageNumber can address: nothing is there, and no page number wraps.
            var skipped = new ConcurrentQueue<string>();
            server.Answer(Pages((p, s) => (Full(p, s), 1000), skipped));
            var beyond = rs.Run("Get-PortalProposal -Skip 107374182400 -First 1; Get-PortalProposal -Skip ([uint64]::MaxValue - 5) -IncludeTotalCount");
            if (HostileWorldTally.Crash(beyond) is string skipCrash) { crashes++; failures.Add("-Skip beyond the last page: crash: " + skipCrash); }
            var proposals = beyond.Objects<Proposal>().Count();
            var wrapped = skipped.Where(a => a.StartsWith("-", StringComparison.Ordinal) || a.StartsWith("0/", StringComparison.Ordinal)).ToList();
            if (proposals != 0) failures.Add("-Skip beyond the last page wrote " + proposals + " proposals");
            if (wrapped.Count > 0) failures.Add("-Skip wrapped to PageNumber " + string.Join(", ", wrapped));
            if (skipped.Count != 2 || skipped.Any(a => a != "1/1")) failures.Add("-Skip beyond the last page asked for " + string.Join(", ", skipped) + "; expected only the total (1/1) per command");

            HostileWorldTally.Add(_output, "paging", cases.Length + 1, crashes, 0, 0);
            ReliabilityFigures.Report(_output, "hostile world: paging that lies",
                ("cases", cases.Length + 1), ("failures", failures.Count), ("crashes", crashes),
                ("-Skip 107374182400 (50 x 2^31)", "no object, and only the total is asked for (PageNumber=1&PageSize=1); never a wrapped page number"));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>A total that is huge (or missing) with full pages forever: only the page bound ends it, and it says so.</summary>
        private sealed class EndlessPages : IPageSource<Proposal>
        {
            private readonly long? _total;
            public EndlessPages(long? total) => _total = total;
            public int Fetched { get; private set; }
            public string Url => "https://api.portal.io/public/proposals";

            public Page<Proposal> Fetch(int pageNumber, int pageSize)
            {
                Fetched++;
                return new Page<Proposal>(Full(pageNumber, pageSize).Select(id => new Proposal { Id = id }).ToList(), _total);
            }

            public Task<Page<Proposal>> FetchAsync(int pageNumber, int pageSize) => Task.FromResult(Fetch(pageNumber, pageSize));
        }

        [Theory]
        [InlineData(long.MaxValue)]
        [InlineData(null)]
        public void Full_pages_forever_end_at_the_page_bound_with_an_error_that_says_what_happened(long? total)
        {
            var source = new EndlessPages(total);
            var written = 0;
            var error = Assert.Throws<PortalApiException>(() =>
            {
                foreach (var _ in PagedReader.Read(source, new PagingWindow(50, maxPages: 40))) written++;
            });
            Assert.Equal(PortalErrorKind.InvalidResponse, error.Kind);
            Assert.Contains("did not end after 40 pages of 50", error.Message);
            Assert.Equal(40, source.Fetched);
            Assert.Equal(40 * 50, written);
            Assert.Equal(10000, PagingWindow.DefaultMaxPages);
            HostileWorldTally.Add(_output, "paging bound, total " + (total?.ToString(CultureInfo.InvariantCulture) ?? "missing"), 1, 0, 0, 0);
        }
    }
}
