using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortalIo.Models
{
    public sealed class Currency : PortalObject
    {
        public string? Code { get; set; }
        public string? Symbol { get; set; }
        public override string ToString() => Code ?? string.Empty;
    }

    /// <summary>The <c>total</c> object of a proposal summary in a listing.</summary>
    public sealed class TotalSummary : PortalObject
    {
        public decimal ProposalTotal { get; set; }
        public Currency? Currency { get; set; }
        public override string ToString() => ProposalTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
    }

    public sealed class SalesTax : PortalObject
    {
        public string? TaxStatus { get; set; }
        public decimal Total { get; set; }
        /// <summary>How the tax was computed (rates, amounts, the tax location), as plain values; null until a location is assigned.</summary>
        public object? Calculation { get; set; }

        private protected override void OnDeserialized() => Calculation = PlainJson.From(Calculation);
        public override string ToString() => Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " (" + TaxStatus + ")";
    }

    public sealed class FinancialSummary : PortalObject
    {
        public decimal PartsSubtotal { get; set; }
        public decimal PartsDiscountPercentage { get; set; }
        public decimal PartsDiscount { get; set; }
        public decimal? PartsDiscountTaxable { get; set; }
        public decimal? PartsDiscountTaxExempt { get; set; }
        public decimal PartsTotal { get; set; }
        public decimal LaborTotal { get; set; }
        public decimal FeeTotal { get; set; }
        public decimal ProposalSubtotal { get; set; }
        public SalesTax? SalesTax { get; set; }
        public decimal ProposalTotal { get; set; }
        public Currency? Currency { get; set; }
        public override string ToString() => ProposalTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
    }
}
