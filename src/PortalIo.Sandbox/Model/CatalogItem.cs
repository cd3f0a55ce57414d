using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Sandbox.Model
{
    /// <summary>
    /// A catalog entry. Parts are the shared Portal.io catalog (Account null); Labor and
    /// CustomItem entries belong to one dealer's private library, as the API documents.
    /// </summary>
    internal sealed class CatalogItem
    {
        public int Id { get; set; }
        public string ItemType { get; set; } = "Part";
        public DealerAccount? Account { get; set; }
        public string Brand { get; set; } = "";
        public string Model { get; set; } = "";
        public string ShortDescription { get; set; } = "";
        public string Description { get; set; } = "";
        public CatalogCategory Category { get; set; } = null!;
        public bool IsDiscontinued { get; set; }
        public int Rank { get; set; }
        public decimal Msrp { get; set; }
        public DateTime MsrpModifiedDate { get; set; }
        public string? ManufacturerProductUrl { get; set; }
        public List<CatalogSupplierOffer> Suppliers { get; } = new List<CatalogSupplierOffer>();
        public List<KeyValuePair<string, string>> Specs { get; } = new List<KeyValuePair<string, string>>();
        public List<KeyValuePair<string, string>> PdfLinks { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The cheapest offer: what defaultCost shows. Labor and custom items have no supplier.</summary>
        public CatalogSupplierOffer? DefaultCost => Suppliers.OrderBy(s => s.Cost).FirstOrDefault();

        public bool IsInStock => Suppliers.Any(s => s.IsInStock);
    }

    /// <summary>One distributor's price for an item (suppliers[] / defaultCost).</summary>
    internal sealed class CatalogSupplierOffer
    {
        public CatalogSupplierOffer(int supplierId, string supplierName, string sku, decimal cost, bool isInStock, bool isPromo, DateTime verified)
        {
            SupplierId = supplierId;
            SupplierName = supplierName;
            Sku = sku;
            Cost = cost;
            IsInStock = isInStock;
            IsPromo = isPromo;
            LastVerifiedDate = verified;
        }

        public int SupplierId { get; }
        public string SupplierName { get; }
        public string Sku { get; }
        public decimal Cost { get; }
        public bool IsInStock { get; }
        public bool IsPromo { get; }
        public DateTime LastVerifiedDate { get; }
    }
}
