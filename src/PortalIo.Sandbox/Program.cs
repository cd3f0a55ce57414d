using System;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace PortalIo.Sandbox
{
    /// <summary>
    /// Console entry of the local Portal.io emulator: dotnet run --project src/PortalIo.Sandbox
    /// [-- --port N --latency-ms N --fault-rate X --fault-kinds K1,K2 --seed N --extra-proposals N
    /// --rate-limit N --empty --data fixture.json]
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            SandboxOptions options;
            try
            {
                options = ParseArguments(args);
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException || e is OverflowException || e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine("Usage: PortalIo.Sandbox [--port N] [--host 127.0.0.1|localhost] [--latency-ms N] [--fault-rate 0..1] [--fault-kinds "
                                        + string.Join(",", Faults.FaultKinds.All) + "] [--seed N] [--extra-proposals N] [--rate-limit N] [--empty | --data fixture.json]");
                return 2;
            }

            using (var server = SandboxServer.Start(options))
            using (var stop = new ManualResetEventSlim())
            {
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    stop.Set();
                };
                // SIGTERM (docker stop, systemd, kill) ends the process through ProcessExit.
                AppDomain.CurrentDomain.ProcessExit += (_, __) => server.Stop();

                // Printing the credentials is the point: this is a local demo with fixed, public values.
                Console.WriteLine("Local Portal.io emulator listening on " + server.BaseUri + " (" + server.StartKind + " data)");
                Console.WriteLine("  Application key: " + server.ApplicationKey);
                Console.WriteLine("  Secret key:      " + server.SecretKey);
                Console.WriteLine("  Demo users:");
                foreach (var user in server.DemoUsers)
                    Console.WriteLine("    " + user.UserName + " / " + user.Password + "  (" + user.Description + ")");
                if (options.Latency > TimeSpan.Zero) Console.WriteLine("  Latency: " + options.Latency.TotalMilliseconds + " ms");
                if (options.FaultRate > 0) Console.WriteLine("  Fault rate: " + options.FaultRate.ToString(CultureInfo.InvariantCulture) + " (" + string.Join(", ", server.FaultKinds) + ")");
                if (options.RateLimit > 0) Console.WriteLine("  Rate limit: " + options.RateLimit + " requests per second per application key");
                Console.WriteLine("Press Ctrl+C to stop.");

                stop.Wait();
                server.Stop();
                Console.WriteLine("Emulator stopped.");
            }
            return 0;
        }

        private static SandboxOptions ParseArguments(string[] args)
        {
            var options = new SandboxOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("Missing value after " + args[i] + ".");
                switch (args[i].ToLowerInvariant())
                {
                    case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--host": options.Host = Next(); break;
                    case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                    case "--fault-rate": options.FaultRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": options.RandomSeed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--extra-proposals": options.ExtraProposalCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--rate-limit": options.RateLimit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--empty": options.Empty = true; break;
                    case "--data": options.Data = SandboxData.Load(Next()); break;
                    case "--fault-kinds":
                        options.FaultKinds = Next().Split(',').Select(k => (Faults.FaultKind)Enum.Parse(typeof(Faults.FaultKind), k.Trim(), ignoreCase: true)).ToList();
                        break;
                    default: throw new ArgumentException("Unknown argument " + args[i] + ".");
                }
            }
            if (options.FaultRate < 0 || options.FaultRate > 1) throw new ArgumentException("--fault-rate must be between 0 and 1.");
            if (options.RateLimit < 0) throw new ArgumentException("--rate-limit must be 0 (off) or a positive number of requests per second.");
            if (options.Empty && options.Data != null) throw new ArgumentException("--empty and --data cannot be combined.");
            return options;
        }
    }
}
