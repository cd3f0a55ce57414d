using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13, item 1, from its repros: a CR/LF in -ApplicationKey, -UserKey or the exchange's
    /// meta.apiKey split one request into two, the smuggled one carrying the user key and signature;
    /// non-ASCII secret keys signed alike; empty keys failed late or obscurely. Every such value is
    /// now refused before any request, by an error that names where it came from and never the value.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class HeaderInjectionTests
    {
        private const string Smuggled = "X-Smuggled";
        private readonly ITestOutputHelper _output;

        public HeaderInjectionTests(ITestOutputHelper output) => _output = output;

        private static SecureString Secure(string text) => SandboxFixture.Secure(text);

        /// <summary>Connect-Portal with one hostile value: (name, parameter expected in the error, application key, secret key, user key).</summary>
        private static IEnumerable<(string Name, string Parameter, string AppKey, SecureString Secret, SecureString UserKey, string Hostile)> Given()
        {
            var secret = Secure("c2VjcmV0LWtleQ==");
            var userKey = Secure("qBOSOYDeZaSzTxqMCL1Kr66JpU2H6wHCLz7xviZUOcA=");
            yield return ("CR LF in -ApplicationKey", "ApplicationKey", "app\r\n" + Smuggled + ": 1", secret, userKey, "\r\n" + Smuggled);
            yield return ("LF alone in -ApplicationKey", "ApplicationKey", "app\n" + Smuggled + ": 1", secret, userKey, "\n" + Smuggled);
            yield return ("CR alone in -ApplicationKey", "ApplicationKey", "app\r" + Smuggled + ": 1", secret, userKey, "\r" + Smuggled);
            yield return ("non-ASCII -ApplicationKey", "ApplicationKey", "äpp-kéy", secret, userKey, "äpp-kéy");
            yield return ("space inside -ApplicationKey", "ApplicationKey", "app key", secret, userKey, "app key");
            yield return ("CR LF in -UserKey", "UserKey", "app", secret, Secure("key\r\n" + Smuggled + ": 1"), "key\r\n");
            yield return ("control character in -UserKey", "UserKey", "app", secret, Secure("key\u0000more"), "key\u0000more");
            yield return ("non-ASCII -UserKey", "UserKey", "app", secret, Secure("kéy"), "kéy");
            yield return ("empty -UserKey", "UserKey", "app", secret, Secure(string.Empty), "\0never");
            yield return ("empty -SecretKey", "SecretKey", "app", Secure(string.Empty), userKey, "\0never");
            yield return ("non-ASCII -SecretKey 'sécret'", "SecretKey", "app", Secure("sécret"), userKey, "sécret");
            yield return ("non-ASCII -SecretKey 'sêcret'", "SecretKey", "app", Secure("sêcret"), userKey, "sêcret");
            yield return ("line break in -SecretKey", "SecretKey", "app", Secure("secret\r\n"), userKey, "secret\r\n");
        }

        [Fact]
        public void Hostile_keys_given_to_Connect_Portal_are_refused_before_any_request_naming_the_parameter_never_the_value()
        {
            using var server = new RawHttpCapture();
            using var rs = new ModuleRunspace();
            var failures = new List<string>();
            var crashes = 0;
            var cases = 0;
            foreach (var (name, parameter, appKey, secret, userKey, hostile) in Given())
            {
                cases++;
                var run = rs.Run("Connect-Portal -BaseUri $b -ApplicationKey $a -SecretKey $k -UserKey $u -MaxRetries 0; Get-PortalUser",
                    new Dictionary<string, object?> { ["b"] = server.BaseUri, ["a"] = appKey, ["k"] = secret, ["u"] = userKey });
                var crash = HostileWorldTally.Crash(run);
                if (crash != null) { crashes++; failures.Add(name + ": crash: " + crash); continue; }
                var error = run.FirstError;
                if (HostileWorldTally.ErrorId(error) != "PortalIo.InvalidArgument") failures.Add(name + ": " + HostileWorldTally.ErrorId(error) + ": " + error);
                if (!error.ToString().Contains("-" + parameter, StringComparison.Ordinal)) failures.Add(name + ": the message does not name -" + parameter + ": " + error);
                if (run.AllText().Any(t => t.Contains(hostile, StringComparison.Ordinal))) failures.Add(name + ": the value shows in the output");
                _output.WriteLine(name + " -> " + error);
            }
            // Also where a key is only signed, not sent: New-PortalSignature.
            cases++;
            var signature = rs.Run("New-PortalSignature -Uri 'https://api.portal.io/public/users' -SecretKey $k -UserKey $u",
                new Dictionary<string, object?> { ["k"] = Secure("sécret"), ["u"] = Secure("key") });
            if (HostileWorldTally.Crash(signature) is string signatureCrash) { crashes++; failures.Add("New-PortalSignature: crash: " + signatureCrash); }
            else if (HostileWorldTally.ErrorId(signature.FirstError) != "PortalIo.InvalidArgument" || signature.Output.Count > 0)
                failures.Add("New-PortalSignature signed with a non-ASCII secret: " + signature.FirstError);

            var requests = server.RequestLines;
            var injected = server.HeaderLines(Smuggled);
            // The control: a good key through the same server arrives, so the capture would have seen the others.
            var good = rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $u -MaxRetries 0; Invoke-PortalRequest GET /public/users",
                new Dictionary<string, object?> { ["b"] = server.BaseUri, ["k"] = Secure("c2VjcmV0LWtleQ=="), ["u"] = Secure("qBOSOYDeZaSzTxqMCL1Kr66JpU2H6wHCLz7xviZUOcA=") });

            ReliabilityFigures.Report(_output, "hostile world: keys given to Connect-Portal and New-PortalSignature",
                ("cases", cases), ("refused before any request, naming the parameter", cases - failures.Count), ("requests the server received", requests),
                ("header lines injected", injected), ("crashes", crashes), ("control: requests received for a good key", server.RequestLines));
            HostileWorldTally.Add(_output, "keys given", cases, crashes, injected, 0);

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Equal(0, requests);
            Assert.Equal(0, injected);
            Assert.Empty(good.Errors);
            Assert.Equal(1, server.RequestLines);
        }

        [Theory]
        [InlineData("abc\\r\\nX-Smuggled: 1", "a line break")]
        [InlineData("abc\\nX-Smuggled: 1", "a line break")]
        [InlineData("k\u00e9y", "a non-ASCII character")]
        [InlineData("key with space", "a space")]
        [InlineData("key\\u0007bell", "a control character")]
        public void A_hostile_user_key_from_the_exchange_is_refused_and_nothing_else_is_sent(string apiKeyJson, string problem)
        {
            using var server = new RawHttpCapture();
            server.Answer(RawHttpCapture.Respond(200, "{\"userId\":\"1\",\"userName\":\"demo@portal.local\",\"meta\":{\"apiKey\":\"" + apiKeyJson + "\"}}"));
            using var rs = new ModuleRunspace();
            var run = rs.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -Credential $c -MaxRetries 0; Get-PortalUser",
                new Dictionary<string, object?>
                {
                    ["b"] = server.BaseUri, ["k"] = Secure("c2VjcmV0LWtleQ=="),
                    ["c"] = new System.Management.Automation.PSCredential("demo@portal.local", Secure("P@ssw0rd!")),
                });

            var crash = HostileWorldTally.Crash(run);
            var error = run.FirstError;
            ReliabilityFigures.Report(_output, "hostile world: exchange answers a user key with " + problem,
                ("error", HostileWorldTally.ErrorId(error) + ": " + error.Exception.Message), ("requests the server received", server.RequestLines),
                ("header lines injected", server.HeaderLines(Smuggled)));
            HostileWorldTally.Add(_output, "exchange key: " + problem, 1, crash is null ? 0 : 1, server.HeaderLines(Smuggled), 0);

            Assert.Null(crash);
            Assert.Equal("PortalIo.InvalidResponse", HostileWorldTally.ErrorId(error));
            Assert.Contains("meta.apiKey", error.ToString());
            Assert.Contains(problem, error.ToString());
            Assert.DoesNotContain("Smuggled", error.ToString());
            // Only the exchange reached the server: no session was made from the key, so no later request carries it.
            Assert.Equal(1, server.RequestLines);
            Assert.StartsWith("GET /authenticate/apikeyexchange?", server.Received);
            Assert.Equal(0, server.HeaderLines(Smuggled));
            Assert.Equal("PortalIo.NotConnected", HostileWorldTally.ErrorId(run.Errors.Last()));
        }
    }
}
