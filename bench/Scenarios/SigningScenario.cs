using System;
using System.Diagnostics;
using System.Text;
using PortalIo.Signing;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 5. Signing. PortalIo: what PortalClient does for each attempt of a GET: PortalDate.Format,
    /// CanonicalMessage.Build, RequestSigner.Sign (the -Debug masked message is not built when
    /// -Debug is off). Baseline: the hand-rolled equivalent (string concatenation,
    /// HMACSHA256.HashData, Convert.ToBase64String). Measured on one thread: ns and bytes allocated
    /// (GC.GetAllocatedBytesForCurrentThread) per signature.
    /// </summary>
    public static class SigningScenario
    {
        public const string Name = "signing";

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            const string secret = "c2FuZGJveC1zZWNyZXQta2V5LWZvci1wb3J0YWxpbzE=";
            const string userKey = "0f6d8c1e2a3b4c5d6e7f8091a2b3c4d5";
            var uri = new Uri("https://api.portal.io/public/proposals/1042?expand=areas");
            var signer = new RequestSigner(secret);
            var secretBytes = Encoding.ASCII.GetBytes(secret);
            var now = DateTimeOffset.UtcNow;
            var n = config.SigningIterations;
            var sink = 0;

            // Same inputs must give the same signature on both sides.
            var date = PortalDate.Format(now);
            if (signer.Sign(CanonicalMessage.Build("GET", uri, null, date, userKey)) != RawPortalClient.SignGet(secretBytes, uri, date, userKey))
                throw new InvalidOperationException("PortalIo and the hand-rolled signer disagree.");

            (double Ns, double Bytes) RunPortalIo()
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    var d = PortalDate.Format(now);
                    sink += signer.Sign(CanonicalMessage.Build("GET", uri, null, d, userKey)).Length;
                }
                var elapsed = sw.Elapsed.TotalMilliseconds;
                return (elapsed * 1e6 / n, (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n);
            }

            (double Ns, double Bytes) RunBaseline()
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    var d = now.UtcDateTime.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
                    sink += RawPortalClient.SignGet(secretBytes, uri, d, userKey).Length;
                }
                var elapsed = sw.Elapsed.TotalMilliseconds;
                return (elapsed * 1e6 / n, (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n);
            }

            RunPortalIo();
            RunBaseline();
            var bytesA = new System.Collections.Generic.List<double>();
            var bytesB = new System.Collections.Generic.List<double>();
            var (a, b, ratios) = Interleaved.Run(config.SigningRepetitions,
                () => { var r = RunPortalIo(); bytesA.Add(r.Bytes); return r.Ns; },
                () => { var r = RunBaseline(); bytesB.Add(r.Bytes); return r.Ns; });
            GC.KeepAlive(sink);
            var time = new BenchResult
            {
                Scenario = Name, Metric = "time per signature", Unit = "ns",
                PortalIo = new Stats(a), Baseline = new Stats(b), Ratio = Stats.MedianOf(ratios), BaselineLabel = "hand-rolled",
                Notes = (1e9 / new Stats(a).Median).ToString("N0") + " signatures/s on one thread",
            };
            time.Extra["signaturesPerSecond"] = 1e9 / new Stats(a).Median;
            context.Add(time);
            var bytes = new BenchResult
            {
                Scenario = Name, Metric = "allocated per signature", Unit = "bytes",
                PortalIo = new Stats(bytesA), Baseline = new Stats(bytesB), BaselineLabel = "hand-rolled",
                Ratio = new Stats(bytesA).Median / new Stats(bytesB).Median, BudgetOn = "value", Budget = 1024,
                Notes = n + " signatures x " + config.SigningRepetitions + " reps",
            };
            context.Add(bytes);
        }
    }
}
