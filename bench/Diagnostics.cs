using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Models;
using PortalIo.Session;

namespace PortalIo.Bench
{
    /// <summary>
    /// --diag: where scenario 1's time goes, for development. Variants make the same calls in turn
    /// (batches of BENCH_DIAG_CALLS, default 1000; BENCH_DIAG_ROUNDS rounds, default 10;
    /// BENCH_DIAG_ONLY=0,2,... picks variants and prints the pid for dotnet-trace). Per variant:
    /// wall and process CPU per call (client and in-process sandbox together), gen0 GCs per batch,
    /// GC pause and bytes allocated per call. Then the client's parts timed alone from C#.
    /// </summary>
    public static class Diagnostics
    {
        private const int MicroCalls = 5000;
        private static PortalSession? s_session;
        private static RawPortalClient? s_raw;

        /// <summary>Called from the runspace: the module's client in a plain loop on the pipeline thread.</summary>
        public static void ModuleLoop(int[] ids)
        {
            var call = new PortalCall(s_session!.Client!, null, CancellationToken.None);
            foreach (var id in ids) ProposalsApi.GetAsync(call, id).GetAwaiter().GetResult();
        }

        /// <summary>Called from the runspace: the raw client in a plain loop on the pipeline thread.</summary>
        public static void RawLoop(int[] ids)
        {
            foreach (var id in ids) RawOne(id);
        }

        public static Proposal RawOne(int id) => s_raw!.GetAsync<Proposal>("public/proposals/" + id).GetAwaiter().GetResult();

        public static int Run()
        {
            using var context = new BenchContext(BenchConfig.Full, Console.WriteLine);
            using var engine = context.NewConnectedEngine();
            using var raw = context.NewRawClient();
            engine.Invoke("Import-Module '" + BenchPaths.StageTinyModule() + "'");
            GetBenchRawProposalCommand.ImportInto(engine, raw);
            var n = int.Parse(Environment.GetEnvironmentVariable("BENCH_DIAG_CALLS") ?? "1000");
            var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_DIAG_ROUNDS") ?? "10");
            var ids = Enumerable.Range(0, n).Select(i => 1042 + i % 64).ToArray();
            var vars = new Dictionary<string, object?> { ["ids"] = ids };
            var session = s_session = (PortalSession)engine.Invoke("$global:PortalIoSession")[0].BaseObject;
            s_raw = raw;
            var variants = new List<(string Name, Action Run)>
            {
                ("raw C# loop", () => RawLoop(ids)),
                ("module client, C# loop", () => ModuleLoop(ids)),
                ("module client loop on the pipeline thread", () => engine.Invoke("[PortalIo.Bench.Diagnostics]::ModuleLoop($ids)", vars)),
                ("raw loop on the pipeline thread", () => engine.Invoke("[PortalIo.Bench.Diagnostics]::RawLoop($ids)", vars)),
                ("engine only: Get-BenchTiny per id", () => engine.Invoke("foreach ($id in $ids) { $p = Get-BenchTiny -Value $id }", vars)),
                ("raw client in a cmdlet: Get-BenchRawProposal per id", () => engine.Invoke("foreach ($id in $ids) { $p = Get-BenchRawProposal -Id $id }", vars)),
                ("Get-PortalProposal -Id $id per id", () => engine.Invoke("foreach ($id in $ids) { $p = Get-PortalProposal -Id $id }", vars)),
                ("Get-PortalProposal -Id $ids -ThrottleLimit 1", () => engine.Invoke("$null = Get-PortalProposal -Id $ids -ThrottleLimit 1", vars)),
                ("PS loop calling RawOne per id", () => engine.Invoke("foreach ($id in $ids) { $p = [PortalIo.Bench.Diagnostics]::RawOne($id) }", vars)),
                ("PS loop: Get-BenchTiny then RawOne per id", () => engine.Invoke("foreach ($id in $ids) { $q = Get-BenchTiny -Value $id; $p = [PortalIo.Bench.Diagnostics]::RawOne($id) }", vars)),
                ("raw client, one command: $null = Get-BenchRawProposal -Id $ids", () => engine.Invoke("$null = Get-BenchRawProposal -Id $ids", vars)),
                ("raw C# loop keeping every result", () => { var kept = new List<Proposal>(); foreach (var id in ids) kept.Add(RawOne(id)); }),
            };
            var only = Environment.GetEnvironmentVariable("BENCH_DIAG_ONLY");
            if (only != null)
            {
                variants = only.Split(',').Select(i => variants[int.Parse(i)]).ToList();
                Console.WriteLine("pid " + Environment.ProcessId);
            }

            var wall = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var gcs = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var pauses = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var allocated = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var process = Process.GetCurrentProcess();
            for (var round = -2; round < rounds; round++)
            {
                var start = Math.Abs(round) % variants.Count;
                foreach (var (name, run) in variants.Skip(start).Concat(variants.Take(start)))
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var gcBefore = GC.CollectionCount(0);
                    var pauseBefore = GC.GetTotalPauseDuration();
                    var allocatedBefore = GC.GetTotalAllocatedBytes();
                    var sw = Stopwatch.StartNew();
                    run();
                    var elapsed = sw.Elapsed;
                    process.Refresh();
                    if (round < 0) continue;
                    wall[name].Add(elapsed.TotalMilliseconds * 1000 / n);
                    cpu[name].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds * 1000 / n);
                    gcs[name].Add(GC.CollectionCount(0) - gcBefore);
                    pauses[name].Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds * 1000 / n);
                    allocated[name].Add((GC.GetTotalAllocatedBytes() - allocatedBefore) / (double)n);
                }
            }
            var first = variants[0].Name;
            foreach (var (name, _) in variants)
            {
                Console.WriteLine($"{Stats.MedianOf(wall[name]),7:0.0} µs wall (x{wall[name].Sum() / wall[first].Sum():0.00})  {Stats.MedianOf(cpu[name]),6:0.0} µs CPU  " +
                    $"{gcs[name].Average(),5:0.0} GCs  {pauses[name].Average(),5:0.0} µs paused  {allocated[name].Average() / 1024,5:0.0} KB   {name}");
            }

            if (only == null) ClientParts(session, raw);
            return 0;
        }

        /// <summary>The client's parts from C#, module against raw: synchronous start, deserialization, the whole transport.</summary>
        private static void ClientParts(PortalSession session, RawPortalClient raw)
        {
            var body = raw.GetBytesAsync("public/proposals/1042").GetAwaiter().GetResult();
            var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            var request = PortalRequest.Get("public/proposals/1042");
            var call = new PortalCall(session.Client!, null, CancellationToken.None);
            double PerCall(Action action)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < MicroCalls; i++) action();
                return sw.Elapsed.TotalMilliseconds * 1000 / MicroCalls;
            }
            for (var round = 0; round < 3; round++)
            {
                long rawStart = 0, moduleStart = 0;
                for (var i = 0; i < MicroCalls; i++)
                {
                    var a = Stopwatch.GetTimestamp();
                    var rawTask = raw.GetAsync<Proposal>("public/proposals/1042");
                    var b = Stopwatch.GetTimestamp();
                    rawTask.GetAwaiter().GetResult();
                    var c = Stopwatch.GetTimestamp();
                    var moduleTask = ProposalsApi.GetAsync(call, 1042);
                    var d = Stopwatch.GetTimestamp();
                    moduleTask.GetAwaiter().GetResult();
                    rawStart += b - a;
                    moduleStart += d - c;
                }
                var perCall = 1e6 / Stopwatch.Frequency / MicroCalls;
                var rawJson = PerCall(() => JsonSerializer.Deserialize<Proposal>(body, web));
                var moduleJson = PerCall(() =>
                {
                    // What the client does with a successful body (PortalClient.Deserialize).
                    var proposal = JsonSerializer.Deserialize<Proposal>(body, PortalJson.Options)!;
                    ResponseShape.Check(proposal);
                    proposal.LinkChildren();
                });
                var moduleParse = PerCall(() => JsonSerializer.Deserialize<Proposal>(body, PortalJson.Options));
                var parsed = JsonSerializer.Deserialize<Proposal>(body, PortalJson.Options)!;
                var shapeCheck = PerCall(() => ResponseShape.Check(parsed));
                var rawTransport = PerCall(() => raw.GetBytesAsync("public/proposals/1042").GetAwaiter().GetResult());
                var moduleTransport = PerCall(() => call.SendAsync(request).GetAwaiter().GetResult());
                Console.WriteLine($"client parts, raw / module: synchronous start {rawStart * perCall:0.0} / {moduleStart * perCall:0.0} µs; " +
                    $"deserialize {body.Length} B {rawJson:0.0} / {moduleJson:0.0} µs (of which parse {moduleParse:0.0}, shape check {shapeCheck:0.0}); " +
                    $"transport {rawTransport:0.0} / {moduleTransport:0.0} µs");
            }
        }
    }
}
