using System;
using System.Collections.Generic;

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
        Page<T> Fetch(int pageNumber, int pageSize);
    }

    /// <summary>
    /// Streams a paged listing: each page's items are yielded before the next page is fetched, and
    /// only the pages that the window needs are fetched at all. Page numbers start at 1 for every
    /// endpoint (see docs/api-decisions.md, 'Paging quirks').
    /// </summary>
    internal static class PagedReader
    {
        public const int FirstPageNumber = 1;

        public static IEnumerable<T> Read<T>(IPageSource<T> source, PagingWindow window, Action<long?>? onTotalCount = null)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (window is null) throw new ArgumentNullException(nameof(window));
            if (window.First == 0)
            {
                if (onTotalCount != null) onTotalCount(source.Fetch(FirstPageNumber, 1).TotalCount);
                yield break;
            }

            var pageSize = window.PageSize;
            var pageNumber = (int)Math.Min(int.MaxValue, window.Skip / (ulong)pageSize) + FirstPageNumber;
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
