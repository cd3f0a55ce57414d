using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PortalIo.Sandbox.Data;
using PortalIo.Sandbox.Http;
using PortalIo.Sandbox.Model;
using PortalIo.Sandbox.Routing;

namespace PortalIo.Sandbox.Routes
{
    /// <summary>
    /// /public/catalog: search, item, category tree. Only parameters whose names are documented are
    /// bound: the industry, authorized, discontinued, industrial-favorite and price filters have no
    /// known name, so they are not guessed; discontinued items are excluded from searches as the
    /// default of that unnamed switch says. Catalog access is treated as enabled for every account,
    /// since the error when it is not is unknown (see docs/api-decisions.md, 'Catalog search').
    /// </summary>
    internal sealed class CatalogRoutes
    {
        public const int DefaultPageSize = 10;
        private static readonly string[] ItemTypes = { "Part", "Labor", "CustomItem" };

        private readonly EmulatorCatalog _catalog;

        public CatalogRoutes(EmulatorCatalog catalog) { _catalog = catalog; }

        public void Register(Router router)
        {
            router.Map("GET", "/public/catalog", RouteAccess.PublicRead, Search);
            // Before {itemId}: the router takes the first template that matches.
            router.Map("GET", "/public/catalog/categories", RouteAccess.PublicRead, Categories);
            router.Map("GET", "/public/catalog/{itemId}", RouteAccess.PublicRead, Get);
        }

        private EmulatorResponse Search(EmulatorRequest request)
        {
            var watch = Stopwatch.StartNew();
            var q = request.Query;
            if (!FormReading.TryInt(q, "PageNumber", out var pageNumber) || !FormReading.TryInt(q, "PageSize", out var pageSize)
                || !FormReading.TryInt(q, "CategoryId", out var categoryId) || !FormReading.TryInt(q, "ParentCategoryId", out var parentCategoryId)
                || !FormReading.TryBool(q, "IsFavorite", out var isFavorite) || !FormReading.TryBool(q, "IsInStock", out var isInStock)
                || !TryInts(q, "CategoryIds", out var categoryIds) || !TryInts(q, "ParentCategoryIds", out var parentCategoryIds))
                return ErrorBodies.BadRequestBare();

            var errors = new List<FieldError>();
            // Documented as "0 or greater": 0 is the first page here, only negatives are refused.
            if (pageNumber.HasValue && pageNumber.Value < 0)
                errors.Add(new FieldError("GreaterThanOrEqual", "PageNumber", "'Page Number' must be greater than or equal to '0'."));
            if (categoryId.HasValue && categoryIds.Count > 0)
                errors.Add(new FieldError("MutuallyExclusive", "CategoryIds", "'CategoryId' and 'CategoryIds' cannot both be specified."));
            if (parentCategoryId.HasValue && parentCategoryIds.Count > 0)
                errors.Add(new FieldError("MutuallyExclusive", "ParentCategoryIds", "'ParentCategoryId' and 'ParentCategoryIds' cannot both be specified."));
            var itemType = ItemTypeOf(q, errors);
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);

            int page = Math.Max(1, pageNumber ?? 1);
            int size = pageSize.HasValue && pageSize.Value >= 1 ? pageSize.Value : DefaultPageSize;
            if (categoryId.HasValue) categoryIds.Add(categoryId.Value);
            if (parentCategoryId.HasValue) parentCategoryIds.Add(parentCategoryId.Value);
            var brands = FormReading.Multi(q, "Brands");
            var suppliers = FormReading.Multi(q, "Suppliers");
            var search = (q.Get("SearchText") ?? "").Trim();
            var account = request.User!.Account;

            var matches = _catalog.Items.Where(i => i.ItemType == itemType && _catalog.IsVisibleTo(i, account) && !i.IsDiscontinued
                    && (search.Length == 0 || MatchesText(i, search))
                    && (categoryIds.Count == 0 || InAnyCategory(i, categoryIds))
                    && (parentCategoryIds.Count == 0 || parentCategoryIds.Contains(i.Category.Industry.Id))
                    && (brands.Count == 0 || brands.Any(b => b.Equals(i.Brand, StringComparison.OrdinalIgnoreCase)))
                    && (suppliers.Count == 0 || i.Suppliers.Any(s => suppliers.Any(n => n.Equals(s.SupplierName, StringComparison.OrdinalIgnoreCase))))
                    && (isFavorite != true || _catalog.IsFavorite(i, account))
                    && (isInStock != true || i.IsInStock))
                .OrderBy(i => i.Rank)
                .ToList();
            long skip = (long)(page - 1) * size;
            var slice = skip >= matches.Count ? new List<CatalogItem>() : matches.Skip((int)skip).Take(size).ToList();
            var favorites = matches.Where(i => _catalog.IsFavorite(i, account)).ToList();

            return EmulatorResponse.Json(200, JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("items");
                foreach (var item in slice) WriteSummary(w, item, account);
                w.WriteEndArray();
                w.WriteNumber("totalItemCount", matches.Count);
                w.WriteNumber("processingTimeMS", (int)watch.ElapsedMilliseconds);
                w.WriteNumber("favoriteItemCount", favorites.Count);
                w.WriteStartArray("favoriteItems");
                foreach (var item in favorites.Take(size)) WriteSummary(w, item, account);
                w.WriteEndArray();
                WriteFacets(w, "categoryFacets", matches.Select(i => i.Category.Name));
                WriteFacets(w, "brandFacets", matches.Select(i => i.Brand));
                WriteFacets(w, "supplierFacets", matches.SelectMany(i => i.Suppliers.Select(s => s.SupplierName)));
                // items always holds the page; labors/customItems repeat it when that type was asked for.
                w.WriteStartArray("labors");
                if (itemType == "Labor") foreach (var item in slice) WriteSummary(w, item, account);
                w.WriteEndArray();
                w.WriteStartArray("customItems");
                if (itemType == "CustomItem") foreach (var item in slice) WriteSummary(w, item, account);
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }

        private EmulatorResponse Get(EmulatorRequest request)
        {
            var itemId = request.RouteInt("itemId");
            if (itemId == null) return ErrorBodies.BadRequestBare();
            if (!FormReading.TryBool(request.Query, "ExtendedDetails", out var extended)) return ErrorBodies.BadRequestBare();
            var errors = new List<FieldError>();
            var itemType = ItemTypeOf(request.Query, errors);
            if (errors.Count > 0) return FormReading.ValidationFailed(errors);
            var account = request.User!.Account;
            // Labor and custom items live in the account's private library: they are found only when asked for by type.
            var item = _catalog.FindItem(itemId.Value, itemType, account);
            if (item == null) return ErrorBodies.NotFound(itemType + " catalog item " + itemId.Value + " was not found.");
            return EmulatorResponse.Json(200, JsonOutput.Write(w => WriteDetail(w, item, account, extended == true)));
        }

        private EmulatorResponse Categories(EmulatorRequest request) =>
            EmulatorResponse.Json(200, JsonOutput.Write(w =>
            {
                w.WriteStartArray();
                foreach (var industry in _catalog.Industries)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", industry.Id);
                    w.WriteString("name", industry.Name);
                    w.WriteStartArray("categories");
                    foreach (var category in industry.Children) WriteCategory(w, category);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));

        private static void WriteCategory(Utf8JsonWriter w, CatalogCategory category)
        {
            w.WriteStartObject();
            w.WriteNumber("id", category.Id);
            w.WriteString("name", category.Name);
            w.WriteNullableString("imageUrl", category.ImageUrl);
            w.WriteStartArray("subCategories");
            foreach (var child in category.Children) WriteCategory(w, child);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static string ItemTypeOf(ParameterBag q, List<FieldError> errors)
        {
            var text = q.Get("ItemType");
            if (string.IsNullOrWhiteSpace(text)) return "Part";
            var match = ItemTypes.FirstOrDefault(t => t.Equals(text!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match == null)
                errors.Add(new FieldError("Enum", "ItemType", "'Item Type' has a range of values which does not include '" + text + "'. Valid: Part, Labor, CustomItem."));
            return match ?? "Part";
        }

        private static bool TryInts(ParameterBag q, string key, out List<int> values)
        {
            values = new List<int>();
            foreach (var text in FormReading.Multi(q, key))
            {
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
                values.Add(value);
            }
            return true;
        }

        private static bool MatchesText(CatalogItem i, string search) =>
            new[] { i.Brand, i.Model, i.ShortDescription, i.Description, i.Brand + " " + i.Model }
                .Any(f => f.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>A category filter includes its sub-categories: "Displays" finds the 4K displays.</summary>
        private static bool InAnyCategory(CatalogItem item, List<int> ids)
        {
            for (var c = item.Category; c != null; c = c.Parent)
                if (ids.Contains(c.Id)) return true;
            return false;
        }

        private static void WriteFacets(Utf8JsonWriter w, string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (var group in values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("value", group.Key);
                w.WriteNumber("count", group.Count());
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteSummary(Utf8JsonWriter w, CatalogItem item, DealerAccount account)
        {
            w.WriteStartObject();
            WriteCommon(w, item, account);
            WriteMsrp(w, item, detail: false);
            WriteDefaultCost(w, item, detail: false);
            w.WriteEndObject();
        }

        private void WriteDetail(Utf8JsonWriter w, CatalogItem item, DealerAccount account, bool extended)
        {
            w.WriteStartObject();
            WriteCommon(w, item, account);
            if (extended) w.WriteString("description", item.Description);
            w.WriteString("productUrl", "https://portal.io/catalog/" + item.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteNullableString("manufacturerProductUrl", item.ManufacturerProductUrl);
            w.WriteNumber("rank", item.Rank);
            WriteMsrp(w, item, detail: true);
            WriteDefaultCost(w, item, detail: true);
            if (extended)
            {
                w.WriteStartArray("additionalImageUrls");
                if (item.ItemType == "Part") w.WriteStringValue(ImageUrl(item, 2));
                w.WriteEndArray();
                // Suppliers only with ExtendedDetails, as the newer documentation page says.
                w.WriteStartArray("suppliers");
                foreach (var offer in item.Suppliers)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", offer.SupplierId);
                    w.WriteString("name", offer.SupplierName);
                    w.WriteStartObject("cost");
                    w.WriteMoney("value", offer.Cost);
                    w.WriteBoolean("isPromo", offer.IsPromo);
                    w.WriteBoolean("isInStock", offer.IsInStock);
                    w.WriteString("unitOfMeasure", "Each");
                    w.WriteNumber("discountPercentage", 0);
                    ProposalJson.WriteCurrency(w);
                    w.WriteDate("lastVerifiedDate", offer.LastVerifiedDate);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("specs");
                foreach (var spec in item.Specs) w.WritePairObject("name", spec.Key, "value", spec.Value);
                w.WriteEndArray();
                w.WriteStartArray("pdfResourceLinks");
                foreach (var link in item.PdfLinks) w.WritePairObject("name", link.Key, "url", link.Value);
                w.WriteEndArray();
                w.WriteStartArray("videoResourceLinks");
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        private void WriteCommon(Utf8JsonWriter w, CatalogItem item, DealerAccount account)
        {
            w.WriteNumber("id", item.Id);
            w.WriteString("itemType", item.ItemType);
            w.WriteString("brand", item.Brand);
            w.WriteString("model", item.Model);
            w.WriteString("shortDescription", item.ShortDescription);
            w.WriteNullableString("primaryImageUrl", item.ItemType == "Part" ? ImageUrl(item, 1) : null);
            w.WriteNumber("parentCategoryId", item.Category.Industry.Id);
            w.WriteNumber("categoryId", item.Category.Id);
            w.WriteStartArray("categories");
            foreach (var name in item.Category.Path()) w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteBoolean("isFavorite", _catalog.IsFavorite(item, account));
            w.WriteBoolean("isDiscontinued", item.IsDiscontinued);
        }

        private static void WriteMsrp(Utf8JsonWriter w, CatalogItem item, bool detail)
        {
            w.WriteStartObject("msrp");
            w.WriteMoney("msrpUsd", item.Msrp);
            w.WriteMoney("value", item.Msrp);
            w.WriteMoney("regularValue", item.Msrp);
            w.WriteBoolean("isCustom", item.Account != null);
            ProposalJson.WriteCurrency(w);
            w.WriteDate("lastModifiedDate", item.MsrpModifiedDate);
            if (detail) w.WriteString("modifiedBy", "Portal.io");
            w.WriteEndObject();
        }

        private static void WriteDefaultCost(Utf8JsonWriter w, CatalogItem item, bool detail)
        {
            var offer = item.DefaultCost;
            if (offer == null)
            {
                w.WriteNull("defaultCost");
                return;
            }
            w.WriteStartObject("defaultCost");
            w.WriteString("supplierName", offer.SupplierName);
            w.WriteString("supplierSku", offer.Sku);
            if (detail)
            {
                w.WriteString("managePriceStatus", "Activated");
                w.WriteString("accountNumber", "DLR-" + offer.SupplierId.ToString("00000", CultureInfo.InvariantCulture));
            }
            w.WriteMoney("value", offer.Cost);
            w.WriteBoolean("isInStock", offer.IsInStock);
            w.WriteBoolean("isPromo", offer.IsPromo);
            ProposalJson.WriteCurrency(w);
            w.WriteEndObject();
        }

        private static string ImageUrl(CatalogItem item, int n) =>
            "https://images.portal.io/items/" + item.Id.ToString(CultureInfo.InvariantCulture) + "/" + n.ToString(CultureInfo.InvariantCulture) + ".jpg";
    }
}
