using System;
using System.Collections.Generic;

namespace PortalIo.Http
{
    /// <summary>One page of a list endpoint: its items and, where the endpoint reports it, the total.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, long? totalCount)
        {
            Items = items ?? Array.Empty<T>();
            TotalCount = totalCount;
        }

        public IReadOnlyList<T> Items { get; }
        public long? TotalCount { get; }
    }

    /// <summary>Which slice of a listing the caller wants (PowerShell's -Skip and -First).</summary>
    public sealed class PagingWindow
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

    /// <summary>
    /// Streams a paged listing: each page's items are yielded before the next page is fetched, and
    /// only the pages that the window needs are fetched at all. Page numbers start at 1 for every
    /// endpoint, which sidesteps each endpoint's own rule for 0 (rejected by proposals and
    /// locations, read as 1 by contacts, accepted by the catalog).
    /// </summary>
    public static class PagedReader
    {
        public const int FirstPageNumber = 1;

        public static IEnumerable<T> Read<T>(Func<int, int, Page<T>> fetchPage, PagingWindow window, Action<long?>? onTotalCount = null)
        {
            if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
            if (window is null) throw new ArgumentNullException(nameof(window));
            if (window.First == 0)
            {
                if (onTotalCount != null) onTotalCount(fetchPage(FirstPageNumber, 1).TotalCount);
                yield break;
            }

            var pageSize = window.PageSize;
            var pageNumber = (int)Math.Min(int.MaxValue, window.Skip / (ulong)pageSize) + FirstPageNumber;
            var skipInPage = (int)(window.Skip % (ulong)pageSize);
            ulong written = 0;
            var reportedTotal = false;
            while (true)
            {
                var page = fetchPage(pageNumber, pageSize);
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
