using PortalIo.Sandbox.Model;

namespace PortalIo.Sandbox.Data
{
    /// <summary>
    /// The financial summary, always derived from the line items so that it can never drift from
    /// them. Only the first option of each area counts: the others are alternatives the client has
    /// not chosen. Tax stays zero until a location is assigned (not emulated in this slice).
    /// </summary>
    internal sealed class ProposalFinancials
    {
        private ProposalFinancials(decimal partsSubtotal, decimal laborTotal, decimal feeTotal)
        {
            PartsSubtotal = partsSubtotal;
            LaborTotal = laborTotal;
            FeeTotal = feeTotal;
        }

        public decimal PartsSubtotal { get; }
        public decimal PartsDiscountPercentage => 0m;
        public decimal PartsDiscount => 0m;
        public decimal PartsTotal => PartsSubtotal - PartsDiscount;
        public decimal LaborTotal { get; }
        public decimal FeeTotal { get; }
        public decimal ProposalSubtotal => PartsTotal + LaborTotal + FeeTotal;
        public decimal SalesTaxTotal => 0m;
        public string TaxStatus => "Undefined";
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
            return new ProposalFinancials(parts, labor, fees);
        }
    }
}
