using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using PS = System.Management.Automation.PowerShell;

namespace PortalIo.Bench
{
    /// <summary>A runspace of the hosted PowerShell 7.6 engine that imported a module as a user would.</summary>
    public sealed class HostedEngine : IDisposable
    {
        private readonly Runspace _runspace;

        public HostedEngine(string manifest)
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            // Like pwsh's own console: every command runs on the runspace's one pipeline thread,
            // instead of a new thread per invocation (the engine's default for hosted runspaces).
            _runspace.ThreadOptions = PSThreadOptions.ReuseThread;
            _runspace.Open();
            Invoke("Import-Module '" + manifest.Replace("'", "''") + "' -ErrorAction Stop");
        }

        public Runspace Runspace => _runspace;

        /// <summary>Connect-Portal -UserKey to the sandbox (no exchange: both sides then sign as the same user).</summary>
        public void Connect(Uri baseUri, string applicationKey, string secretKey, string userKey) =>
            Invoke("Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -UserKey $userKey",
                new Dictionary<string, object?>
                {
                    ["baseUri"] = baseUri,
                    ["appKey"] = applicationKey,
                    ["secret"] = Secure(secretKey),
                    ["userKey"] = Secure(userKey),
                });

        /// <summary>Runs a script; any error record or terminating error fails the benchmark.</summary>
        public Collection<PSObject> Invoke(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = Create(script, variables);
            return InvokeOrFail(ps, "The script failed: " + script);
        }

        /// <summary>Runs one command (a function defined earlier, so nothing is parsed or compiled per call); errors fail the benchmark.</summary>
        public Collection<PSObject> InvokeCommand(string name, string parameter, object value)
        {
            using var ps = PS.Create();
            ps.Runspace = _runspace;
            ps.AddCommand(name).AddParameter(parameter, value);
            return InvokeOrFail(ps, name + " failed:");
        }

        private static Collection<PSObject> InvokeOrFail(PS ps, string failure)
        {
            var output = ps.Invoke();
            if (ps.Streams.Error.Count > 0)
                throw new InvalidOperationException(failure + "\n" + string.Join("\n", ps.Streams.Error.Select(e => e.ToString())));
            return output;
        }

        public PS Create(string script, IDictionary<string, object?>? variables = null)
        {
            if (variables != null)
                foreach (var pair in variables) _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            var ps = PS.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            return ps;
        }

        public static SecureString Secure(string text)
        {
            var s = new SecureString();
            foreach (var c in text) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }

        public void Dispose() => _runspace.Dispose();
    }
}
