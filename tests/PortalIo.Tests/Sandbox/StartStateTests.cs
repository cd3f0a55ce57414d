using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.Sandbox
{
    /// <summary>Start states (seeded, empty, a fixture), export, and Reset.</summary>
    public class StartStateTests
    {
        private static string SmallShopPath => Path.Combine(TestPaths.RepoRoot, "examples", "fixtures", "small-shop.json");

        private static SandboxData SmallShop() => SandboxData.Load(SmallShopPath);

        private static async Task<JsonElement> GetJsonAsync(SignedEmulatorClient client, string pathAndQuery)
        {
            using var response = await client.GetAsync(pathAndQuery);
            return await SignedEmulatorClient.JsonAsync(response);
        }

        [Fact]
        public async Task An_empty_start_has_the_demo_dealer_and_its_users_and_nothing_else()
        {
            using var emulator = SandboxServer.Start(new SandboxOptions { Empty = true });
            using var client = new SignedEmulatorClient(emulator);
            Assert.Equal(SandboxStartKind.Empty, emulator.StartKind);
            Assert.Equal(new[] { "demo@portal.local", "readonly@portal.local" }, emulator.DemoUsers.Select(u => u.UserName));

            Assert.Equal(0, (await GetJsonAsync(client, "public/proposals")).GetProperty("proposalCount").GetInt32());
            Assert.Equal(0, (await GetJsonAsync(client, "public/people")).GetProperty("peopleCount").GetInt32());
            Assert.Equal(0, (await GetJsonAsync(client, "public/webhook/subscriptions")).GetArrayLength());
            foreach (var type in new[] { "Part", "Labor", "CustomItem" })
                Assert.Equal(0, (await GetJsonAsync(client, "public/catalog?ItemType=" + type)).GetProperty("totalItemCount").GetInt32());
            Assert.Equal(SandboxSeed.DemoDealerUserCount, (await GetJsonAsync(client, "public/users")).GetProperty("users").GetArrayLength());
            // The other seeded accounts are not there: their logins fail like unknown ones.
            await Assert.ThrowsAsync<InvalidOperationException>(() => client.ExchangeAsync("other@portal.local", "Other+P@ss1"));

            // Ids start where the documentation's examples are.
            using var created = await client.PostFormAsync("public/proposals", ("Name", "First"), ("SalesPersonId", SandboxSeed.DemoSalesPersonId.ToString()));
            var proposal = await SignedEmulatorClient.JsonAsync(created);
            Assert.Equal((SandboxSeed.DraftProposalId, SandboxSeed.DraftProposalNumber), (proposal.GetProperty("id").GetInt32(), proposal.GetProperty("number").GetInt32()));
        }

        [Fact]
        public async Task A_fixture_start_serves_its_data_with_its_ids_and_new_ids_continue_above_the_highest()
        {
            var data = SmallShop();
            Assert.Equal((2, 2, 3, 1), (data.ContactCount, data.ProposalCount, data.CatalogItemCount, data.WebhookCount));
            using var emulator = SandboxServer.Start(new SandboxOptions { Data = data });
            using var client = new SignedEmulatorClient(emulator);
            Assert.Equal(SandboxStartKind.Data, emulator.StartKind);

            var media = await GetJsonAsync(client, "public/proposals/2101");
            Assert.Equal((1201, "Martin Media Room", "Draft"), (media.GetProperty("number").GetInt32(), media.GetProperty("name").GetString(), media.GetProperty("status").GetString()));
            var areas = media.GetProperty("areas").EnumerateArray().ToList();
            Assert.Equal(new[] { 3101, 3102 }, areas.Select(a => a.GetProperty("id").GetInt32()));
            Assert.Equal(new[] { 4101, 4102 }, areas[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()));
            Assert.Equal(2, areas[0].GetProperty("options")[0].GetProperty("items").GetArrayLength());
            var money = media.GetProperty("financialSummary");
            Assert.Equal(1299.00m + 4 * 95.00m, money.GetProperty("proposalSubtotal").GetDecimal());
            // The location is in Texas: the emulator taxes it as it taxes an assigned location.
            Assert.True(money.GetProperty("salesTax").GetProperty("total").GetDecimal() > 0);
            Assert.Equal(601, media.GetProperty("customer").GetProperty("location").GetProperty("id").GetInt32());

            var changeOrder = (await GetJsonAsync(client, "public/proposals/2102/changeorders")).EnumerateArray().Single();
            Assert.Equal((2201, 1), (changeOrder.GetProperty("id").GetInt32(), changeOrder.GetProperty("number").GetInt32()));
            Assert.Equal(2, (await GetJsonAsync(client, "public/people")).GetProperty("peopleCount").GetInt32());
            Assert.Equal(1, (await GetJsonAsync(client, "public/catalog?ItemType=Labor")).GetProperty("totalItemCount").GetInt32());
            Assert.Equal(42, (await GetJsonAsync(client, "public/webhook/subscriptions"))[0].GetProperty("subscriptionId").GetInt32());

            var newProposal = await client.NewProposalAsync("After the fixture");
            Assert.Equal(2103, newProposal);
            Assert.Equal(1203, (await GetJsonAsync(client, "public/proposals/" + newProposal)).GetProperty("number").GetInt32());
            using var area = await client.PostFormAsync("public/proposals/" + newProposal + "/area", ("Name", "Den"));
            Assert.Equal(3105, (await SignedEmulatorClient.JsonAsync(area)).GetProperty("areas")[0].GetProperty("id").GetInt32());
            using var contact = await client.PostFormAsync("public/people", ("PartyType", "Person"), ("ContactType", "Client"), ("FirstName", "Cleo"));
            Assert.Equal(503, (await SignedEmulatorClient.JsonAsync(contact)).GetProperty("id").GetInt32());
        }

        [Fact]
        public async Task Export_then_start_from_it_then_export_again_gives_the_same_document()
        {
            using var seeded = SandboxServer.Start();
            using (var client = new SignedEmulatorClient(seeded))
            {
                var proposal = await client.NewProposalAsync("Exported");
                using (await client.PostFormAsync("public/proposals/" + proposal + "/area", ("Name", "Kitchen"))) { }
                using var hook = await client.PostFormAsync("public/webhook/subscribe", ("Url", "https://hooks.example.com/x"), ("Events", "ProposalStatusChanged"));
                var secret = (await SignedEmulatorClient.JsonAsync(hook)).GetProperty("secretKey").GetString()!;
                seeded.AddLineItem(proposal, FirstOptionOf(seeded, proposal), SandboxSeed.CatalogLaborItemId, 2);

                var first = seeded.ExportData();
                Assert.DoesNotContain(secret, first.ToJson());
                Assert.Contains("\"Exported\"", first.ToJson());
                using var restarted = SandboxServer.Start(new SandboxOptions { Data = SandboxData.FromJson(first.ToJson()) });
                Assert.Equal(first.ToJson(), restarted.ExportData().ToJson());
            }

            using var fromFile = SandboxServer.Start(new SandboxOptions { Data = SmallShop() });
            var exported = fromFile.ExportData();
            using var again = SandboxServer.Start(new SandboxOptions { Data = SandboxData.FromJson(exported.ToJson()) });
            Assert.Equal(exported.ToJson(), again.ExportData().ToJson());
            // Loading normalizes: a fixture's JSON is its export.
            Assert.Equal(exported.ToJson(), SmallShop().ToJson());

            var file = Path.Combine(Path.GetTempPath(), "portalio-export-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                exported.Save(file);
                Assert.Equal(exported.ToJson(), SandboxData.Load(file).ToJson());
            }
            finally
            {
                File.Delete(file);
            }
        }

        private static int FirstOptionOf(SandboxServer emulator, int proposalId)
        {
            using var document = JsonDocument.Parse(emulator.ExportData().ToJson());
            var proposal = document.RootElement.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == proposalId);
            return proposal.GetProperty("areas")[0].GetProperty("options")[0].GetProperty("id").GetInt32();
        }

        public static TheoryData<string> StartKinds => new TheoryData<string> { "Seed", "Empty", "Data" };

        [Theory]
        [MemberData(nameof(StartKinds))]
        public async Task Reset_returns_to_the_start_state_and_clears_the_journal_and_the_scripted_faults(string kind)
        {
            var options = new SandboxOptions { Empty = kind == "Empty", Data = kind == "Data" ? SmallShop() : null, Latency = TimeSpan.FromMilliseconds(1) };
            using var emulator = SandboxServer.Start(options);
            using var client = new SignedEmulatorClient(emulator);
            var start = emulator.ExportData().ToJson();

            var proposal = await client.NewProposalAsync("Before the reset");
            using (await client.PostFormAsync("public/proposals/" + proposal + "/area", ("Name", "Attic"))) { }
            using (await client.PostFormAsync("public/webhook/subscribe", ("Url", "https://hooks.example.com/reset"), ("Events", "PersonModification"))) { }
            using (await client.PostFormAsync("public/people", ("PartyType", "Person"), ("ContactType", "Client"), ("FirstName", "Temp"))) { }
            emulator.AddFault("GET", "*", SandboxFaultMode.FailWithStatus, status: 503, count: 3);
            Assert.NotEqual(start, emulator.ExportData().ToJson());

            emulator.Reset();
            Assert.Equal(start, emulator.ExportData().ToJson());
            Assert.Empty(emulator.GetRequests());
            Assert.Empty(emulator.ScriptedFaults);
            Assert.Equal(TimeSpan.FromMilliseconds(1), emulator.Latency); // settings stay
            // Counters start over too: the same create gets the same id again.
            Assert.Equal(proposal, await client.NewProposalAsync("After the reset"));
        }

        [Fact]
        public void Reset_empties_the_webhook_deliveries_and_keeps_the_host_routes()
        {
            using var emulator = SandboxServer.Start(new SandboxOptions { Data = SmallShop(), WebhookRetryDelays = new TimeSpan[0] });
            // The fixture's subscription is https://hooks.example.com/portal: delivered to the emulator
            // itself, which answers 404 and journals the delivery it received.
            emulator.RouteWebhookHost("hooks.example.com", emulator.BaseUri);

            emulator.SetProposalStatus(2101, "Submitted");
            var first = WaitForDelivery(emulator);
            Assert.Equal((42L, 1, 404), (first.SubscriptionId, first.Attempt, first.StatusCode));
            Assert.Equal(new Uri(emulator.BaseUri, "portal"), first.DeliveredTo);
            Assert.Single(emulator.GetRequests("POST", "/portal"));

            emulator.Reset();
            Assert.Empty(emulator.WebhookDeliveries);
            emulator.SetProposalStatus(2101, "Submitted");
            Assert.Equal("proposal.status_changed", WaitForDelivery(emulator).EventType);
        }

        private static SandboxWebhookDelivery WaitForDelivery(SandboxServer emulator)
        {
            for (var i = 0; i < 1000; i++)
            {
                var delivery = emulator.WebhookDeliveries.FirstOrDefault();
                if (delivery != null) return delivery;
                Thread.Sleep(20);
            }
            throw new TimeoutException("No webhook delivery was made.");
        }

        [Fact]
        public async Task The_example_in_the_fixture_documentation_loads_and_behaves_as_the_page_says()
        {
            var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "sandbox-fixture.md"));
            var start = page.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
            var json = page.Substring(start, page.IndexOf("```", start, StringComparison.Ordinal) - start);
            using var emulator = SandboxServer.Start(new SandboxOptions { Data = SandboxData.FromJson(json) });
            using var client = new SignedEmulatorClient(emulator);

            var money = (await GetJsonAsync(client, "public/proposals/2101")).GetProperty("financialSummary");
            Assert.Equal(380.00m, money.GetProperty("proposalSubtotal").GetDecimal());
            Assert.Equal("Texas", money.GetProperty("salesTax").GetProperty("calculation").GetProperty("taxLocation").GetProperty("state").GetString());
            var proposal = await client.NewProposalAsync("Next");
            Assert.Equal((2102, 1202), (proposal, (await GetJsonAsync(client, "public/proposals/" + proposal)).GetProperty("number").GetInt32()));
            using var contact = await client.PostFormAsync("public/people", ("PartyType", "Person"), ("ContactType", "Client"), ("FirstName", "Next"));
            Assert.Equal(502, (await SignedEmulatorClient.JsonAsync(contact)).GetProperty("id").GetInt32());
        }

        public static TheoryData<string, string> BrokenFixtures => new TheoryData<string, string>
        {
            { "[]", "expected an object" },
            { "{\"contacs\": []}", "contacs: is not a property" },
            { "{\"contacts\": [{\"id\": 1}, {\"id\": 1}]}", "contacts[1].id: the contact id 1 is already used by contacts[0]" },
            { "{\"proposals\": [{\"id\": 5, \"salesPersonId\": 95}]}", "proposals[0].salesPersonId: 95 is not a user of the demo dealer" },
            { "{\"proposals\": [{\"id\": 5, \"customerId\": 9}]}", "proposals[0].customerId: there is no contact 9" },
            { "{\"contacts\": [{\"id\": 1, \"locations\": [{\"id\": 7}]}, {\"id\": 2}], \"proposals\": [{\"id\": 5, \"customerId\": 2, \"locationId\": 7}]}", "proposals[0].locationId: 7 is not a location of contact 2" },
            { "{\"proposals\": [{\"id\": 5, \"areas\": [{\"id\": 1, \"name\": \"Den\", \"options\": [{\"id\": 1}]}, {\"id\": 2, \"name\": \"DEN\", \"options\": [{\"id\": 2}]}]}]}", "areas[1].name: proposal 5 already has an area named 'DEN'" },
            { "{\"proposals\": [{\"id\": 5, \"areas\": [{\"id\": 1, \"name\": \"Den\", \"options\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 4}]}]}]}", "at most 3 options" },
            { "{\"proposals\": [{\"id\": 5, \"status\": \"Maybe\"}]}", "proposals[0].status: 'Maybe' is not one of" },
            { "{\"webhooks\": [{\"id\": 1, \"url\": \"http://127.0.0.1/hook\", \"events\": [\"ProposalStatusChanged\"]}]}", "webhooks[0].url: 'Url' must use https" },
            { "{\"catalog\": [{\"id\": 1, \"itemType\": \"Part\"}]}", "catalog[0].categoryId: is required for a part" },
            { "{\"contacts\": [{\"id\": \"88\"}]}", "contacts[0].id: expected a whole number, got the string \"88\"" },
            { "{\"contacts\": [", "not valid JSON" },
        };

        [Theory]
        [MemberData(nameof(BrokenFixtures))]
        public void A_fixture_that_breaks_a_rule_is_refused_naming_the_place(string json, string expected)
        {
            var error = Assert.Throws<FormatException>(() => SandboxData.FromJson(json));
            Assert.Contains(expected, error.Message);
            Assert.Throws<ArgumentException>(() => SandboxServer.Start(new SandboxOptions { Empty = true, Data = SmallShop() }));
        }
    }
}
