using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>Catalog routes: search, item, category tree. All GET.</summary>
    internal static class CatalogApi
    {
        public const int DefaultPageSize = 50;

        /// <summary>GET /public/catalog with the filter, a page at a time; each item carries its ItemType.</summary>
        public static IPageSource<CatalogItem> Search(PortalCall call, CatalogFilter filter)
        {
            var request = SearchRequest(filter, out var complete);
            switch (filter.ItemType)
            {
                case CatalogItemType.Labor: return new ListRoute<LaborSearchResult, CatalogItem>(call, request, complete);
                case CatalogItemType.CustomItem: return new ListRoute<CustomItemSearchResult, CatalogItem>(call, request, complete);
                default: return new ListRoute<CatalogSearchResult, CatalogItem>(call, request, complete);
            }
        }

        /// <summary>The search's summary (totals, favorites, facets, timing) with its first page of <paramref name="pageSize"/> items.</summary>
        public static async Task<CatalogSearchSummary> SummarizeAsync(PortalCall call, CatalogFilter filter, int pageSize)
        {
            var request = SearchRequest(filter, out var complete).ForPage(PagedReader.FirstPageNumber, pageSize);
            CatalogSearchResult body;
            switch (filter.ItemType)
            {
                case CatalogItemType.Labor: body = await call.SendAsync<LaborSearchResult>(request).ConfigureAwait(false); break;
                case CatalogItemType.CustomItem: body = await call.SendAsync<CustomItemSearchResult>(request).ConfigureAwait(false); break;
                default: body = await call.SendAsync<CatalogSearchResult>(request).ConfigureAwait(false); break;
            }
            var summary = body.ToSummary();
            foreach (var item in summary.Items) complete(item);
            foreach (var item in summary.FavoriteItems) complete(item);
            return summary;
        }

        private static PortalRequest SearchRequest(CatalogFilter filter, out Action<CatalogItem> complete)
        {
            var request = PortalRequest.Get("public/catalog");
            filter.ApplyTo(request);
            var type = (filter.ItemType ?? CatalogItemType.Part).ToString();
            complete = item => item.ItemType ??= type;
            return request;
        }

        public static async Task<CatalogItem> GetAsync(PortalCall call, int itemId, bool extendedDetails, CatalogItemType? itemType)
        {
            var request = PortalRequest.Get("public/catalog/" + Wire.Text(itemId));
            if (extendedDetails) request.AddQuery("ExtendedDetails", "true");
            if (itemType.HasValue) request.AddQuery("ItemType", itemType.Value.ToString());
            var item = await call.SendAsync<CatalogItem>(request).ConfigureAwait(false);
            item.ItemType ??= (itemType ?? CatalogItemType.Part).ToString();
            return item;
        }

        /// <summary>The tree: one node per industry, with its categories and their sub-categories as Children.</summary>
        public static async Task<IReadOnlyList<CatalogCategory>> GetCategoriesAsync(PortalCall call)
        {
            var nodes = await call.SendAsync<List<CatalogCategoryNode>>(PortalRequest.Get("public/catalog/categories")).ConfigureAwait(false);
            return nodes.Select(n => n.ToCategory(null)).ToList();
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
