using System;
using System.Threading.Tasks;
using PortalIo.Http;

namespace PortalIo.Api
{
    /// <summary>
    /// Every list route of the API pages the same way: the route's own path and filters, plus
    /// PageNumber and PageSize, answered by a body that <typeparamref name="TBody"/> reads. One page is
    /// fetched at a time, when the reader (<see cref="PagedReader"/>) wants its first item.
    /// </summary>
    internal sealed class ListRoute<TBody, T> : IPageSource<T> where TBody : IListPageBody<T>
    {
        private readonly PortalCall _call;
        private readonly PortalRequest _request;
        private readonly Action<T>? _complete;

        /// <param name="request">The route with its filters, without the paging parameters.</param>
        /// <param name="complete">Fills in what each item does not carry itself (e.g. its parent's id).</param>
        public ListRoute(PortalCall call, PortalRequest request, Action<T>? complete = null)
        {
            _call = call;
            _request = request;
            _complete = complete;
        }

        public string Url => _request.DescribeUri(_call.BaseUri);

        public async Task<Page<T>> FetchAsync(int pageNumber, int pageSize)
        {
            var request = _request.ForPage(pageNumber, pageSize);
            var body = await _call.SendAsync<TBody>(request).ConfigureAwait(false);
            var page = body.ToPage();
            // An object without the list (a 200 with {}) is not an empty page: it would end the listing silently.
            if (page.ItemsMissing) throw _call.InvalidResponse(request, 200, "the answer of a list route holds no list of items");
            if (_complete != null)
            {
                foreach (var item in page.Items) _complete(item);
            }
            return page;
        }

        /// <summary>
        /// Waits on the caller's thread. PowerShell's pipeline thread has no synchronization context,
        /// so this cannot deadlock, and it keeps the listing lazy: a page is only fetched when the
        /// consumer asks for its first item.
        /// </summary>
        public Page<T> Fetch(int pageNumber, int pageSize) =>
            FetchAsync(pageNumber, pageSize).ConfigureAwait(false).GetAwaiter().GetResult();
    }
}
