using System;
using System.Linq;
using System.Security;
using PortalIo.Sandbox;

namespace PortalIo.Tests
{
    /// <summary>One sandbox on loopback for a test class; tests that change data use their own ids or sandbox.</summary>
    public sealed class SandboxFixture : IDisposable
    {
        public SandboxFixture()
        {
            Server = SandboxServer.Start(new SandboxOptions());
        }

        public SandboxServer Server { get; }

        public static SecureString Secure(string text)
        {
            var s = new SecureString();
            foreach (var c in text) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }

        public SandboxDemoUser User(string prefix) => Server.DemoUsers.First(u => u.UserName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

        public void Dispose() => Server.Dispose();
    }
}
