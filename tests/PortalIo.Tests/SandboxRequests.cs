using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PortalIo.Sandbox;

namespace PortalIo.Tests
{
    /// <summary>What the sandbox received while a piece of a test ran (to prove -WhatIf sends nothing, which pages were fetched...).</summary>
    internal static class SandboxRequests
    {
        public static List<SandboxRequestRecord> During(this SandboxServer sandbox, Action action)
        {
            Settle(sandbox);
            var before = sandbox.RecordedCount;
            action();
            Settle(sandbox);
            return sandbox.RequestLog.Where(r => r.Sequence > before).ToList();
        }

        /// <summary>The requests other than GET that arrived while <paramref name="action"/> ran.</summary>
        public static List<SandboxRequestRecord> WritesDuring(this SandboxServer sandbox, Action action) =>
            sandbox.During(action).Where(r => r.Method != "GET").ToList();

        // The sandbox counts a request when it arrives and records it once it has handled it: wait
        // until every request received so far is recorded, so that none is counted in the wrong
        // window. Sequence numbers, not the journal's length, which stops growing at its capacity.
        private static void Settle(SandboxServer sandbox)
        {
            for (var i = 0; i < 100 && sandbox.RecordedCount < sandbox.RequestCount; i++) Thread.Sleep(20);
        }
    }
}
