using System;
using System.Collections.Generic;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The items of the seeded catalog: ~40 parts of the shared catalog and the demo dealer's private
    /// labor and custom items. Item ids 31001–31006 and 32001–32002 are the ones the seeded
    /// proposals' line items reference (referencedItemId), and 8821 is the documentation's example
    /// receiver.
    /// </summary>
    internal static class CatalogSeed
    {
        private static readonly DateTime Verified = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

        public static void Populate(EmulatorCatalog catalog, DealerAccount demo)
        {
            CatalogCategory Cat(int id) => catalog.FindCategory(id)!;
            var receivers = Cat(SandboxSeed.CatalogReceiversCategoryId);
            var amps = Cat(48);
            var inCeiling = Cat(50);
            var soundbars = Cat(51);
            var displays4k = Cat(SandboxSeed.CatalogThirdLevelCategoryId);
            var displays8k = Cat(62);
            var projectors = Cat(63);
            var switches = Cat(70);
            var wifi = Cat(71);
            var routers = Cat(72);
            var controllers = Cat(80);
            var keypads = Cat(81);
            var installation = Cat(90);
            var programming = Cat(91);
            var materials = Cat(92);

            // Parts: the shared catalog.
            Part(catalog, SandboxSeed.CatalogItemId, "Denon", "AVR-X3800H", "9.4 Ch. 105W 8K AV Receiver", receivers, 1299.00m, Dh(975.00m, "AVR-X3800H", true),
                specs: new[] { ("Channels", "9.4"), ("Power Output", "105W per channel") }, pdf: ("Owner's Manual", "https://docs.denon.com/avr-x3800h-manual.pdf"));
            Part(catalog, 8822, "Denon", "AVR-S760H", "7.2 Ch. 75W 8K AV Receiver", receivers, 649.00m, Dh(487.00m, "AVR-S760H", true), specs: new[] { ("Channels", "7.2") });
            Part(catalog, 8823, "Marantz", "CINEMA 50", "9.4 Ch. 110W 8K AV Receiver", receivers, 2199.00m, Snap(1650.00m, "CINEMA50", false));
            Part(catalog, 8824, "Yamaha", "RX-A4A", "AVENTAGE 7.2 Ch. AV Receiver", receivers, 1499.00m, Dh(1125.00m, "RX-A4A", true, promo: true));
            Part(catalog, 8830, "Sonos", "AMP", "Wireless amplifier, 125W per channel", amps, 699.00m, Snap(489.30m, "AMPG1US1BLK", true));
            Part(catalog, 8831, "Crown", "XLS 1502", "Two-channel 525W power amplifier", amps, 499.00m, Adi(349.00m, "XLS1502", true));
            Part(catalog, 8832, "Episode", "EA-AMP-8D-100", "8-zone 100W digital amplifier", amps, 1199.00m, Snap(780.00m, "EA-AMP-8D-100", true));
            Part(catalog, 31004, "Episode", "ES-500-IC-6", "500 Series 6\" in-ceiling speaker", inCeiling, 249.00m, Snap(160.00m, "ES-500-IC-6", true));
            Part(catalog, 8840, "Sonance", "VP66R", "Visual Performance 6.5\" round in-ceiling speaker", inCeiling, 399.00m, Adi(259.00m, "VP66R", true));
            Part(catalog, 8841, "Bowers & Wilkins", "CCM663", "6\" in-ceiling speaker", inCeiling, 650.00m, Dh(455.00m, "CCM663", false));
            Part(catalog, 8842, "Polk Audio", "RC80i", "8\" round in-ceiling speaker", inCeiling, 299.00m, Dh(185.00m, "RC80I", true));
            Part(catalog, 31002, "Sonos", "ARCG1US1BLK", "Arc premium smart soundbar", soundbars, 899.00m, Snap(629.30m, "ARCG1US1BLK", true));
            Part(catalog, 8843, "Sonos", "BEAM2", "Beam (Gen 2) compact smart soundbar", soundbars, 499.00m, Snap(349.30m, "BEAMG2US1BLK", true));
            Part(catalog, 8844, "Bose", "SB900", "Smart Soundbar 900", soundbars, 899.00m, Dh(629.00m, "863350-1100", false));
            Part(catalog, 31001, "Sony", "XR-75X90L", "BRAVIA XR 75\" 4K HDR Full Array LED TV", displays4k, 1799.99m, Dh(1350.00m, "XR75X90L", true));
            Part(catalog, 8850, "Sony", "XR-65A95L", "BRAVIA XR 65\" 4K QD-OLED TV", displays4k, 3299.99m, Dh(2475.00m, "XR65A95L", true));
            Part(catalog, 8851, "LG", "OLED77C3PUA", "77\" C3 4K OLED evo TV", displays4k, 3499.99m, Adi(2625.00m, "OLED77C3PUA", false));
            Part(catalog, 8852, "Samsung", "QN85QN900C", "85\" Neo QLED 8K TV", displays8k, 6499.99m, Adi(4875.00m, "QN85QN900CFXZA", true));
            Part(catalog, 8853, "Samsung", "QN65QN800C", "65\" Neo QLED 8K TV", displays8k, 2999.99m, Dh(2250.00m, "QN65QN800CFXZA", false));
            Part(catalog, 8854, "Epson", "LS12000", "4K PRO-UHD laser projector", projectors, 4999.99m, Adi(3750.00m, "V11HA47020", true));
            Part(catalog, 8855, "Sony", "VPL-XW5000ES", "Native 4K SXRD laser projector", projectors, 5999.99m, Dh(4500.00m, "VPLXW5000ES", true));
            Part(catalog, 31005, "Araknis", "AN-310-SW-16-POE", "310 Series 16-port PoE+ switch", switches, 579.00m, Snap(405.00m, "AN-310-SW-16-POE", true));
            Part(catalog, 8860, "Araknis", "AN-110-SW-8-POE", "110 Series 8-port PoE switch", switches, 199.00m, Snap(139.00m, "AN-110-SW-8-POE", true));
            Part(catalog, 8861, "Ubiquiti", "USW-PRO-24-POE", "UniFi Pro 24-port PoE switch", switches, 699.00m, Adi(559.00m, "USW-PRO-24-POE", false));
            Part(catalog, 8862, "Access Networks", "A620", "Wi-Fi 6 indoor access point", wifi, 449.00m, Snap(315.00m, "A620", true));
            Part(catalog, 8863, "Ubiquiti", "U6-PRO", "UniFi 6 Pro access point", wifi, 159.00m, Adi(129.00m, "U6-PRO", true));
            Part(catalog, 8864, "Araknis", "AN-300-RT-4L2W", "300 Series dual-WAN gigabit VPN router", routers, 399.00m, Snap(279.00m, "AN-300-RT-4L2W", true));
            Part(catalog, 31003, "Control4", "C4-CORE3", "CORE 3 smart home controller", controllers, 1000.00m, Snap(650.00m, "C4-CORE3", true));
            Part(catalog, 8870, "Control4", "C4-CORE5", "CORE 5 smart home controller", controllers, 2000.00m, Snap(1300.00m, "C4-CORE5", false));
            Part(catalog, 8871, "Savant", "HST-4K-S", "Pro host 4K", controllers, 1799.00m, Adi(1170.00m, "HST-4K-S", true));
            Part(catalog, 8872, "Lutron", "RRD-W6BRL-WH", "RadioRA 2 6-button keypad", keypads, 189.00m, Adi(123.00m, "RRD-W6BRL-WH", true));
            var discontinued = Part(catalog, SandboxSeed.CatalogDiscontinuedItemId, "Control4", "C4-EA5", "EA-5 controller (discontinued)", controllers, 1500.00m,
                Snap(975.00m, "C4-EA5", false));
            discontinued.IsDiscontinued = true;

            // The demo dealer's private library.
            Private(catalog, SandboxSeed.CatalogLaborItemId, "Labor", demo, "Portal", "LAB-INSTALL", "Installation labor (hour)", installation, 95.00m);
            Private(catalog, 32002, "Labor", demo, "Portal", "LAB-PROG", "Programming labor (hour)", programming, 125.00m);
            Private(catalog, 32003, "Labor", demo, "Portal", "LAB-PREWIRE", "Pre-wire labor (hour)", installation, 85.00m);
            Private(catalog, 32004, "Labor", demo, "Portal", "LAB-CALIB", "Display and audio calibration (hour)", programming, 150.00m);
            Private(catalog, 32005, "Labor", demo, "Portal", "LAB-SERVICE", "Service call (hour)", installation, 110.00m);
            Private(catalog, 32006, "Labor", demo, "Portal", "LAB-PM", "Project management (hour)", installation, 90.00m);
            Private(catalog, SandboxSeed.CatalogCustomItemId, "CustomItem", demo, "Generic", "MISC-CABLE", "Cables, connectors and wall plates", materials, 150.00m);
            Private(catalog, 33001, "CustomItem", demo, "Generic", "MISC-MOUNT", "Custom TV wall mount fabrication", materials, 350.00m);
            Private(catalog, 33002, "CustomItem", demo, "Generic", "MISC-RACK", "Equipment rack build-out", materials, 600.00m);
            Private(catalog, 33003, "CustomItem", demo, "Generic", "MISC-PERMIT", "Low-voltage permit handling", materials, 125.00m);

            foreach (var id in new[] { SandboxSeed.CatalogItemId, 31001, 31002, 31003, SandboxSeed.CatalogLaborItemId }) catalog.SetFavorite(demo, id);
        }

        private static CatalogItem Part(EmulatorCatalog catalog, int id, string brand, string model, string shortDescription, CatalogCategory category, decimal msrp,
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
                Msrp = msrp,
                MsrpModifiedDate = Verified.AddDays(-(id % 40)),
                ManufacturerProductUrl = "https://www." + brand.ToLowerInvariant().Replace(" ", "").Replace("&", "and") + ".example.com/" + model,
            };
            item.Suppliers.AddRange(offers);
            foreach (var (name, value) in specs ?? new (string, string)[0]) item.Specs.Add(new KeyValuePair<string, string>(name, value));
            if (pdf.HasValue) item.PdfLinks.Add(new KeyValuePair<string, string>(pdf.Value.Item1, pdf.Value.Item2));
            catalog.Add(item);
            return item;
        }

        private static void Private(EmulatorCatalog catalog, int id, string type, DealerAccount account, string brand, string model, string description, CatalogCategory category, decimal price)
        {
            catalog.Add(new CatalogItem
            {
                Id = id,
                ItemType = type,
                Account = account,
                Brand = brand,
                Model = model,
                ShortDescription = description,
                Description = description,
                Category = category,
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
