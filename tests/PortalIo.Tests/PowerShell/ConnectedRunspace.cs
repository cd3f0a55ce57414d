using System;
using System.Collections.Generic;
using PortalIo.Sandbox;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>A module runspace connected to a sandbox as one of its demo users.</summary>
    public sealed class ConnectedRunspace : IDisposable
    {
        public ConnectedRunspace(SandboxServer sandbox, string userPrefix = "demo", System.Management.Automation.Host.PSHost? host = null)
        {
            Sandbox = sandbox;
            Runspace = new ModuleRunspace(host);
            var user = System.Linq.Enumerable.First(sandbox.DemoUsers, u => u.UserName.StartsWith(userPrefix, StringComparison.OrdinalIgnoreCase));
            var connect = Runspace.Run(
                "$cred = [pscredential]::new($userName, $password); Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred",
                new Dictionary<string, object?>
                {
                    ["userName"] = user.UserName,
                    ["password"] = SandboxFixture.Secure(user.Password),
                    ["baseUri"] = sandbox.BaseUri,
                    ["appKey"] = sandbox.ApplicationKey,
                    ["secret"] = SandboxFixture.Secure(sandbox.SecretKey),
                });
            if (connect.Terminating != null || connect.Errors.Count > 0)
                throw new InvalidOperationException("Connect-Portal failed: " + (connect.Terminating?.Message ?? connect.Errors[0].ToString()));
        }

        public SandboxServer Sandbox { get; }
        public ModuleRunspace Runspace { get; }

        public PowerShellRun Run(string script, IDictionary<string, object?>? variables = null) => Runspace.Run(script, variables);

        public void Dispose() => Runspace.Dispose();
    }
}
