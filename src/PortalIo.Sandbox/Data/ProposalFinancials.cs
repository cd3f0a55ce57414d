using System;
using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The financial summary, always derived from the line items so that it can never drift from
    /// them. Only the first option of each area counts: the others are alternatives the client has
    /// not chosen. Tax stays zero ("Undefined") until a location is assigned; then the location's
    /// rate applies to parts, labor and fees alike — that is what reproduces both documented
    /// examples (3000.00 → 247.50 with no fees; 800 + 350 + 100 → 103.13, which needs the fee taxed).
    /// Each bucket's tax is rounded to cents on its own, then summed.
    /// </summary>
    internal sealed class ProposalFinancials
    {
        /// <summary>The documented examples show "Ok" for a calculated tax (the prose also mentions "Calculated").</summary>
        public const string TaxStatusCalculated = "Ok";
        public const string TaxStatusUndefined = "Undefined";

        private ProposalFinancials(decimal partsSubtotal, decimal laborTotal, decimal feeTotal, ContactLocation? taxLocation)
        {
            PartsSubtotal = partsSubtotal;
            LaborTotal = laborTotal;
            FeeTotal = feeTotal;
            TaxLocation = taxLocation;
            TaxRate = taxLocation == null ? 0m : TaxRates.RateFor(taxLocation.State, taxLocation.Country);
        }

        public decimal PartsSubtotal { get; }
        public decimal PartsDiscountPercentage => 0m;
        public decimal PartsDiscount => 0m;
        public decimal PartsTotal => PartsSubtotal - PartsDiscount;
        public decimal LaborTotal { get; }
        public decimal FeeTotal { get; }
        public decimal ProposalSubtotal => PartsTotal + LaborTotal + FeeTotal;

        /// <summary>The location the tax was computed for; null means no tax yet.</summary>
        public ContactLocation? TaxLocation { get; }
        /// <summary>Fraction, e.g. 0.0825.</summary>
        public decimal TaxRate { get; }
        public decimal PartsTax => Cents(PartsTotal * TaxRate);
        public decimal LaborTax => Cents(LaborTotal * TaxRate);
        public decimal FeeTax => Cents(FeeTotal * TaxRate);
        public decimal SalesTaxTotal => TaxLocation == null ? 0m : PartsTax + LaborTax + FeeTax;
        public string TaxStatus => TaxLocation == null ? TaxStatusUndefined : TaxStatusCalculated;
        public decimal ProposalTotal => ProposalSubtotal + SalesTaxTotal;

        public static ProposalFinancials Of(Proposal proposal)
        {
            decimal parts = 0m, labor = 0m, fees = 0m;
            if (proposal.HasAreas)
            {
                foreach (var area in proposal.Areas)
                {
                    if (area.Options.Count == 0) continue;
                    foreach (var item in area.Options[0].Items)
                    {
                        switch (item.ItemType)
                        {
                            case "Labor": labor += item.ExtendedSellPrice; break;
                            case "Fee": fees += item.ExtendedSellPrice; break;
                            default: parts += item.ExtendedSellPrice; break;
                        }
                    }
                }
            }
            // A change order is taxed at its parent's location.
            var location = proposal.Location ?? proposal.ChangeOrder?.Parent.Location;
            return new ProposalFinancials(parts, labor, fees, location);
        }

        private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
    }
}
