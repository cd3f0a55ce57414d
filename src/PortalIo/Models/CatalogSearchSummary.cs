using System.Collections.Generic;

namespace PortalIo.Models
{
    /// <summary>
    /// What a catalog search says about all its matches (Find-PortalCatalogItem -Summary): how many
    /// there are, how many are favorites, the counts per category, brand and supplier (to narrow the
    /// search with -CategoryId, -Brands, -Suppliers), how long Portal.io took, and the first page.
    /// </summary>
    public sealed class CatalogSearchSummary : PortalObject
    {
        /// <summary>Matches across all pages.</summary>
        public long? TotalItemCount { get; set; }

        /// <summary>The account's favorites among the matches.</summary>
        public long? FavoriteItemCount { get; set; }

        public List<CatalogItem> FavoriteItems { get; set; } = new TextList<CatalogItem>();
        public List<CatalogFacet> CategoryFacets { get; set; } = new TextList<CatalogFacet>();
        public List<CatalogFacet> BrandFacets { get; set; } = new TextList<CatalogFacet>();
        public List<CatalogFacet> SupplierFacets { get; set; } = new TextList<CatalogFacet>();

        /// <summary>How long Portal.io took to search, in milliseconds (its processingTimeMS).</summary>
        public long? ProcessingTimeMs { get; set; }

        /// <summary>The first page of matches (-PageSize items).</summary>
        public List<CatalogItem> Items { get; set; } = new TextList<CatalogItem>();

        public override string ToString() => (TotalItemCount ?? Items.Count) + " matches";
    }

    /// <summary>One value of a search facet (a category, brand or supplier name) and how many matches have it.</summary>
    public sealed class CatalogFacet : PortalObject
    {
        public string? Value { get; set; }
        public long Count { get; set; }
        public override string ToString() => Value + " (" + Count + ")";
    }
}
