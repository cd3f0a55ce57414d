using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    /// <summary>
    /// A node of the catalog tree: an industry (Level 0: Audio, Video…), a category (Level 1) or a
    /// sub-category (Level 2 and below). Industries bind to Find-PortalCatalogItem -ParentCategoryId
    /// and every other node to -CategoryId, by property name.
    /// </summary>
    public sealed class CatalogCategory : PortalObject
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? ImageUrl { get; set; }

        /// <summary>The parent node's id; null for an industry.</summary>
        public int? ParentId { get; set; }

        /// <summary>0 for an industry, 1 for its categories, 2 for their sub-categories, …</summary>
        public int Level { get; set; }

        /// <summary>Names from the industry down, joined with '/', e.g. Video/Displays/4K Displays.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>The industry this node belongs to (its own id for an industry).</summary>
        public int IndustryId { get; set; }

        public bool IsIndustry => Level == 0;

        /// <summary>The child nodes (categories of an industry, sub-categories of a category).</summary>
        public List<CatalogCategory> Children { get; set; } = new TextList<CatalogCategory>();

        /// <summary>For binding to Find-PortalCatalogItem -CategoryId (null for an industry).</summary>
        public int? CategoryId => IsIndustry ? (int?)null : Id;

        /// <summary>For binding to Find-PortalCatalogItem -ParentCategoryId (industries only).</summary>
        public int? ParentCategoryId => IsIndustry ? Id : (int?)null;

        public override string ToString() => Path.Length > 0 ? Path : Name ?? ("Category " + Id);
    }

    /// <summary>The wire shape: industries have categories, categories have subCategories.</summary>
    internal sealed class CatalogCategoryNode : IJsonOnDeserialized
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? ImageUrl { get; set; }
        public List<CatalogCategoryNode>? Categories { get; set; }
        public List<CatalogCategoryNode>? SubCategories { get; set; }
        [JsonExtensionData] public IDictionary<string, object?>? AdditionalProperties { get; set; }

        void IJsonOnDeserialized.OnDeserialized() => AdditionalProperties = JsonFields.From(AdditionalProperties);

        public CatalogCategory ToCategory(CatalogCategory? parent)
        {
            var category = new CatalogCategory
            {
                Id = Id,
                Name = Name,
                ImageUrl = ImageUrl,
                ParentId = parent?.Id,
                Level = parent == null ? 0 : parent.Level + 1,
                Path = parent == null ? (Name ?? string.Empty) : parent.Path + "/" + Name,
                IndustryId = parent == null ? Id : parent.IndustryId,
                AdditionalProperties = AdditionalProperties,
            };
            foreach (var child in (IEnumerable<CatalogCategoryNode>?)Categories ?? new List<CatalogCategoryNode>())
                if (child != null) category.Children.Add(child.ToCategory(category));
            foreach (var child in (IEnumerable<CatalogCategoryNode>?)SubCategories ?? new List<CatalogCategoryNode>())
                if (child != null) category.Children.Add(child.ToCategory(category));
            return category;
        }
    }
}
