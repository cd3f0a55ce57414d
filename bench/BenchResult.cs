using System.Collections.Generic;
using System.Globalization;

namespace PortalIo.Bench
{
    /// <summary>One printed line: a metric of a scenario, PortalIo against its baseline, and the budget verdict.</summary>
    public sealed class BenchResult
    {
        public string Scenario { get; set; } = "";
        public string Metric { get; set; } = "";
        public string Unit { get; set; } = "";
        public string PortalIoLabel { get; set; } = "PortalIo";
        public string BaselineLabel { get; set; } = "baseline";
        public Stats? PortalIo { get; set; }
        public Stats? Baseline { get; set; }

        /// <summary>PortalIo / baseline: the median of the per-repetition ratios of interleaved runs.</summary>
        public double? Ratio { get; set; }

        /// <summary>What the budget applies to: "ratio" or "value" (PortalIo's median, in <see cref="Unit"/>).</summary>
        public string BudgetOn { get; set; } = "ratio";
        public double? Budget { get; set; }
        public bool? Pass { get; set; }
        public string Notes { get; set; } = "";
        public Dictionary<string, double> Extra { get; set; } = new Dictionary<string, double>();

        public BenchResult Judge()
        {
            if (Budget is null) return this;
            var value = BudgetOn == "ratio" ? Ratio : PortalIo?.Median;
            if (value is null) return this;
            Pass = value.Value <= Budget.Value;
            return this;
        }

        public override string ToString()
        {
            static string F(double v) => v >= 100 ? v.ToString("0", CultureInfo.InvariantCulture)
                : v >= 10 ? v.ToString("0.0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);
            static string S(Stats? s) => s is null ? "-" : F(s.Median) + " ±" + s.SpreadPercent.ToString("0", CultureInfo.InvariantCulture) + "%";
            var budget = Budget is null ? "" : " budget " + BudgetOn + " <= " + F(Budget.Value) + " " + (Pass == true ? "PASS" : Pass == false ? "FAIL" : "?");
            return string.Format(CultureInfo.InvariantCulture, "{0,-26} {1,-22} {2,18} {3,18}  ratio {4,6}{5}{6}",
                Scenario + "/" + Metric, "[" + Unit + "]", PortalIoLabel.Length > 0 ? S(PortalIo) : "-", S(Baseline),
                Ratio is null ? "-" : Ratio.Value.ToString("0.000", CultureInfo.InvariantCulture), budget,
                string.IsNullOrEmpty(Notes) ? "" : "  (" + Notes + ")");
        }
    }
}
