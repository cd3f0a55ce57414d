using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Session;

namespace PortalIo.Tests.Reliability
{
    /// <summary>Shortcuts to the sandbox's demo users and to sessions with test-friendly settings.</summary>
    internal static class Demo
    {
        public static SandboxDemoUser User(SandboxServer sandbox, string prefix = "demo") =>
            sandbox.DemoUsers.First(u => u.UserName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

        /// <summary>The sandbox's documented user key scheme (the same value the exchange returns).</summary>
        public static string UserKey(SandboxServer sandbox, string prefix = "demo")
        {
            var email = User(sandbox, prefix).UserName;
            return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("portalio-sandbox-user-key:" + email.ToLowerInvariant())));
        }

        /// <summary>A session built as Connect-Portal -UserKey builds it, with the given client settings.</summary>
        public static PortalSession Session(SandboxServer sandbox, ClientSettings settings, string prefix = "demo") =>
            SessionConnector.ConnectAsync(new ConnectRequest
            {
                BaseUri = sandbox.BaseUri,
                EnvironmentName = "Custom",
                ApplicationKey = sandbox.ApplicationKey,
                SecretKey = SandboxFixture.Secure(sandbox.SecretKey),
                UserKey = SandboxFixture.Secure(UserKey(sandbox, prefix)),
                Settings = settings,
            }, null, CancellationToken.None).GetAwaiter().GetResult();
    }
}
