using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The catalog of one emulator state: the fixed category tree (industry, category,
    /// sub-category; the same in every start, see <see cref="CatalogSeed"/> for the items of the
    /// seeded start) and the items a start put in it. Read without a lock: nothing changes it once
    /// the state is built, since the public API cannot.
    /// </summary>
    internal sealed class EmulatorCatalog
    {
        private readonly Dictionary<int, CatalogCategory> _categories = new Dictionary<int, CatalogCategory>();
        private readonly Dictionary<int, CatalogItem> _items = new Dictionary<int, CatalogItem>();
        private readonly Dictionary<int, HashSet<int>> _favorites = new Dictionary<int, HashSet<int>>();

        public IReadOnlyList<CatalogCategory> Industries { get; }

        public IEnumerable<CatalogItem> Items => _items.Values.OrderBy(i => i.Id);

        /// <summary>In rank order: the order they were added.</summary>
        public IEnumerable<CatalogItem> ItemsByRank => _items.Values.OrderBy(i => i.Rank);

        public IEnumerable<CatalogCategory> Categories => _categories.Values.OrderBy(c => c.Id);

        public EmulatorCatalog()
        {
            var audio = Cat(SandboxSeed.CatalogRootCategoryId, "Audio", null, null);
            Cat(SandboxSeed.CatalogReceiversCategoryId, "AV Receivers", "https://images.portal.io/categories/47.jpg", audio);
            Cat(48, "Amplifiers", null, audio);
            var speakers = Cat(49, "Speakers", "https://images.portal.io/categories/49.jpg", audio);
            Cat(50, "In-Ceiling Speakers", null, speakers);
            Cat(51, "Soundbars", null, speakers);
            var video = Cat(SandboxSeed.CatalogVideoCategoryId, "Video", null, null);
            var displays = Cat(60, "Displays", "https://images.portal.io/categories/60.jpg", video);
            Cat(SandboxSeed.CatalogThirdLevelCategoryId, "4K Displays", null, displays);
            Cat(62, "8K Displays", null, displays);
            Cat(63, "Projectors", null, video);
            var networking = Cat(14, "Networking", null, null);
            Cat(70, "Switches", null, networking);
            Cat(71, "Wireless Access Points", null, networking);
            Cat(72, "Routers", null, networking);
            var control = Cat(15, "Control & Automation", null, null);
            Cat(80, "Controllers", null, control);
            Cat(81, "Keypads & Remotes", null, control);
            var services = Cat(16, "Services", null, null);
            Cat(90, "Installation", null, services);
            Cat(91, "Programming", null, services);
            Cat(92, "Materials", null, services);
            Industries = new[] { audio, video, networking, control, services };
        }

        public CatalogCategory? FindCategory(int id) => _categories.TryGetValue(id, out var c) ? c : null;

        public CatalogItem? FindItem(int id) => _items.TryGetValue(id, out var item) ? item : null;

        /// <summary>Adds an item at the next rank.</summary>
        public void Add(CatalogItem item)
        {
            item.Rank = _items.Count + 1;
            _items.Add(item.Id, item);
        }

        public void SetFavorite(DealerAccount account, int itemId)
        {
            if (!_favorites.TryGetValue(account.Id, out var set)) _favorites[account.Id] = set = new HashSet<int>();
            set.Add(itemId);
        }

        /// <summary>Parts are visible to every account; Labor and CustomItem only to the owning account.</summary>
        public bool IsVisibleTo(CatalogItem item, DealerAccount account) => item.Account == null || item.Account == account;

        public CatalogItem? FindItem(int id, string itemType, DealerAccount account) =>
            _items.TryGetValue(id, out var item) && item.ItemType == itemType && IsVisibleTo(item, account) ? item : null;

        public bool IsFavorite(CatalogItem item, DealerAccount account) =>
            _favorites.TryGetValue(account.Id, out var set) && set.Contains(item.Id);

        private CatalogCategory Cat(int id, string name, string? imageUrl, CatalogCategory? parent)
        {
            var category = new CatalogCategory(id, name, imageUrl, parent);
            _categories.Add(id, category);
            return category;
        }
    }
}
