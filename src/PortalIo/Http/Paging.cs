using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace PortalIo.Http
{
    /// <summary>One page of a list endpoint: its items and, where the endpoint reports it, the total.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T>? items, long? totalCount)
        {
            ItemsMissing = items is null;
            Items = items ?? Array.Empty<T>();
            TotalCount = totalCount;
        }

        public IReadOnlyList<T> Items { get; }
        public long? TotalCount { get; }

        /// <summary>True when the answer had no list of items at all (not an empty one): the wrong shape.</summary>
        public bool ItemsMissing { get; }
    }

    /// <summary>Which slice of a listing the caller wants (PowerShell's -Skip and -First), and how many pages it may take at most.</summary>
    internal sealed class PagingWindow
    {
        /// <summary>
        /// No listing reads more pages than this: a server that keeps sending full pages (a total
        /// that is missing, huge or growing) ends with an error instead of running for hours.
        /// 10,000 pages of the default 50 are 500,000 items.
        /// </summary>
        public const int DefaultMaxPages = 10000;

        public PagingWindow(int pageSize, ulong skip = 0, ulong first = ulong.MaxValue, int maxPages = DefaultMaxPages)
        {
            if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), "The page size must be at least 1.");
            if (maxPages < 1) throw new ArgumentOutOfRangeException(nameof(maxPages), "At least one page must be allowed.");
            PageSize = pageSize;
            Skip = skip;
            First = first;
            MaxPages = maxPages;
        }

        public int PageSize { get; }
        public ulong Skip { get; }
        public ulong First { get; }
        public int MaxPages { get; }
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

        /// <summary>The listing's URL without paging parameters (redacted), for messages.</summary>
        string Url { get; }
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

        public string Url => _source.Url;

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
    /// endpoint (see docs/api-decisions.md, 'Paging quirks'). The server's paging is not trusted:
    /// a listing without a total reads until a short page; a page that comes short of the reported
    /// total ends the listing with a warning saying how many of how many arrived; an item the server
    /// sends again (the same id) is written once, with a warning; and full pages beyond what the
    /// first total announced, or beyond <see cref="PagingWindow.MaxPages"/>, end it with an error.
    /// </summary>
    internal static class PagedReader
    {
        public const int FirstPageNumber = 1;

        /// <summary>
        /// The page that <see cref="Read"/> fetches first for a window. Just the total (page 1 of 1)
        /// when the window takes nothing, or starts further in than a 32-bit PageNumber reaches,
        /// where no page of the API is, so nothing is there.
        /// </summary>
        public static (int PageNumber, int PageSize) FirstFetch(PagingWindow window) =>
            OnlyTotal(window) ? (FirstPageNumber, 1) : ((int)(window.Skip / (ulong)window.PageSize) + FirstPageNumber, window.PageSize);

        private static bool OnlyTotal(PagingWindow window) => window.First == 0 || window.Skip / (ulong)window.PageSize >= int.MaxValue;

        public static IEnumerable<T> Read<T>(IPageSource<T> source, PagingWindow window, Action<long?>? onTotalCount = null, IPortalLog? log = null)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (window is null) throw new ArgumentNullException(nameof(window));
            log ??= NullPortalLog.Instance;
            var (pageNumber, pageSize) = FirstFetch(window);
            if (OnlyTotal(window))
            {
                if (onTotalCount != null) onTotalCount(source.Fetch(pageNumber, pageSize).TotalCount);
                yield break;
            }

            var skipInPage = (int)(window.Skip % (ulong)pageSize);
            ulong written = 0;
            long? firstTotal = null;
            var reportedTotal = false;
            var pagesRead = 0;
            var seen = new HashSet<long>();
            while (true)
            {
                var page = source.Fetch(pageNumber, pageSize);
                pagesRead++;
                if (!reportedTotal)
                {
                    reportedTotal = true;
                    firstTotal = page.TotalCount;
                    onTotalCount?.Invoke(page.TotalCount);
                }
                var repeated = new List<long>();
                for (var i = skipInPage; i < page.Items.Count; i++)
                {
                    var item = page.Items[i];
                    var id = Models.ResourceIds.IdOf(item);
                    if (id.HasValue && !seen.Add(id.Value))
                    {
                        repeated.Add(id.Value);
                        continue;
                    }
                    yield return item;
                    if (++written >= window.First) yield break;
                }
                if (repeated.Count > 0)
                {
                    log.Warning("Page " + pageNumber + " of " + source.Url + " repeated " + repeated.Count + " item(s) already written (id " +
                        string.Join(", ", repeated.Take(5)) + (repeated.Count > 5 ? ", …" : string.Empty) + "); each was written once. " +
                        "The list may have changed while it was read: run the command again for a consistent result.");
                }
                skipInPage = 0;

                // Positions up to the end of this page (PageNumber is at most int.MaxValue, PageSize at most 500: no overflow).
                var through = (long)pageNumber * pageSize;
                var positionsSeen = through - pageSize + page.Items.Count;
                var total = page.TotalCount;
                if (page.Items.Count < pageSize)
                {
                    if (total.HasValue && positionsSeen < total.Value)
                    {
                        log.Warning("The listing of " + source.Url + " ended after " + positionsSeen + " of the " + total.Value + " items Portal.io reported: page " +
                            pageNumber + " held " + (page.Items.Count == 0 ? "no items" : "only " + page.Items.Count + " of " + pageSize) +
                            ". Items may have been removed while it was read; run the command again, or narrow it with filters.");
                    }
                    yield break;
                }
                if (total.HasValue && through >= total.Value) yield break;
                if (pagesRead >= window.MaxPages || pageNumber == int.MaxValue)
                {
                    throw new PortalApiException(PortalErrorKind.InvalidResponse, 200,
                        "the listing did not end after " + pagesRead + " pages of " + pageSize + " (" + (total.HasValue ? "Portal.io reports " + total.Value + " items" : "Portal.io reports no total") +
                        "); it was stopped there, and the items already written stay written", "GET", source.Url);
                }
                if (firstTotal.HasValue && total.HasValue && total.Value > firstTotal.Value && through >= Allowance(firstTotal.Value, pageSize))
                {
                    throw new PortalApiException(PortalErrorKind.InvalidResponse, 200,
                        "Portal.io reported " + firstTotal.Value + " items on the first page, yet page " + pageNumber + " is full and its total has grown to " + total.Value +
                        "; the listing was stopped there (the answers are inconsistent), and the items already written stay written", "GET", source.Url);
                }
                pageNumber++;
            }
        }

        /// <summary>How far past the first total a listing may go while items are added during it: a tenth more, and a page.</summary>
        private static long Allowance(long firstTotal, int pageSize)
        {
            var margin = firstTotal / 10 + pageSize;
            return firstTotal > long.MaxValue - margin ? long.MaxValue : firstTotal + margin;
        }
    }
}
