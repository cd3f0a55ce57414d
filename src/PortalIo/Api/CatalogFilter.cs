using System.Collections.Generic;
using System.Globalization;
using PortalIo.Http;
using PortalIo.Models;

namespace PortalIo.Api
{
    /// <summary>
    /// The filters of GET /public/catalog, as query parameters: only those whose names are
    /// documented (see docs/api-decisions.md, 'Catalog search filters with documented names only').
    /// </summary>
    internal sealed class CatalogFilter
    {
        public string? SearchText { get; set; }
        public int? CategoryId { get; set; }
        public IList<int> CategoryIds { get; } = new List<int>();
        public int? ParentCategoryId { get; set; }
        public IList<int> ParentCategoryIds { get; } = new List<int>();
        public IList<string> Brands { get; } = new List<string>();
        public IList<string> Suppliers { get; } = new List<string>();
        public CatalogItemType? ItemType { get; set; }
        public bool IsFavorite { get; set; }
        public bool IsInStock { get; set; }

        internal void ApplyTo(PortalRequest request)
        {
            if (!string.IsNullOrEmpty(SearchText)) request.AddQuery("SearchText", SearchText);
            if (CategoryId.HasValue) request.AddQuery("CategoryId", Text(CategoryId.Value));
            // Arrays repeat the key (see docs/api-decisions.md, 'Repeated query keys for lists').
            foreach (var id in CategoryIds) request.AddQuery("CategoryIds", Text(id));
            if (ParentCategoryId.HasValue) request.AddQuery("ParentCategoryId", Text(ParentCategoryId.Value));
            foreach (var id in ParentCategoryIds) request.AddQuery("ParentCategoryIds", Text(id));
            foreach (var brand in Brands) request.AddQuery("Brands", brand);
            foreach (var supplier in Suppliers) request.AddQuery("Suppliers", supplier);
            if (ItemType.HasValue) request.AddQuery("ItemType", ItemType.Value.ToString());
            if (IsFavorite) request.AddQuery("IsFavorite", "true");
            if (IsInStock) request.AddQuery("IsInStock", "true");
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
