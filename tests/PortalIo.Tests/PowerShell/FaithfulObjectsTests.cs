using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PortalIo.Sandbox;
using PortalIo.Tests.Reliability;
using PortalIo.Tests.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// Every field the API returns reaches the user, as a value, at every depth: the sandbox's answers
    /// pass through a proxy that adds fields the module does not know to every JSON object (a
    /// string, a number, and an object holding an array), and every output type read through it
    /// must carry them through ConvertTo-Json -Depth 6 and back, Export-Csv and back (no type
    /// names), and Export-Clixml and back.
    /// </summary>
    public sealed class FaithfulObjectsTests : IDisposable
    {
        private readonly SandboxServer _sandbox = SandboxServer.Start(new SandboxOptions { AiStepDuration = TimeSpan.FromMilliseconds(50) });
        private readonly SignedEmulatorClient _client;
        private readonly HostileServer _proxy = new();
        private readonly ModuleRunspace _ps = new();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "portalio-faithful-" + Guid.NewGuid().ToString("N"));
        private int _marks;

        public FaithfulObjectsTests()
        {
            Directory.CreateDirectory(_folder);
            _client = new SignedEmulatorClient(_sandbox);
            _proxy.Answer(ForwardEnrichedAsync);
            var connect = _ps.Run("Connect-Portal -BaseUri $b -ApplicationKey app -SecretKey $k -UserKey $k",
                new Dictionary<string, object?> { ["b"] = _proxy.BaseUri, ["k"] = SandboxFixture.Secure("not-checked-by-the-proxy") });
            Assert.Empty(connect.Errors);
        }

        public void Dispose()
        {
            _ps.Dispose();
            _proxy.Dispose();
            _client.Dispose();
            _sandbox.Dispose();
            try { Directory.Delete(_folder, true); } catch (IOException) { }
        }

        /// <summary>Forwards the request to the sandbox (signed for it) and adds unknown fields to every object of the JSON answer.</summary>
        private async Task ForwardEnrichedAsync(HttpListenerContext context)
        {
            var request = context.Request;
            byte[] body;
            using (var buffer = new MemoryStream())
            {
                await request.InputStream.CopyToAsync(buffer);
                body = buffer.ToArray();
            }
            using var answer = await _client.SendAsync(request.HttpMethod, request.Url!.PathAndQuery.TrimStart('/'), request.ContentType, body.Length > 0 ? body : null);
            var text = await answer.Content.ReadAsStringAsync();
            if (answer.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0)
            {
                var node = JsonNode.Parse(text);
                Enrich(node);
                text = node!.ToJsonString();
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }

        private void Enrich(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var child in obj.Select(p => p.Value).ToList()) Enrich(child);
                    var mark = "mark" + System.Threading.Interlocked.Increment(ref _marks);
                    obj["zzNote"] = mark;
                    obj["zzCount"] = 1234567890123L;
                    obj["zzDetail"] = new JsonObject { ["list"] = new JsonArray(1, "two", true, null, 2.5m, new JsonObject { ["deep"] = mark + "-deep" }) };
                    break;
                case JsonArray array:
                    foreach (var item in array) Enrich(item);
                    break;
            }
        }

        /// <summary>One command per output type read from the API (writes create what the reads need).</summary>
        private static readonly (string Type, string Command)[] Reads =
        {
            ("User", "Get-PortalUser"),
            ("Proposal", "Get-PortalProposal -Id 1042"),
            ("Proposal", "Get-PortalProposal -First 3 -PageSize 3"),
            ("Area", "Get-PortalArea -ProposalId 1042"),
            ("AreaOption", "Get-PortalAreaOption -ProposalId 1042"),
            ("ChangeOrder", "Get-PortalChangeOrder -ProposalId 1043"),
            ("ChangeOrder", "Get-PortalChangeOrder -ProposalId 1043 -Id 6001"),
            ("Contact", "Get-PortalContact -Id 95 -IncludeCounts"),
            ("Location", "Get-PortalContactLocation -ContactId 95"),
            ("CatalogItem", "Get-PortalCatalogItem -Id 8821 -ExtendedDetails"),
            ("CatalogSearchSummary", "Find-PortalCatalogItem -SearchText receiver -Summary -PageSize 2"),
            ("CatalogCategory", "Get-PortalCatalogCategory"),
            ("Webhook", "New-PortalWebhook -Url 'https://hooks.example.com/faithful' -Event proposal.status_changed -WarningAction SilentlyContinue"),
            ("AiContent", "Get-PortalAiContent -ProposalId $draft"),
            ("AiOutline", "Start-PortalAiOutline -ProposalId $draft -Wait -PollIntervalSec 1"),
            ("AiBuild", "Start-PortalAiBuild -ProposalId $draft"),
        };

        [Fact]
        public void Every_field_of_every_output_type_survives_json_csv_and_clixml_round_trips()
        {
            var file = Path.Combine(_folder, "source.txt");
            File.WriteAllText(file, "A home theater and a living room.");
            var setup = _ps.Run("$draft = (New-PortalProposal -Name 'Faithful' -SalesPersonId 77).Id; $null = Add-PortalAiContent -ProposalId $draft -Path $file; " +
                "for ($i = 0; $i -lt 100 -and (Get-PortalAiContent -ProposalId $draft).Status -ne 'Transcribed'; $i++) { Start-Sleep -Milliseconds 50 }",
                new Dictionary<string, object?> { ["file"] = file });
            Assert.Empty(setup.Errors);

            var problems = new List<string>();
            var checkedObjects = 0;
            foreach (var (type, command) in Reads)
            {
                var run = _ps.Run("$read = @(" + command + "); $read.Count");
                Assert.True(run.Errors.Count == 0, command + ": " + string.Join(" | ", run.Errors));
                var count = Convert.ToInt32(run.Output.Single().BaseObject);
                Assert.True(count > 0, command + " wrote nothing");
                for (var i = 0; i < count; i++)
                {
                    checkedObjects++;
                    var context = command + " [" + i + "] (" + type + ")";
                    var checks = _ps.Run(@"
                        $o = $read[" + i + @"]
                        $json = $o | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue
                        $back = $json | ConvertFrom-Json
                        $csvPath = Join-Path $folder 'one.csv'; $o | Export-Csv -LiteralPath $csvPath -NoTypeInformation
                        $csv = Get-Content -Raw -LiteralPath $csvPath; $row = Import-Csv -LiteralPath $csvPath
                        $xmlPath = Join-Path $folder 'one.xml'; $o | Export-Clixml -LiteralPath $xmlPath -Depth 6; $copy = Import-Clixml -LiteralPath $xmlPath
                        [pscustomobject]@{
                            Type = $o.GetType().Name
                            Note = $o.ZzNote; Count = $o.ZzCount; Deep = $o.ZzDetail.list[5].deep; ListTwo = $o.ZzDetail.list[1]
                            Json = $json; JsonNote = $back.ZzNote; JsonDeep = $back.ZzDetail.list[5].deep
                            Csv = $csv; CsvNote = $row.ZzNote; CsvCount = $row.ZzCount
                            CopyNote = $copy.AdditionalProperties.zzNote
                        }", new Dictionary<string, object?> { ["folder"] = _folder });
                    if (checks.Errors.Count > 0 || checks.Terminating != null)
                    {
                        problems.Add(context + ": " + (checks.Terminating?.Message ?? string.Join(" | ", checks.Errors)));
                        continue;
                    }
                    var r = checks.Output.Single();
                    string V(string name) => r.Properties[name].Value?.ToString() ?? string.Empty;
                    var note = V("Note");
                    if (!Regex.IsMatch(note, "^mark\\d+$")) problems.Add(context + ": the unknown field is not a property: ZzNote = '" + note + "'");
                    if (V("Count") != "1234567890123" || V("ListTwo") != "two" || V("Deep") != note + "-deep")
                        problems.Add(context + ": nested unknown values not readable: " + V("Count") + " / " + V("ListTwo") + " / " + V("Deep"));
                    if (V("JsonNote") != note || V("JsonDeep") != note + "-deep") problems.Add(context + ": ConvertTo-Json lost the unknown fields");
                    // Every object the proxy enriched inside this output, at any depth, reaches the JSON.
                    var json = V("Json");
                    if (json.Contains("ValueKind", StringComparison.Ordinal)) problems.Add(context + ": JSON shows a JsonElement");
                    if (Regex.Matches(json, "\"mark\\d+-deep\"").Count < Regex.Matches(json, "\"ZzNote\"").Count)
                        problems.Add(context + ": some nested object lost its unknown fields in JSON");
                    var csv = V("Csv");
                    var typeNames = Regex.Matches(csv, @"(System|PortalIo)\.[\w.`]+").Select(m => m.Value)
                        .Where(n => !n.StartsWith("System.Security.SecureString", StringComparison.Ordinal)).Distinct().ToList();
                    if (typeNames.Count > 0) problems.Add(context + ": CSV shows type names: " + string.Join(", ", typeNames));
                    if (V("CsvNote") != note || V("CsvCount") != "1234567890123") problems.Add(context + ": Export-Csv lost an unknown field");
                    if (V("CopyNote") != note) problems.Add(context + ": Export-Clixml lost an unknown field");
                }
            }
            Assert.True(checkedObjects >= 20, "only " + checkedObjects + " objects checked");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Nested_models_keep_their_unknown_fields_as_properties()
        {
            var run = _ps.Run(@"
                $p = Get-PortalProposal -Id 1042
                $p.FinancialSummary.ZzNote; $p.FinancialSummary.Currency.ZzNote; $p.Areas[0].Options[0].Items[0].ZzNote; $p.Customer.ZzNote
                ($p | Get-PortalArea)[0].ZzNote");
            Assert.Empty(run.Errors);
            Assert.Equal(5, run.Output.Count);
            Assert.All(run.Output, o => Assert.Matches("^mark\\d+$", o.ToString()));
        }
    }
}
