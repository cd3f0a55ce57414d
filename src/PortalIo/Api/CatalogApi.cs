using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>Catalog routes: search (22), item (23), category tree (24). All GET.</summary>
    public static class CatalogApi
    {
        public const int DefaultPageSize = 50;

        /// <summary>Streams search results page by page; see <see cref="PagedReader"/>.</summary>
        public static IEnumerable<CatalogItem> Search(PortalClient client, CatalogFilter filter, PagingWindow window,
            IPortalLog? log, CancellationToken cancellationToken, Action<long?>? onTotalCount = null) =>
            PagedReader.Read((page, size) => Sync.Wait(SearchPageAsync(client, filter, page, size, log, cancellationToken)), window, onTotalCount);

        public static async Task<Page<CatalogItem>> SearchPageAsync(PortalClient client, CatalogFilter filter, int pageNumber, int pageSize,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.Get("public/catalog");
            filter.ApplyTo(request);
            // The catalog accepts PageNumber 0 (other endpoints refuse it or read it as 1): always
            // send 1 or more so the first page is page 1 everywhere.
            request.AddQuery("PageNumber", Math.Max(PagedReader.FirstPageNumber, pageNumber).ToString(CultureInfo.InvariantCulture));
            request.AddQuery("PageSize", pageSize.ToString(CultureInfo.InvariantCulture));
            var result = await client.SendAsync<CatalogSearchResult>(request, log, cancellationToken).ConfigureAwait(false);
            var items = result.Items;
            // items holds the page; labors/customItems are where some versions put those types.
            if (items == null || items.Count == 0)
            {
                if (filter.ItemType == CatalogItemType.Labor) items = result.Labors;
                else if (filter.ItemType == CatalogItemType.CustomItem) items = result.CustomItems;
            }
            // A null entry in a list is dropped rather than written (or dereferenced).
            var list = (items ?? new List<CatalogItem>()).Where(i => i != null).ToList();
            var type = (filter.ItemType ?? CatalogItemType.Part).ToString();
            foreach (var item in list) item.ItemType ??= type;
            return new Page<CatalogItem>(list, result.TotalItemCount);
        }

        public static async Task<CatalogItem> GetAsync(PortalClient client, int itemId, bool extendedDetails, CatalogItemType? itemType,
            IPortalLog? log, CancellationToken cancellationToken)
        {
            var request = PortalRequest.Get("public/catalog/" + ProposalsApi.Id(itemId));
            if (extendedDetails) request.AddQuery("ExtendedDetails", "true");
            if (itemType.HasValue) request.AddQuery("ItemType", itemType.Value.ToString());
            var item = await client.SendAsync<CatalogItem>(request, log, cancellationToken).ConfigureAwait(false);
            item.ItemType ??= (itemType ?? CatalogItemType.Part).ToString();
            return item;
        }

        /// <summary>The tree: one node per industry, with its categories and their sub-categories as Children.</summary>
        public static async Task<IReadOnlyList<CatalogCategory>> GetCategoriesAsync(PortalClient client, IPortalLog? log, CancellationToken cancellationToken)
        {
            var nodes = await client.SendAsync<List<CatalogCategoryNode>>(PortalRequest.Get("public/catalog/categories"), log, cancellationToken)
                .ConfigureAwait(false);
            return nodes.Where(n => n != null).Select(n => n.ToCategory(null)).ToList();
        }

        /// <summary>Every node of the tree, depth-first (a parent before its children).</summary>
        public static IEnumerable<CatalogCategory> Flatten(IEnumerable<CatalogCategory> roots)
        {
            var stack = new Stack<CatalogCategory>(roots.Reverse());
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                yield return node;
                for (var i = node.Children.Count - 1; i >= 0; i--) stack.Push(node.Children[i]);
            }
        }
    }
}
