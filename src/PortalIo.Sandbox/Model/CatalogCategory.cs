using System.Collections.Generic;

namespace PortalIo.Sandbox.Model
{
    /// <summary>A node of the catalog tree: an industry at the top (Audio, Video…), then categories and sub-categories.</summary>
    internal sealed class CatalogCategory
    {
        public CatalogCategory(int id, string name, string? imageUrl, CatalogCategory? parent)
        {
            Id = id;
            Name = name;
            ImageUrl = imageUrl;
            Parent = parent;
            parent?.Children.Add(this);
        }

        public int Id { get; }
        public string Name { get; }
        public string? ImageUrl { get; }
        public CatalogCategory? Parent { get; }
        public List<CatalogCategory> Children { get; } = new List<CatalogCategory>();

        /// <summary>The industry-level ancestor: what an item's parentCategoryId and ParentCategoryId filters refer to.</summary>
        public CatalogCategory Industry => Parent == null ? this : Parent.Industry;

        /// <summary>Names from the industry down to this node, e.g. ["Audio", "AV Receivers"] as in the docs' example.</summary>
        public List<string> Path()
        {
            var names = Parent == null ? new List<string>() : Parent.Path();
            names.Add(Name);
            return names;
        }
    }
}
