namespace PortalIo.Sandbox.Model
{
    /// <summary>A catalog item placed in an option. The public API cannot add or change these; only seed data has them.</summary>
    internal sealed class LineItem
    {
        public int Id { get; set; }
        public int? ParentId { get; set; }
        /// <summary>Part, Labor, CustomItem or Fee; decides which financial-summary bucket the item counts in.</summary>
        public string ItemType { get; set; } = "Part";
        public int ReferencedItemId { get; set; }
        public string Brand { get; set; } = "";
        public string Model { get; set; } = "";
        public string Description { get; set; } = "";
        public string Name { get; set; } = "";
        public string ShortDescription { get; set; } = "";
        public decimal Quantity { get; set; }
        public decimal SellPrice { get; set; }
        public decimal Cost { get; set; }

        public decimal ExtendedSellPrice => Quantity * SellPrice;
    }
}
