using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using PortalIo.Http;

namespace PortalIo.Models
{
    /// <summary>What a catalog entry is, and where it comes from.</summary>
    public enum CatalogItemType
    {
        /// <summary>Physical equipment from the shared Portal.io catalog (the API's default).</summary>
        Part,
        /// <summary>Labor line items from the account's private library.</summary>
        Labor,
        /// <summary>Dealer-defined items from the account's private library.</summary>
        CustomItem,
    }

    /// <summary>
    /// A catalog item: a search result (summary fields) or the detail of Get-PortalCatalogItem
    /// (with -ExtendedDetails also description, specs, suppliers and resource links).
    /// </summary>
    public sealed class CatalogItem : PortalObject
    {
        public int Id { get; set; }
        public string? Brand { get; set; }
        public string? Model { get; set; }
        public string? ShortDescription { get; set; }
        public string? Description { get; set; }

        /// <summary>Part, Labor or CustomItem: from the response when it says, else the ItemType the item was asked for.</summary>
        public string? ItemType { get; set; }

        public string? ProductUrl { get; set; }
        public string? ManufacturerProductUrl { get; set; }
        public string? PrimaryImageUrl { get; set; }
        public List<string>? AdditionalImageUrls { get; set; }

        /// <summary>The industry-level category (a ParentCategoryId filter value).</summary>
        public int? ParentCategoryId { get; set; }

        /// <summary>The item's own category (a CategoryId filter value).</summary>
        public int? CategoryId { get; set; }

        /// <summary>Category names from the industry down, e.g. Audio, AV Receivers.</summary>
        public List<string>? Categories { get; set; }

        public bool IsFavorite { get; set; }
        public bool IsDiscontinued { get; set; }
        public int? Rank { get; set; }
        public CatalogPrice? Msrp { get; set; }
        public CatalogCost? DefaultCost { get; set; }
        public List<CatalogSupplier>? Suppliers { get; set; }
        public List<CatalogSpec>? Specs { get; set; }
        public List<CatalogLink>? PdfResourceLinks { get; set; }
        public List<CatalogLink>? VideoResourceLinks { get; set; }


        /// <summary>For binding: the item's id by its full name.</summary>
        [JsonIgnore] public int ItemId => Id;

        /// <summary>"Categories" as one path, e.g. Audio/AV Receivers.</summary>
        [JsonIgnore] public string CategoryPath => Categories == null ? string.Empty : string.Join("/", Categories);

        public override string ToString()
        {
            var name = ((Brand ?? string.Empty) + " " + (Model ?? string.Empty)).Trim();
            return name.Length > 0 ? name : "Item " + Id;
        }
    }

    /// <summary>The msrp object: the manufacturer's suggested retail price.</summary>
    public sealed class CatalogPrice : PortalObject
    {
        public decimal? MsrpUsd { get; set; }
        public decimal? Value { get; set; }
        public decimal? RegularValue { get; set; }
        public bool IsCustom { get; set; }
        public Currency? Currency { get; set; }
        public DateTimeOffset? LastModifiedDate { get; set; }
        public string? ModifiedBy { get; set; }
        /// <summary>A price change Portal.io announces (shape not documented), as plain values.</summary>
        public object? FuturePrice { get; set; }

        private protected override void OnDeserialized() => FuturePrice = PlainJson.From(FuturePrice);

        public override string ToString() => Value.HasValue
            ? Value.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency
            : string.Empty;
    }

    /// <summary>A dealer cost: defaultCost, or the cost of one supplier.</summary>
    public sealed class CatalogCost : PortalObject
    {
        public string? SupplierName { get; set; }
        public string? SupplierSku { get; set; }
        public decimal? Value { get; set; }
        public bool IsInStock { get; set; }
        public bool IsPromo { get; set; }
        public string? UnitOfMeasure { get; set; }
        public decimal? DiscountPercentage { get; set; }
        public DateTimeOffset? LastVerifiedDate { get; set; }
        public string? ManagePriceStatus { get; set; }
        public string? AccountNumber { get; set; }
        public Currency? Currency { get; set; }
        /// <summary>A cost change Portal.io announces (shape not documented), as plain values.</summary>
        public object? FuturePrice { get; set; }

        private protected override void OnDeserialized() => FuturePrice = PlainJson.From(FuturePrice);

        public override string ToString() => (Value.HasValue
            ? Value.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency
            : string.Empty) + (SupplierName != null ? " (" + SupplierName + ")" : string.Empty);
    }

    /// <summary>One distributor of an item (suppliers[]; with -ExtendedDetails).</summary>
    public sealed class CatalogSupplier : PortalObject
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public CatalogCost? Cost { get; set; }
        public override string ToString() => Name + (Cost != null ? ": " + Cost : string.Empty);
    }

    public sealed class CatalogSpec : PortalObject
    {
        public string? Name { get; set; }
        public string? Value { get; set; }
        public override string ToString() => Name + ": " + Value;
    }

    public sealed class CatalogLink : PortalObject
    {
        public string? Name { get; set; }
        public string? Url { get; set; }
        public override string ToString() => Name ?? Url ?? string.Empty;
    }

    /// <summary>
    /// The answer of a catalog search: items holds the page, and where it is empty, some API versions
    /// put a Labor or custom-item search's page in labors or customItems instead (see
    /// docs/api-decisions.md, 'Catalog search results'). The rest is the search's summary
    /// (Find-PortalCatalogItem -Summary).
    /// </summary>
    internal class CatalogSearchResult : PortalObject, IListPageBody<CatalogItem>
    {
        public List<CatalogItem>? Items { get; set; }
        public long? TotalItemCount { get; set; }
        public List<CatalogItem>? Labors { get; set; }
        public List<CatalogItem>? CustomItems { get; set; }
        [JsonPropertyName("processingTimeMS")] public long? ProcessingTimeMs { get; set; }
        public long? FavoriteItemCount { get; set; }
        public List<CatalogItem>? FavoriteItems { get; set; }
        public List<CatalogFacet>? CategoryFacets { get; set; }
        public List<CatalogFacet>? BrandFacets { get; set; }
        public List<CatalogFacet>? SupplierFacets { get; set; }

        /// <summary>Where this search's page is when items is empty.</summary>
        protected virtual List<CatalogItem>? PageOutsideItems() => null;

        public Page<CatalogItem> ToPage() => new Page<CatalogItem>(Items is { Count: > 0 } ? Items : PageOutsideItems() ?? Items, TotalItemCount);

        public CatalogSearchSummary ToSummary() => new CatalogSearchSummary
        {
            TotalItemCount = TotalItemCount,
            ProcessingTimeMs = ProcessingTimeMs,
            FavoriteItemCount = FavoriteItemCount,
            FavoriteItems = FavoriteItems ?? new TextList<CatalogItem>(),
            CategoryFacets = CategoryFacets ?? new TextList<CatalogFacet>(),
            BrandFacets = BrandFacets ?? new TextList<CatalogFacet>(),
            SupplierFacets = SupplierFacets ?? new TextList<CatalogFacet>(),
            Items = new TextList<CatalogItem>(ToPage().Items),
            AdditionalProperties = AdditionalProperties,
        };
    }

    internal sealed class LaborSearchResult : CatalogSearchResult
    {
        protected override List<CatalogItem>? PageOutsideItems() => Labors;
    }

    internal sealed class CustomItemSearchResult : CatalogSearchResult
    {
        protected override List<CatalogItem>? PageOutsideItems() => CustomItems;
    }
}
