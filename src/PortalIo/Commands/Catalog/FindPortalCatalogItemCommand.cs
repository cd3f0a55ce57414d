using System;
using System.Linq;
using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell.Completion;
using PortalIo.PowerShell;
using PortalIo.PowerShell.Errors;

namespace PortalIo.Commands.Catalog
{
    /// <summary>
    /// Searches the catalog (GET /public/catalog), streaming page by page (-First/-Skip fetch only
    /// the pages needed). Category nodes of Get-PortalCatalogCategory bind by property name
    /// (an industry to -ParentCategoryId, any other node to -CategoryId); their searches run
    /// -ThrottleLimit at once (the first page of each; the rest as it is written). -Summary writes
    /// what the search says about all its matches instead: totals, favorites, facets and timing.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "PortalCatalogItem", SupportsPaging = true, DefaultParameterSetName = ItemsSet)]
    [OutputType(typeof(CatalogItem), ParameterSetName = new[] { ItemsSet })]
    [OutputType(typeof(CatalogSearchSummary), ParameterSetName = new[] { SummarySet })]
    public sealed class FindPortalCatalogItemCommand : PortalFanOutCmdlet
    {
        private const string ItemsSet = "Items";
        private const string SummarySet = "Summary";

        /// <summary>Free text over item names, brands and descriptions.</summary>
        [Parameter(Position = 0)]
        [AllowEmptyString]
        public string? SearchText { get; set; }

        /// <summary>One category (a sub-category tree is included by Portal.io). Not with -CategoryIds.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CategoryIdCompleter))]
        public int? CategoryId { get; set; }

        /// <summary>Several categories (sent as a repeated key). Not with -CategoryId.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(CategoryIdCompleter))]
        public int[]? CategoryIds { get; set; }

        /// <summary>One industry-level category (Audio, Video, …). Not with -ParentCategoryIds.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CategoryIdCompleter))]
        public int? ParentCategoryId { get; set; }

        /// <summary>Several industry-level categories. Not with -ParentCategoryId.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(CategoryIdCompleter))]
        public int[]? ParentCategoryIds { get; set; }

        [Parameter]
        [Alias("Brand")]
        [ValidateNotWhiteSpace]
        public string[]? Brands { get; set; }

        [Parameter]
        [Alias("Supplier")]
        [ValidateNotWhiteSpace]
        public string[]? Suppliers { get; set; }

        /// <summary>Part (the API's default), Labor or CustomItem (the last two: the account's private library).</summary>
        [Parameter]
        public CatalogItemType? ItemType { get; set; }

        /// <summary>Only the account's favorites.</summary>
        [Parameter]
        public SwitchParameter IsFavorite { get; set; }

        /// <summary>Only items currently in stock at a supplier.</summary>
        [Parameter]
        public SwitchParameter IsInStock { get; set; }

        [Parameter]
        [ValidateRange(1, 500)]
        public int PageSize { get; set; } = CatalogApi.DefaultPageSize;

        /// <summary>How many searches (one per category node of the pipeline) run at once; 1 runs them one after another.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private protected override int ThrottleLimitValue => ThrottleLimit;

        /// <summary>Writes the search's summary (TotalItemCount, FavoriteItemCount, the facets, ProcessingTimeMs, the first page) instead of the items.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            // Checked here, not with [ValidateRange]: a category node from the pipeline binds null to
            // the one of the two that does not apply to it (an industry has no CategoryId).
            foreach (var (name, value) in new[] { (nameof(CategoryId), CategoryId), (nameof(ParentCategoryId), ParentCategoryId) })
            {
                if (value.HasValue && value.Value < 1)
                {
                    var refused = ErrorRecordFactory.InvalidArgument(name, "-" + name + " must be a category id (1 or more), not " + value.Value + ".", value.Value);
                    InOrder(() => WriteError(refused));
                    return;
                }
            }
            if (CategoryId.HasValue && CategoryIds != null && CategoryIds.Length > 0)
            {
                var refused = ErrorRecordFactory.InvalidArgument(nameof(CategoryIds),
                    "-CategoryId and -CategoryIds cannot be used together (the API refuses both): give one category with -CategoryId, or several with -CategoryIds.", CategoryId);
                InOrder(() => WriteError(refused));
                return;
            }
            if (ParentCategoryId.HasValue && ParentCategoryIds != null && ParentCategoryIds.Length > 0)
            {
                var refused = ErrorRecordFactory.InvalidArgument(nameof(ParentCategoryIds),
                    "-ParentCategoryId and -ParentCategoryIds cannot be used together (the API refuses both): give one industry with -ParentCategoryId, or several with -ParentCategoryIds.", ParentCategoryId);
                InOrder(() => WriteError(refused));
                return;
            }

            var filter = new CatalogFilter
            {
                SearchText = SearchText,
                CategoryId = CategoryId,
                ParentCategoryId = ParentCategoryId,
                ItemType = ItemType,
                IsFavorite = IsFavorite,
                IsInStock = IsInStock,
            };
            foreach (var id in (CategoryIds ?? Array.Empty<int>()).Distinct()) filter.CategoryIds.Add(id);
            foreach (var id in (ParentCategoryIds ?? Array.Empty<int>()).Distinct()) filter.ParentCategoryIds.Add(id);
            foreach (var brand in Brands ?? Array.Empty<string>()) filter.Brands.Add(brand.Trim());
            foreach (var supplier in Suppliers ?? Array.Empty<string>()) filter.Suppliers.Add(supplier.Trim());

            object? target = CategoryId ?? ParentCategoryId ?? (object?)SearchText;
            if (Summary)
            {
                if (Refused(PagingParameterNames, "applies to the items; -Summary writes one summary of the whole search, so nothing was read.",
                    "Leave it out; -PageSize sets how many items the summary's Items holds.")) return;
                var pageSize = PageSize;
                FanOut(target, call => CatalogApi.SummarizeAsync(call, filter, pageSize), Emit, Hints);
                return;
            }
            FanOutPaged("Searching the catalog", PageSize, target, call => CatalogApi.Search(call, filter), Hints);
        }

        internal static readonly ErrorRecordFactory.Hints Hints = new ErrorRecordFactory.Hints
        {
            BadRequest = "Catalog search rules: -CategoryId and -CategoryIds are mutually exclusive, as are -ParentCategoryId and -ParentCategoryIds; category ids come from Get-PortalCatalogCategory.",
            ListIds = "List the category ids with Get-PortalCatalogCategory -Recurse.",
        };
    }
}
