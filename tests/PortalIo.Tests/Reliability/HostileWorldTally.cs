using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PortalIo.Tests.PowerShell;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13's totals across the hostile-world tests: cases tried, crashes (any error that is
    /// not a PortalIo error record, or a .NET failure such as NullReferenceException anywhere in
    /// one), header lines a hostile value injected into a request, and secrets found in what the
    /// user sees. Each test adds its counts and the section is written again, so after the run it
    /// holds the sums (the Reliability collection runs its tests one after another).
    /// </summary>
    internal static class HostileWorldTally
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, (int Cases, int Crashes, int Injected, int Secrets)> ByTest = new();

        public static void Add(ITestOutputHelper output, string test, int cases, int crashes, int injected, int secrets)
        {
            lock (Gate)
            {
                ByTest[test] = (cases, crashes, injected, secrets);
                ReliabilityFigures.Report(output, "hostile world: totals (issue 13)",
                    ("hostile inputs and responses tried", ByTest.Values.Sum(v => v.Cases)),
                    ("crashes (non-PortalIo errors, .NET failures)", ByTest.Values.Sum(v => v.Crashes)),
                    ("headers injected", ByTest.Values.Sum(v => v.Injected)),
                    ("secrets found", ByTest.Values.Sum(v => v.Secrets)),
                    ("from", string.Join(", ", ByTest.Keys.OrderBy(k => k, StringComparer.Ordinal))));
            }
        }

        private static readonly Type[] Failures =
        {
            typeof(NullReferenceException), typeof(InvalidCastException), typeof(IndexOutOfRangeException), typeof(OutOfMemoryException),
            typeof(StackOverflowException), typeof(KeyNotFoundException), typeof(FormatException), typeof(OverflowException),
        };

        /// <summary>Why a run counts as a crash, or null: every error must be a PortalIo error record with no .NET failure in its chain.</summary>
        public static string? Crash(PowerShellRun run)
        {
            var records = run.Errors.ToList();
            if (run.TerminatingRecord != null) records.Add(run.TerminatingRecord);
            else if (run.Terminating != null) return "terminating " + run.Terminating.GetType().Name + ": " + run.Terminating.Message;
            foreach (var record in records)
            {
                if (!record.FullyQualifiedErrorId.StartsWith("PortalIo.", StringComparison.Ordinal))
                    return record.FullyQualifiedErrorId + ": " + record;
                for (Exception? e = record.Exception; e != null; e = e.InnerException)
                    if (Failures.Contains(e.GetType())) return e.GetType().Name + " in " + record.FullyQualifiedErrorId + ": " + e.Message;
            }
            return null;
        }

        public static string ErrorId(ErrorRecord record) => record.FullyQualifiedErrorId.Split(',')[0];
    }
}
