using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>One page of a list endpoint: its items and, where the endpoint reports it, the total.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T>? items, long? totalCount)
        {
            Items = items ?? Array.Empty<T>();
            TotalCount = totalCount;
        }

        public IReadOnlyList<T> Items { get; }
        public long? TotalCount { get; }
    }

    /// <summary>Which slice of a listing the caller wants (PowerShell's -Skip and -First).</summary>
    internal sealed class PagingWindow
    {
        public PagingWindow(int pageSize, ulong skip = 0, ulong first = ulong.MaxValue)
        {
            if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), "The page size must be at least 1.");
            PageSize = pageSize;
            Skip = skip;
            First = first;
        }

        public int PageSize { get; }
        public ulong Skip { get; }
        public ulong First { get; }
    }

    /// <summary>The answer of one page of a list route: its items (no null among them) and, where the route reports it, the total.</summary>
    internal interface IListPageBody<T>
    {
        Page<T> ToPage();
    }

    /// <summary>A paged listing as <see cref="PagedReader"/> reads it: one page at a time, numbered from 1.</summary>
    internal interface IPageSource<T>
    {
        /// <summary>Waits on the caller's thread.</summary>
        Page<T> Fetch(int pageNumber, int pageSize);

        Task<Page<T>> FetchAsync(int pageNumber, int pageSize);
    }

    /// <summary>
    /// A listing whose first page (the one <see cref="PagedReader"/> asks for first) was fetched
    /// ahead, e.g. while the inputs before it in a fan-out were written; it is handed out once.
    /// </summary>
    internal sealed class PrefetchedPages<T> : IPageSource<T>
    {
        private readonly IPageSource<T> _source;
        private readonly int _pageNumber;
        private readonly int _pageSize;
        private Page<T>? _first;

        private PrefetchedPages(IPageSource<T> source, int pageNumber, int pageSize, Page<T> first)
        {
            _source = source;
            _pageNumber = pageNumber;
            _pageSize = pageSize;
            _first = first;
        }

        public static async Task<IPageSource<T>> FetchFirstAsync(IPageSource<T> source, PagingWindow window)
        {
            var (pageNumber, pageSize) = PagedReader.FirstFetch(window);
            var first = await source.FetchAsync(pageNumber, pageSize).ConfigureAwait(false);
            return new PrefetchedPages<T>(source, pageNumber, pageSize, first);
        }

        public Page<T> Fetch(int pageNumber, int pageSize) => TakeFirst(pageNumber, pageSize) ?? _source.Fetch(pageNumber, pageSize);

        public Task<Page<T>> FetchAsync(int pageNumber, int pageSize)
        {
            var first = TakeFirst(pageNumber, pageSize);
            return first != null ? Task.FromResult(first) : _source.FetchAsync(pageNumber, pageSize);
        }

        private Page<T>? TakeFirst(int pageNumber, int pageSize)
        {
            if (_first is null || pageNumber != _pageNumber || pageSize != _pageSize) return null;
            var first = _first;
            _first = null;
            return first;
        }
    }

    /// <summary>
    /// Streams a paged listing: each page's items are yielded before the next page is fetched, and
    /// only the pages that the window needs are fetched at all. Page numbers start at 1 for every
    /// endpoint (see docs/api-decisions.md, 'Paging quirks').
    /// </summary>
    internal static class PagedReader
    {
        public const int FirstPageNumber = 1;

        /// <summary>The page that <see cref="Read"/> fetches first for a window (just the total when First is 0).</summary>
        public static (int PageNumber, int PageSize) FirstFetch(PagingWindow window) =>
            window.First == 0
                ? (FirstPageNumber, 1)
                : ((int)Math.Min(int.MaxValue - 1, window.Skip / (ulong)window.PageSize) + FirstPageNumber, window.PageSize);

        public static IEnumerable<T> Read<T>(IPageSource<T> source, PagingWindow window, Action<long?>? onTotalCount = null)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (window is null) throw new ArgumentNullException(nameof(window));
            var (pageNumber, pageSize) = FirstFetch(window);
            if (window.First == 0)
            {
                if (onTotalCount != null) onTotalCount(source.Fetch(pageNumber, pageSize).TotalCount);
                yield break;
            }

            var skipInPage = (int)(window.Skip % (ulong)pageSize);
            ulong written = 0;
            var reportedTotal = false;
            while (true)
            {
                var page = source.Fetch(pageNumber, pageSize);
                if (!reportedTotal)
                {
                    reportedTotal = true;
                    onTotalCount?.Invoke(page.TotalCount);
                }
                for (var i = skipInPage; i < page.Items.Count; i++)
                {
                    yield return page.Items[i];
                    if (++written >= window.First) yield break;
                }
                skipInPage = 0;
                var seen = (long)(pageNumber - FirstPageNumber + 1) * pageSize;
                if (page.Items.Count < pageSize || (page.TotalCount.HasValue && seen >= page.TotalCount.Value))
                    yield break;
                pageNumber++;
            }
        }
    }
}
