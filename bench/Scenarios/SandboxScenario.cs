using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// 6. Sandbox throughput: <see cref="BenchConfig.SandboxClients"/> concurrent raw clients (one
    /// HttpClient each, signing every request) GET proposal details in a loop for a fixed time.
    /// Measure: requests per second served. The ceiling for scenarios 1 and 4; no budget.
    /// </summary>
    public static class SandboxScenario
    {
        public const string Name = "sandbox";

        public static void Run(BenchContext context)
        {
            var config = context.Config;
            var clients = Enumerable.Range(0, config.SandboxClients).Select(_ => context.NewRawClient()).ToArray();
            try
            {
                double Once(double seconds)
                {
                    long count = 0;
                    using var stop = new CancellationTokenSource();
                    var sw = Stopwatch.StartNew();
                    var loops = clients.Select((client, index) => Task.Run(async () =>
                    {
                        var id = 1042 + index;
                        while (!stop.IsCancellationRequested)
                        {
                            await client.GetBytesAsync("public/proposals/" + id).ConfigureAwait(false);
                            Interlocked.Increment(ref count);
                            id = id >= 1105 ? 1042 : id + 1;
                        }
                    })).ToArray();
                    Thread.Sleep(TimeSpan.FromSeconds(seconds));
                    stop.Cancel();
                    Task.WaitAll(loops);
                    return Interlocked.Read(ref count) / sw.Elapsed.TotalSeconds;
                }

                Once(Math.Min(0.5, config.SandboxSeconds)); // warm-up: connections, JIT
                var rates = Enumerable.Range(0, config.SandboxRepetitions).Select(_ => Once(config.SandboxSeconds)).ToList();
                var result = new BenchResult
                {
                    Scenario = Name, Metric = config.SandboxClients + " raw clients", Unit = "requests/s",
                    PortalIoLabel = "sandbox", BaselineLabel = "", PortalIo = new Stats(rates),
                    Notes = "GET /public/proposals/{id} on loopback, " + config.SandboxSeconds + " s x " + config.SandboxRepetitions,
                };
                context.Add(result);
            }
            finally
            {
                foreach (var client in clients) client.Dispose();
            }
        }
    }
}
