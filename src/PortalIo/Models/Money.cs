using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    public sealed class Currency
    {
        public string? Code { get; set; }
        public string? Symbol { get; set; }
        public override string ToString() => Code ?? string.Empty;
    }

    /// <summary>The <c>total</c> object of a proposal summary in a listing.</summary>
    public sealed class TotalSummary
    {
        public decimal ProposalTotal { get; set; }
        public Currency? Currency { get; set; }
        public override string ToString() => ProposalTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
    }

    public sealed class SalesTax
    {
        public string? TaxStatus { get; set; }
        public decimal Total { get; set; }
        public JsonElement? Calculation { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
        public override string ToString() => Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " (" + TaxStatus + ")";
    }

    public sealed class FinancialSummary
    {
        public decimal PartsSubtotal { get; set; }
        public decimal PartsDiscountPercentage { get; set; }
        public decimal PartsDiscount { get; set; }
        public decimal PartsTotal { get; set; }
        public decimal LaborTotal { get; set; }
        public decimal FeeTotal { get; set; }
        public decimal ProposalSubtotal { get; set; }
        public SalesTax? SalesTax { get; set; }
        public decimal ProposalTotal { get; set; }
        public Currency? Currency { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
        public override string ToString() => ProposalTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
    }
}
