using System;
using System.Collections.Generic;
using System.Linq;

namespace PortalIo.Bench
{
    /// <summary>Median and spread (25th..75th percentile, min, max) of one side's repetitions.</summary>
    public sealed class Stats
    {
        public Stats(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0) throw new ArgumentException("No values.", nameof(values));
            Count = sorted.Length;
            Median = Percentile(sorted, 0.5);
            P25 = Percentile(sorted, 0.25);
            P75 = Percentile(sorted, 0.75);
            Min = sorted[0];
            Max = sorted[sorted.Length - 1];
        }

        public int Count { get; }
        public double Median { get; }
        public double P25 { get; }
        public double P75 { get; }
        public double Min { get; }
        public double Max { get; }

        /// <summary>Half the interquartile range relative to the median, in percent (the "±" printed).</summary>
        public double SpreadPercent => Median == 0 ? 0 : (P75 - P25) / 2 / Math.Abs(Median) * 100;

        public static double Percentile(double[] sorted, double p)
        {
            if (sorted.Length == 1) return sorted[0];
            var rank = p * (sorted.Length - 1);
            var low = (int)Math.Floor(rank);
            var high = Math.Min(sorted.Length - 1, low + 1);
            return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
        }

        public static double MedianOf(IEnumerable<double> values) => new Stats(values).Median;
    }

    /// <summary>Runs side A (PortalIo) and side B (baseline) alternately, so drift on a busy machine hits both alike.</summary>
    public static class Interleaved
    {
        /// <summary>Each delegate runs one repetition and returns its measure; the order alternates A,B then B,A.</summary>
        public static (List<double> A, List<double> B, List<double> Ratios) Run(int repetitions, Func<double> a, Func<double> b)
        {
            var resultsA = new List<double>();
            var resultsB = new List<double>();
            for (var i = 0; i < repetitions; i++)
            {
                double x, y;
                if (i % 2 == 0) { x = a(); y = b(); }
                else { y = b(); x = a(); }
                resultsA.Add(x);
                resultsB.Add(y);
            }
            return (resultsA, resultsB, Ratios(resultsA, resultsB));
        }

        /// <summary>
        /// Several sides over the same batches of inputs: in each repetition every side runs every
        /// batch, the order rotating from batch to batch, so a slow moment of the machine (seconds
        /// long on a shared VM) falls on all sides alike instead of on one side's whole repetition.
        /// Each side returns the µs its batch took; the result is, per side, µs per input per repetition.
        /// </summary>
        public static List<double>[] RoundRobin(int repetitions, IReadOnlyList<int[]> batches, IReadOnlyList<Func<int[], double>> sides)
        {
            var results = new List<double>[sides.Count];
            for (var s = 0; s < sides.Count; s++) results[s] = new List<double>();
            var inputs = batches.Sum(b => b.Length);
            var turn = 0;
            for (var r = 0; r < repetitions; r++)
            {
                var totals = new double[sides.Count];
                foreach (var batch in batches)
                {
                    for (var k = 0; k < sides.Count; k++)
                    {
                        var side = (turn + k) % sides.Count;
                        totals[side] += sides[side](batch);
                    }
                    turn++;
                }
                for (var s = 0; s < sides.Count; s++) results[s].Add(totals[s] / inputs);
            }
            return results;
        }

        /// <summary>Per repetition, side a's measure over side b's.</summary>
        public static List<double> Ratios(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
            a.Zip(b, (x, y) => (x, y)).Where(p => p.y > 0).Select(p => p.x / p.y).ToList();
    }
}
