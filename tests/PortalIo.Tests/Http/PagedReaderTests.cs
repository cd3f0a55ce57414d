using System.Collections.Generic;
using System.Linq;
using PortalIo.Http;
using Xunit;

namespace PortalIo.Tests.Http
{
    public class PagedReaderTests
    {
        private sealed class FakeEndpoint : IPageSource<int>
        {
            private readonly int _total;
            public List<int> PagesFetched { get; } = new();
            public FakeEndpoint(int total) => _total = total;
            public string Url => "https://api.portal.io/public/fake";

            public Page<int> Fetch(int pageNumber, int pageSize)
            {
                Assert.True(pageNumber >= 1, "page numbers start at 1 for every endpoint");
                PagesFetched.Add(pageNumber);
                var start = (pageNumber - 1) * pageSize;
                return new Page<int>(Enumerable.Range(start, System.Math.Max(0, System.Math.Min(pageSize, _total - start))).ToList(), _total);
            }

            public System.Threading.Tasks.Task<Page<int>> FetchAsync(int pageNumber, int pageSize) =>
                System.Threading.Tasks.Task.FromResult(Fetch(pageNumber, pageSize));
        }

        [Fact]
        public void Streams_each_page_before_fetching_the_next()
        {
            var endpoint = new FakeEndpoint(25);
            using var items = PagedReader.Read(endpoint, new PagingWindow(10)).GetEnumerator();
            Assert.Empty(endpoint.PagesFetched);
            Assert.True(items.MoveNext());
            Assert.Equal(new[] { 1 }, endpoint.PagesFetched);
            for (var i = 1; i < 10; i++) Assert.True(items.MoveNext());
            Assert.Equal(new[] { 1 }, endpoint.PagesFetched);
            Assert.True(items.MoveNext());
            Assert.Equal(new[] { 1, 2 }, endpoint.PagesFetched);
        }

        [Fact]
        public void Reads_everything_and_stops_at_the_total()
        {
            var endpoint = new FakeEndpoint(30);
            Assert.Equal(Enumerable.Range(0, 30), PagedReader.Read(endpoint, new PagingWindow(10)));
            Assert.Equal(new[] { 1, 2, 3 }, endpoint.PagesFetched);
        }

        [Fact]
        public void Skip_and_first_fetch_only_the_pages_needed()
        {
            var endpoint = new FakeEndpoint(1000);
            var items = PagedReader.Read(endpoint, new PagingWindow(10, skip: 25, first: 10)).ToList();
            Assert.Equal(Enumerable.Range(25, 10), items);
            Assert.Equal(new[] { 3, 4 }, endpoint.PagesFetched);
        }

        [Fact]
        public void Total_count_is_reported_once_from_the_first_page()
        {
            var endpoint = new FakeEndpoint(42);
            var totals = new List<long?>();
            var items = PagedReader.Read(endpoint, new PagingWindow(10, first: 3), totals.Add).ToList();
            Assert.Equal(3, items.Count);
            Assert.Equal(new long?[] { 42 }, totals);
        }

        [Fact]
        public void First_zero_fetches_only_the_count()
        {
            var endpoint = new FakeEndpoint(42);
            var totals = new List<long?>();
            Assert.Empty(PagedReader.Read(endpoint, new PagingWindow(10, first: 0), totals.Add).ToList());
            Assert.Equal(new long?[] { 42 }, totals);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_prefetched_first_page_is_the_one_the_reader_asks_for_first_and_is_not_fetched_again()
        {
            var endpoint = new FakeEndpoint(100);
            var window = new PagingWindow(10, skip: 25, first: 12);

            var pages = await PrefetchedPages<int>.FetchFirstAsync(endpoint, window);
            Assert.Equal(new[] { 3 }, endpoint.PagesFetched);
            var items = PagedReader.Read(pages, window).ToList();

            Assert.Equal(Enumerable.Range(25, 12), items);
            Assert.Equal(new[] { 3, 4 }, endpoint.PagesFetched);
            var totalOnly = await PrefetchedPages<int>.FetchFirstAsync(endpoint, new PagingWindow(10, first: 0));
            var totals = new List<long?>();
            Assert.Empty(PagedReader.Read(totalOnly, new PagingWindow(10, first: 0), totals.Add));
            Assert.Equal(new long?[] { 100 }, totals);
            Assert.Equal(new[] { 3, 4, 1 }, endpoint.PagesFetched);
        }
    }
}
