using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace PortalIo.Bench
{
    /// <summary>--diag: where the per-call time goes (engine command cost vs PortalIo's own work), for development.</summary>
    public static class Diagnostics
    {
        public static int Run()
        {
            using var context = new BenchContext(BenchConfig.Full, Console.WriteLine);
            using var engine = context.NewConnectedEngine();
            engine.Invoke("Import-Module '" + BenchPaths.StageTinyModule() + "'");
            var n = 1000;
            var ids = Enumerable.Range(0, n).Select(i => 1042 + i % 64).ToArray();
            var vars = new Dictionary<string, object?> { ["ids"] = ids };
            var scripts = new[]
            {
                "foreach ($id in $ids) { $p = Get-BenchTiny -Value $id }",
                "foreach ($id in $ids) { $p = Get-PortalSession }",
                "foreach ($id in $ids) { $p = Get-PortalProposal -Id $id }",
                "foreach ($id in $ids) { $p = Get-PortalProposal -Id $id -ThrottleLimit 1 }",
                "$p = Get-PortalProposal -Id $ids -ThrottleLimit 1",
            };
            using var raw = context.NewRawClient();
            for (var round = 0; round < 3; round++)
            {
                foreach (var script in scripts)
                {
                    var sw = Stopwatch.StartNew();
                    engine.Invoke(script, vars);
                    Console.WriteLine((sw.Elapsed.TotalMilliseconds * 1000 / n).ToString("0") + " µs/call  " + script);
                }
                var sw2 = Stopwatch.StartNew();
                foreach (var id in ids) raw.GetAsync<PortalIo.Models.Proposal>("public/proposals/" + id).GetAwaiter().GetResult();
                Console.WriteLine((sw2.Elapsed.TotalMilliseconds * 1000 / n).ToString("0") + " µs/call  raw");
            }
            return 0;
        }
    }
}
