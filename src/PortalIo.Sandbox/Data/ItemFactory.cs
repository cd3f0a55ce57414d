using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>Creates seed line items from a small fixed catalog, numbering them in creation order.</summary>
    internal sealed class ItemFactory
    {
        private int _nextId;

        public ItemFactory(int firstId) { _nextId = firstId; }

        public LineItem Tv(decimal qty) => Item("Part", 31001, "Sony", "XR-75X90L", "BRAVIA XR 75\" 4K HDR Full Array LED TV", 1799.99m, 1350.00m, qty);
        public LineItem Soundbar(decimal qty) => Item("Part", 31002, "Sonos", "ARCG1US1BLK", "Arc premium smart soundbar", 899.00m, 629.30m, qty);
        public LineItem Controller(decimal qty) => Item("Part", 31003, "Control4", "C4-CORE3", "CORE 3 smart home controller", 1000.00m, 650.00m, qty);
        public LineItem Speakers(decimal qty) => Item("Part", 31004, "Episode", "ES-500-IC-6", "500 Series 6\" in-ceiling speaker", 249.00m, 160.00m, qty);
        public LineItem Switch(decimal qty) => Item("Part", 31005, "Araknis", "AN-310-SW-16-POE", "310 Series 16-port PoE+ switch", 579.00m, 405.00m, qty);
        public LineItem Cables(decimal qty) => Item("CustomItem", 31006, "Generic", "MISC-CABLE", "Cables, connectors and wall plates", 150.00m, 75.00m, qty);
        public LineItem InstallLabor(decimal hours) => Item("Labor", 32001, "Portal", "LAB-INSTALL", "Installation labor (hour)", 95.00m, 45.00m, hours);
        public LineItem ProgrammingLabor(decimal hours) => Item("Labor", 32002, "Portal", "LAB-PROG", "Programming labor (hour)", 125.00m, 60.00m, hours);

        public LineItem ByIndex(int index, decimal qty)
        {
            switch (index % 5)
            {
                case 0: return Tv(qty);
                case 1: return Soundbar(qty);
                case 2: return Controller(qty);
                case 3: return Speakers(qty * 2);
                default: return Switch(qty);
            }
        }

        private LineItem Item(string type, int catalogId, string brand, string model, string description, decimal sell, decimal cost, decimal qty) =>
            new LineItem
            {
                Id = _nextId++,
                ItemType = type,
                ReferencedItemId = catalogId,
                Brand = brand,
                Model = model,
                Description = description,
                Name = brand + " " + model,
                ShortDescription = description.Length > 40 ? description.Substring(0, 40) : description,
                Quantity = qty,
                SellPrice = sell,
                Cost = cost,
            };
    }
}
