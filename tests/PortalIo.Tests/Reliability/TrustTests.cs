using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Tests.PowerShell;
using PortalIo.Webhooks;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>Issue #5: http only on loopback, certificate errors are errors, webhook signatures verified strictly.</summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class TrustTests
    {
        private readonly ITestOutputHelper _output;
        public TrustTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Plain_http_is_refused_except_on_loopback_and_a_self_signed_certificate_is_a_NetworkError_naming_the_certificate()
        {
            using var rs = new ModuleRunspace();
            var k = SandboxFixture.Secure("not-a-secret");
            var remote = rs.Run("Connect-Portal -BaseUri 'http://api.portal.io/' -ApplicationKey app -SecretKey $k -UserKey $k", new Dictionary<string, object?> { ["k"] = k });
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, remote.FirstError.CategoryInfo.Category);
            Assert.Contains("only https://", remote.FirstError.ToString());
            Assert.Empty(rs.Run("Connect-Portal -BaseUri 'http://127.0.0.1:9/' -ApplicationKey app -SecretKey $k -UserKey $k", new Dictionary<string, object?> { ["k"] = k }).Errors);

            // A TLS listener with a self-signed certificate: the handshake must fail, with no way around it.
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            using var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var handshakes = 0;
            using var stop = new CancellationTokenSource();
            var server = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try { client = await listener.AcceptTcpClientAsync(stop.Token); } catch (Exception) { return; }
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        using (var ssl = new SslStream(client.GetStream()))
                        {
                            Interlocked.Increment(ref handshakes);
                            try { await ssl.AuthenticateAsServerAsync(certificate); } catch (Exception) { }
                        }
                    });
                }
            });
            var run = rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $k -MaxRetries 0 -TimeoutSec 10; Get-PortalUser",
                new Dictionary<string, object?> { ["k"] = k, ["b"] = new Uri("https://127.0.0.1:" + port + "/") });
            stop.Cancel();
            listener.Stop();

            var error = run.FirstError;
            ReliabilityFigures.Report(_output, "trust: http and TLS",
                ("http://api.portal.io refused", remote.FirstError.FullyQualifiedErrorId.Split(',')[0]), ("TLS handshakes attempted", handshakes),
                ("self-signed certificate error", error.FullyQualifiedErrorId.Split(',')[0] + ": " + error.Exception.Message));
            Assert.Equal("PortalIo.NetworkError", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("certificate", error.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(handshakes >= 1);
            // No parameter of any cmdlet bypasses certificate checks.
            var bypass = rs.Run("Get-Command -Module PortalIo | ForEach-Object { $_.Parameters.Keys } | Where-Object { $_ -match 'Certificate|SkipCert|Insecure|Trust' }");
            Assert.Empty(bypass.Output);
        }

        [Fact]
        public void Webhook_signatures_are_compared_in_constant_time_replays_are_refused_and_malformed_headers_say_what_is_wrong()
        {
            const string secret = "whsec_reliability";
            var body = Encoding.UTF8.GetBytes("{\"event\":\"proposal.status_changed\"}");
            var now = DateTimeOffset.UtcNow;
            string Header(DateTimeOffset at, byte[] payload) =>
                "t=" + at.ToUnixTimeSeconds() + ",v1=" + WebhookSignatureVerifier.ComputeSignatureHex(secret, at.ToUnixTimeSeconds().ToString(), payload);

            var valid = WebhookSignatureVerifier.Verify(body, Header(now, body), secret, now, TimeSpan.FromMinutes(5));
            var tampered = WebhookSignatureVerifier.Verify(Encoding.UTF8.GetBytes("{\"event\":\"x\"}"), Header(now, body), secret, now, TimeSpan.FromMinutes(5));
            var replay = WebhookSignatureVerifier.Verify(body, Header(now.AddMinutes(-6), body), secret, now, TimeSpan.FromMinutes(5));
            var future = WebhookSignatureVerifier.Verify(body, Header(now.AddMinutes(6), body), secret, now, TimeSpan.FromMinutes(5));
            var malformed = new[] { "", "garbage", "t=abc,v1=00", "v1=deadbeef", "t=" + now.ToUnixTimeSeconds(), "t=1,v1=zz" };
            var messages = new List<string>();
            foreach (var header in malformed)
            {
                try
                {
                    var r = WebhookSignatureVerifier.Verify(body, header, secret, now, TimeSpan.FromMinutes(5));
                    Assert.False(r.IsValid, "accepted malformed header '" + header + "'");
                    messages.Add(header + " -> invalid: " + r.Reason);
                }
                catch (FormatException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                    messages.Add(header + " -> " + e.Message);
                }
            }
            // Constant time: the comparison is FixedTimeEquals (no early exit), checked on its source too.
            var source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "PortalIo", "Webhooks", "WebhookSignatureVerifier.cs"));
            var fixedTime = source.Contains("FixedTimeEquals(expected, candidate)") && !source.Contains("SequenceEqual");
            Assert.True(WebhookSignatureVerifier.FixedTimeEquals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
            Assert.False(WebhookSignatureVerifier.FixedTimeEquals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 }));

            // Through the cmdlet: a malformed header is an error that says so.
            using var rs = new ModuleRunspace();
            var run = rs.Run("Test-PortalWebhookSignature -Payload 'x' -SignatureHeader 'garbage' -SecretKey $k", new Dictionary<string, object?> { ["k"] = SandboxFixture.Secure(secret) });
            foreach (var m in messages) _output.WriteLine(m);
            ReliabilityFigures.Report(_output, "trust: webhook verification",
                ("valid accepted", valid.IsValid), ("tampered refused", !tampered.IsValid), ("replay (6 min old) refused", !replay.IsValid),
                ("6 min in the future refused", !future.IsValid), ("malformed headers refused", messages.Count), ("constant-time comparison", fixedTime),
                ("cmdlet error for a malformed header", run.FirstError.ToString()));
            Assert.True(valid.IsValid, valid.Reason);
            Assert.False(tampered.IsValid);
            Assert.False(replay.IsValid);
            Assert.False(future.IsValid);
            Assert.True(fixedTime);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, run.FirstError.CategoryInfo.Category);
            Assert.Equal(false, run.Output.Single().BaseObject);
        }
    }
}
