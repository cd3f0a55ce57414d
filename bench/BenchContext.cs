using System;
using System.Collections.Generic;
using PortalIo.Sandbox;

namespace PortalIo.Bench
{
    /// <summary>What the scenarios share: the sizes, a sandbox on loopback, the demo user's key, and the results so far.</summary>
    public sealed class BenchContext : IDisposable
    {
        private SandboxServer? _sandbox;
        private string? _userKey;

        public BenchContext(BenchConfig config, Action<string>? log = null)
        {
            Config = config;
            Log = log ?? (_ => { });
        }

        public BenchConfig Config { get; }
        public Action<string> Log { get; }
        public List<BenchResult> Results { get; } = new List<BenchResult>();

        /// <summary>The shared sandbox: the seeded demo data, no latency, no limit.</summary>
        public SandboxServer Sandbox => _sandbox ??= SandboxServer.Start(new SandboxOptions());

        /// <summary>The demo user's key, from one credential exchange by the raw client.</summary>
        public string UserKey => _userKey ??= ExchangeUserKey(Sandbox);

        public static string ExchangeUserKey(SandboxServer sandbox)
        {
            using var raw = new RawPortalClient(sandbox.BaseUri, sandbox.ApplicationKey, sandbox.SecretKey);
            return raw.ExchangeAsync(sandbox.UserName, sandbox.Password).GetAwaiter().GetResult();
        }

        public RawPortalClient NewRawClient(SandboxServer? sandbox = null)
        {
            var s = sandbox ?? Sandbox;
            return new RawPortalClient(s.BaseUri, s.ApplicationKey, s.SecretKey, UserKey);
        }

        /// <summary>A fresh runspace that imported the staged module and connected to the sandbox as the demo user.</summary>
        public HostedEngine NewConnectedEngine(SandboxServer? sandbox = null)
        {
            var s = sandbox ?? Sandbox;
            var engine = new HostedEngine(BenchPaths.StagedManifest);
            engine.Connect(s.BaseUri, s.ApplicationKey, s.SecretKey, UserKey);
            return engine;
        }

        public BenchResult Add(BenchResult result)
        {
            if (Config.JudgeBudgets) result.Judge();
            Results.Add(result);
            Log(result.ToString());
            return result;
        }

        public void Dispose() => _sandbox?.Dispose();
    }
}
