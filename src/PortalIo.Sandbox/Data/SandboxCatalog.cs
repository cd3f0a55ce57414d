using System;
using System.Collections.Generic;
using System.Linq;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The seeded catalog: an industry → category → sub-category tree and ~40 items. Immutable
    /// after construction (the public API cannot change the catalog), so reads need no lock.
    /// Item ids 31001–31006 and 32001–32002 are the ones the seeded proposals' line items
    /// reference (referencedItemId), and 8821 is the docs' example receiver.
    /// </summary>
    internal sealed class SandboxCatalog
    {
        private static readonly DateTime Verified = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly Dictionary<int, CatalogCategory> _categories = new Dictionary<int, CatalogCategory>();
        private readonly Dictionary<int, CatalogItem> _items = new Dictionary<int, CatalogItem>();
        private readonly Dictionary<int, HashSet<int>> _favorites = new Dictionary<int, HashSet<int>>();

        public IReadOnlyList<CatalogCategory> Industries { get; }
        public IEnumerable<CatalogItem> Items => _items.Values.OrderBy(i => i.Id);

        public SandboxCatalog(DealerAccount demo)
        {
            var audio = Cat(SandboxSeed.CatalogRootCategoryId, "Audio", null, null);
            var receivers = Cat(SandboxSeed.CatalogReceiversCategoryId, "AV Receivers", "https://images.portal.io/categories/47.jpg", audio);
            var amps = Cat(48, "Amplifiers", null, audio);
            var speakers = Cat(49, "Speakers", "https://images.portal.io/categories/49.jpg", audio);
            var inCeiling = Cat(50, "In-Ceiling Speakers", null, speakers);
            var soundbars = Cat(51, "Soundbars", null, speakers);
            var video = Cat(SandboxSeed.CatalogVideoCategoryId, "Video", null, null);
            var displays = Cat(60, "Displays", "https://images.portal.io/categories/60.jpg", video);
            var displays4k = Cat(SandboxSeed.CatalogThirdLevelCategoryId, "4K Displays", null, displays);
            var displays8k = Cat(62, "8K Displays", null, displays);
            var projectors = Cat(63, "Projectors", null, video);
            var networking = Cat(14, "Networking", null, null);
            var switches = Cat(70, "Switches", null, networking);
            var wifi = Cat(71, "Wireless Access Points", null, networking);
            var routers = Cat(72, "Routers", null, networking);
            var control = Cat(15, "Control & Automation", null, null);
            var controllers = Cat(80, "Controllers", null, control);
            var keypads = Cat(81, "Keypads & Remotes", null, control);
            var services = Cat(16, "Services", null, null);
            var installation = Cat(90, "Installation", null, services);
            var programming = Cat(91, "Programming", null, services);
            var materials = Cat(92, "Materials", null, services);
            Industries = new[] { audio, video, networking, control, services };

            // Parts: the shared catalog.
            Part(SandboxSeed.CatalogItemId, "Denon", "AVR-X3800H", "9.4 Ch. 105W 8K AV Receiver", receivers, 1299.00m, Dh(975.00m, "AVR-X3800H", true),
                specs: new[] { ("Channels", "9.4"), ("Power Output", "105W per channel") }, pdf: ("Owner's Manual", "https://docs.denon.com/avr-x3800h-manual.pdf"));
            Part(8822, "Denon", "AVR-S760H", "7.2 Ch. 75W 8K AV Receiver", receivers, 649.00m, Dh(487.00m, "AVR-S760H", true), specs: new[] { ("Channels", "7.2") });
            Part(8823, "Marantz", "CINEMA 50", "9.4 Ch. 110W 8K AV Receiver", receivers, 2199.00m, Snap(1650.00m, "CINEMA50", false));
            Part(8824, "Yamaha", "RX-A4A", "AVENTAGE 7.2 Ch. AV Receiver", receivers, 1499.00m, Dh(1125.00m, "RX-A4A", true, promo: true));
            Part(8830, "Sonos", "AMP", "Wireless amplifier, 125W per channel", amps, 699.00m, Snap(489.30m, "AMPG1US1BLK", true));
            Part(8831, "Crown", "XLS 1502", "Two-channel 525W power amplifier", amps, 499.00m, Adi(349.00m, "XLS1502", true));
            Part(8832, "Episode", "EA-AMP-8D-100", "8-zone 100W digital amplifier", amps, 1199.00m, Snap(780.00m, "EA-AMP-8D-100", true));
            Part(31004, "Episode", "ES-500-IC-6", "500 Series 6\" in-ceiling speaker", inCeiling, 249.00m, Snap(160.00m, "ES-500-IC-6", true));
            Part(8840, "Sonance", "VP66R", "Visual Performance 6.5\" round in-ceiling speaker", inCeiling, 399.00m, Adi(259.00m, "VP66R", true));
            Part(8841, "Bowers & Wilkins", "CCM663", "6\" in-ceiling speaker", inCeiling, 650.00m, Dh(455.00m, "CCM663", false));
            Part(8842, "Polk Audio", "RC80i", "8\" round in-ceiling speaker", inCeiling, 299.00m, Dh(185.00m, "RC80I", true));
            Part(31002, "Sonos", "ARCG1US1BLK", "Arc premium smart soundbar", soundbars, 899.00m, Snap(629.30m, "ARCG1US1BLK", true));
            Part(8843, "Sonos", "BEAM2", "Beam (Gen 2) compact smart soundbar", soundbars, 499.00m, Snap(349.30m, "BEAMG2US1BLK", true));
            Part(8844, "Bose", "SB900", "Smart Soundbar 900", soundbars, 899.00m, Dh(629.00m, "863350-1100", false));
            Part(31001, "Sony", "XR-75X90L", "BRAVIA XR 75\" 4K HDR Full Array LED TV", displays4k, 1799.99m, Dh(1350.00m, "XR75X90L", true));
            Part(8850, "Sony", "XR-65A95L", "BRAVIA XR 65\" 4K QD-OLED TV", displays4k, 3299.99m, Dh(2475.00m, "XR65A95L", true));
            Part(8851, "LG", "OLED77C3PUA", "77\" C3 4K OLED evo TV", displays4k, 3499.99m, Adi(2625.00m, "OLED77C3PUA", false));
            Part(8852, "Samsung", "QN85QN900C", "85\" Neo QLED 8K TV", displays8k, 6499.99m, Adi(4875.00m, "QN85QN900CFXZA", true));
            Part(8853, "Samsung", "QN65QN800C", "65\" Neo QLED 8K TV", displays8k, 2999.99m, Dh(2250.00m, "QN65QN800CFXZA", false));
            Part(8854, "Epson", "LS12000", "4K PRO-UHD laser projector", projectors, 4999.99m, Adi(3750.00m, "V11HA47020", true));
            Part(8855, "Sony", "VPL-XW5000ES", "Native 4K SXRD laser projector", projectors, 5999.99m, Dh(4500.00m, "VPLXW5000ES", true));
            Part(31005, "Araknis", "AN-310-SW-16-POE", "310 Series 16-port PoE+ switch", switches, 579.00m, Snap(405.00m, "AN-310-SW-16-POE", true));
            Part(8860, "Araknis", "AN-110-SW-8-POE", "110 Series 8-port PoE switch", switches, 199.00m, Snap(139.00m, "AN-110-SW-8-POE", true));
            Part(8861, "Ubiquiti", "USW-PRO-24-POE", "UniFi Pro 24-port PoE switch", switches, 699.00m, Adi(559.00m, "USW-PRO-24-POE", false));
            Part(8862, "Access Networks", "A620", "Wi-Fi 6 indoor access point", wifi, 449.00m, Snap(315.00m, "A620", true));
            Part(8863, "Ubiquiti", "U6-PRO", "UniFi 6 Pro access point", wifi, 159.00m, Adi(129.00m, "U6-PRO", true));
            Part(8864, "Araknis", "AN-300-RT-4L2W", "300 Series dual-WAN gigabit VPN router", routers, 399.00m, Snap(279.00m, "AN-300-RT-4L2W", true));
            Part(31003, "Control4", "C4-CORE3", "CORE 3 smart home controller", controllers, 1000.00m, Snap(650.00m, "C4-CORE3", true));
            Part(8870, "Control4", "C4-CORE5", "CORE 5 smart home controller", controllers, 2000.00m, Snap(1300.00m, "C4-CORE5", false));
            Part(8871, "Savant", "HST-4K-S", "Pro host 4K", controllers, 1799.00m, Adi(1170.00m, "HST-4K-S", true));
            Part(8872, "Lutron", "RRD-W6BRL-WH", "RadioRA 2 6-button keypad", keypads, 189.00m, Adi(123.00m, "RRD-W6BRL-WH", true));
            var discontinued = Part(SandboxSeed.CatalogDiscontinuedItemId, "Control4", "C4-EA5", "EA-5 controller (discontinued)", controllers, 1500.00m,
                Snap(975.00m, "C4-EA5", false));
            discontinued.IsDiscontinued = true;

            // The demo dealer's private library.
            Private(SandboxSeed.CatalogLaborItemId, "Labor", demo, "Portal", "LAB-INSTALL", "Installation labor (hour)", installation, 95.00m);
            Private(32002, "Labor", demo, "Portal", "LAB-PROG", "Programming labor (hour)", programming, 125.00m);
            Private(32003, "Labor", demo, "Portal", "LAB-PREWIRE", "Pre-wire labor (hour)", installation, 85.00m);
            Private(32004, "Labor", demo, "Portal", "LAB-CALIB", "Display and audio calibration (hour)", programming, 150.00m);
            Private(32005, "Labor", demo, "Portal", "LAB-SERVICE", "Service call (hour)", installation, 110.00m);
            Private(32006, "Labor", demo, "Portal", "LAB-PM", "Project management (hour)", installation, 90.00m);
            Private(SandboxSeed.CatalogCustomItemId, "CustomItem", demo, "Generic", "MISC-CABLE", "Cables, connectors and wall plates", materials, 150.00m);
            Private(33001, "CustomItem", demo, "Generic", "MISC-MOUNT", "Custom TV wall mount fabrication", materials, 350.00m);
            Private(33002, "CustomItem", demo, "Generic", "MISC-RACK", "Equipment rack build-out", materials, 600.00m);
            Private(33003, "CustomItem", demo, "Generic", "MISC-PERMIT", "Low-voltage permit handling", materials, 125.00m);

            _favorites[demo.Id] = new HashSet<int> { SandboxSeed.CatalogItemId, 31001, 31002, 31003, SandboxSeed.CatalogLaborItemId };
        }

        public CatalogCategory? FindCategory(int id) => _categories.TryGetValue(id, out var c) ? c : null;

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

        private CatalogItem Part(int id, string brand, string model, string shortDescription, CatalogCategory category, decimal msrp,
            CatalogSupplierOffer[] offers, (string, string)[]? specs = null, (string, string)? pdf = null)
        {
            var item = new CatalogItem
            {
                Id = id,
                ItemType = "Part",
                Brand = brand,
                Model = model,
                ShortDescription = shortDescription,
                Description = "The " + brand + " " + model + ": " + shortDescription + ". Seeded sandbox data for integration tests.",
                Category = category,
                Rank = _items.Count + 1,
                Msrp = msrp,
                MsrpModifiedDate = Verified.AddDays(-(id % 40)),
                ManufacturerProductUrl = "https://www." + brand.ToLowerInvariant().Replace(" ", "").Replace("&", "and") + ".example.com/" + model,
            };
            item.Suppliers.AddRange(offers);
            foreach (var (name, value) in specs ?? new (string, string)[0]) item.Specs.Add(new KeyValuePair<string, string>(name, value));
            if (pdf.HasValue) item.PdfLinks.Add(new KeyValuePair<string, string>(pdf.Value.Item1, pdf.Value.Item2));
            _items.Add(id, item);
            return item;
        }

        private void Private(int id, string type, DealerAccount account, string brand, string model, string description, CatalogCategory category, decimal price)
        {
            _items.Add(id, new CatalogItem
            {
                Id = id,
                ItemType = type,
                Account = account,
                Brand = brand,
                Model = model,
                ShortDescription = description,
                Description = description,
                Category = category,
                Rank = _items.Count + 1,
                Msrp = price,
                MsrpModifiedDate = Verified.AddDays(-(id % 40)),
            });
        }

        // Distributors: the docs' example supplier (D&H, id 5) and two more, so supplier facets and filters have something to count.
        private static CatalogSupplierOffer[] Dh(decimal cost, string sku, bool inStock, bool promo = false) =>
            new[] { new CatalogSupplierOffer(5, "D&H Distributing", sku, cost, inStock, promo, Verified) };
        private static CatalogSupplierOffer[] Snap(decimal cost, string sku, bool inStock) =>
            new[] { new CatalogSupplierOffer(6, "Snap One", sku, cost, inStock, false, Verified),
                    new CatalogSupplierOffer(5, "D&H Distributing", sku, Math.Round(cost * 1.04m, 2), !inStock, false, Verified) };
        private static CatalogSupplierOffer[] Adi(decimal cost, string sku, bool inStock) =>
            new[] { new CatalogSupplierOffer(7, "ADI Global", sku, cost, inStock, false, Verified) };
    }
}
