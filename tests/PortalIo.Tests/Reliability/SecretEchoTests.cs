using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Tests.PowerShell;
using Xunit;
using Xunit.Abstractions;

namespace PortalIo.Tests.Reliability
{
    /// <summary>
    /// Issue #13, item 2, from its repros: a server that echoed the password in its error message
    /// put it into $Error, ErrorDetails and transcripts, and Invoke-PortalRequest on the exchange
    /// route showed Password= in -Verbose. Here a hostile server echoes everything it received
    /// (URL, headers with the user key and signature, body, decoded too) and the secret key besides,
    /// raw and in every encoding a server may use, to every cmdlet: no secret may reach anything
    /// the user sees. (The password is known to the module only while it sends the exchange, so it
    /// is echoed only by the requests that carry it.)
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    [Trait("Category", "Reliability")]
    public class SecretEchoTests
    {
        private const string SecretKey = "c2VjcmV0LWVjaG8ta2V5LWZvci1wb3J0YWxpbzEyMzQ=";
        private const string UserKey = "dXNlci1rZXktZWNoby1mb3ItcG9ydGFsaW8tMTIzNDU2Nzg=";
        private const string Password = "Ech0 P@ss+w&rd<é>";
        private static readonly Regex Base64Token = new(@"[A-Za-z0-9+/]{43,}=", RegexOptions.Compiled);
        private readonly ITestOutputHelper _output;

        public SecretEchoTests(ITestOutputHelper output) => _output = output;

        /// <summary>The ways a server may write a secret back, as the test looks for them.</summary>
        private static IEnumerable<string> Forms(string secret) => new[]
        {
            secret, Uri.EscapeDataString(secret), Uri.EscapeDataString(secret).ToLowerInvariant(), WebUtility.UrlEncode(secret),
            JsonEncodedText.Encode(secret).ToString(), JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
            WebUtility.HtmlEncode(secret),
        }.Distinct();

        /// <summary>An error body that repeats the request, in one of several shapes (rotating), always with the secret key too.</summary>
        private static async Task Echo(HttpListenerContext c, int shape)
        {
            var request = c.Request;
            string body;
            using (var reader = new System.IO.StreamReader(request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
            var headers = string.Join("; ", request.Headers.AllKeys.Select(k => k + ": " + request.Headers[k]));
            // What the request carried, raw and decoded (a password is only known to the module in the requests that carry it).
            var query = string.Join("&", request.QueryString.AllKeys.Select(k => k + "=" + request.QueryString[k]));
            var seen = request.HttpMethod + " " + request.RawUrl + " | decoded " + query + " | " + headers + " | " + body + " | decoded " + WebUtility.UrlDecode(body) +
                " | secret " + SecretKey;
            string text, type;
            switch (shape % 4)
            {
                case 0:
                    type = "application/json";
                    text = JsonSerializer.Serialize(new
                    {
                        responseStatus = new
                        {
                            errorCode = Uri.EscapeDataString(seen), message = "Refused: " + seen,
                            errors = new[] { new { errorCode = "Echo", fieldName = WebUtility.HtmlEncode(seen), message = JsonEncodedText.Encode(seen).ToString() } },
                        },
                    });
                    break;
                case 1:
                    // Every character \u-escaped: only a scrub after decoding catches it.
                    type = "application/json";
                    text = "{\"message\":\"" + string.Concat(seen.Select(ch => "\\u" + ((int)ch).ToString("x4"))) + "\"}";
                    break;
                case 2:
                    type = "text/html";
                    text = "<html><head><title>" + WebUtility.HtmlEncode(seen) + "</title></head><body>" + seen + "</body></html>";
                    break;
                default:
                    type = "text/plain";
                    text = WebUtility.UrlEncode(seen) + " " + seen;
                    break;
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            // 401 for the exchange (a refused login), 400 elsewhere (never retried, so each call sees one echo).
            c.Response.StatusCode = request.RawUrl!.StartsWith("/authenticate", StringComparison.Ordinal) ? 401 : 400;
            c.Response.ContentType = type;
            c.Response.ContentLength64 = bytes.Length;
            await c.Response.OutputStream.WriteAsync(bytes);
            c.Response.Close();
        }

        private static readonly string[] Scripts =
        {
            "Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -Credential $cred -MaxRetries 0",
            "Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $u -MaxRetries 0",
            "Invoke-PortalRequest GET /authenticate/apikeyexchange -Query @{ UserName = 'demo@portal.local'; Password = $plain }",
            "Invoke-PortalRequest POST /public/login -Form @{ UserName = 'demo@portal.local'; Password = $plain }",
            "Invoke-PortalRequest POST /public/login -Json @{ userName = 'demo@portal.local'; password = $plain }",
            "Get-PortalUser", "Get-PortalProposal -Id 1042", "Get-PortalProposal -First 5", "Get-PortalContact -Id 7", "Find-PortalCatalogItem -First 3",
            "Add-PortalArea -ProposalId 1042 -Name Den", "Set-PortalProposal -Id 1042 -Name x -Description y", "New-PortalProposal -Name x -SalesPersonId 77",
            "New-PortalContact -FirstName Ada -PartyType Person -ContactType Client", "New-PortalWebhook -Url https://hooks.example.com/x -Event proposal.status_changed",
            "Remove-PortalWebhook -Id 5", "Test-PortalConnection", "Get-PortalWebhook",
        };

        [Fact]
        public void Whatever_a_server_echoes_no_secret_reaches_a_message_ErrorDetails_or_log_line_of_any_cmdlet()
        {
            using var server = new HostileServer();
            var shape = 0;
            server.Answer(c => Echo(c, Interlocked.Increment(ref shape)));
            using var rs = new ModuleRunspace();
            var vars = new Dictionary<string, object?>
            {
                ["b"] = server.BaseUri, ["k"] = SandboxFixture.Secure(SecretKey), ["u"] = SandboxFixture.Secure(UserKey), ["plain"] = Password,
                ["cred"] = new System.Management.Automation.PSCredential("demo@portal.local", SandboxFixture.Secure(Password)),
            };
            rs.Run("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $ConfirmPreference = 'None'", vars);

            var texts = new List<string>();
            var crashes = new List<string>();
            var errors = 0;
            foreach (var script in Scripts)
            {
                var run = rs.Run(script + "; $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }; $Error.Clear()", vars);
                if (HostileWorldTally.Crash(run) is string crash) crashes.Add(script + ": " + crash);
                errors += run.Errors.Count;
                texts.AddRange(run.AllText());
            }
            var secrets = new[] { ("secret key", SecretKey), ("user key", UserKey), ("password", Password) };
            var found = new List<string>();
            foreach (var text in texts)
            {
                foreach (var (what, secret) in secrets)
                    foreach (var form in Forms(secret))
                        if (text.Contains(form, StringComparison.OrdinalIgnoreCase)) found.Add(what + " (" + form + ") in: " + Excerpt(text, form));
                var token = Base64Token.Match(text);
                if (token.Success) found.Add("a Base64 token (a signature?) in: " + Excerpt(text, token.Value));
            }
            var verbose = texts.Where(t => t.Contains("apikeyexchange", StringComparison.Ordinal)).ToList();

            foreach (var f in found.Take(10)) _output.WriteLine("FOUND: " + f);
            ReliabilityFigures.Report(_output, "hostile world: a server that echoes every secret",
                ("cmdlet calls", Scripts.Length), ("requests echoed", server.Requests), ("error records", errors), ("texts scanned", texts.Count),
                ("forms searched per secret", "raw, percent-encoded (both cases), form-encoded, JSON-escaped (two ways), HTML-encoded; every character JSON-escaped as uXXXX in the body"),
                ("crashes", crashes.Count), ("secrets found", found.Count));
            HostileWorldTally.Add(_output, "echoed secrets", Scripts.Length, crashes.Count, 0, found.Count);

            Assert.True(crashes.Count == 0, string.Join("\n", crashes));
            Assert.True(server.Requests >= Scripts.Length - 1, "too few requests reached the server: " + server.Requests);
            // Every call fails but two: Connect-Portal -UserKey sends nothing, Test-PortalConnection reports its checks as objects.
            Assert.True(errors >= Scripts.Length - 2, "expected the echoing server to fail the calls; got " + errors + " errors");
            Assert.Contains(verbose, v => v.Contains("Password=***", StringComparison.Ordinal));
            Assert.True(found.Count == 0, string.Join("\n", found.Take(10)));
        }

        private static string Excerpt(string text, string value)
        {
            var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            var start = Math.Max(0, i - 60);
            return text.Substring(start, Math.Min(text.Length - start, 160)).Replace(value, "<<" + value.Substring(0, Math.Min(4, value.Length)) + "…>>");
        }
    }
}
