using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using PS = System.Management.Automation.PowerShell;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// A runspace of the real PowerShell 7.6 engine that has imported the staged module exactly as a
    /// user would (Import-Module out/PortalIo/PortalIo.psd1).
    /// </summary>
    public sealed class ModuleRunspace : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleRunspace(PSHost? host = null)
        {
            _runspace = host is null
                ? RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2())
                : RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            _runspace.Open();
            var import = Run("Import-Module '" + TestPaths.StagedManifest.Replace("'", "''") + "' -ErrorAction Stop");
            if (import.Terminating != null || import.Errors.Count > 0)
                throw new InvalidOperationException("Import-Module failed: " + (import.Terminating?.Message ?? import.Errors[0].ToString()));
        }

        public Runspace Runspace => _runspace;

        /// <summary>Runs a script; variables are set in the runspace first (SecureStrings, sessions...).</summary>
        public PowerShellRun Run(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = Create(script, variables);
            Exception? terminating = null;
            System.Collections.ObjectModel.Collection<PSObject> output = new();
            try
            {
                output = ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                terminating = ex;
            }
            return new PowerShellRun(output, ps.Streams, ps.HadErrors, terminating);
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

        public void Dispose() => _runspace.Dispose();
    }
}
