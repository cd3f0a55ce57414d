using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PortalIo.Sandbox;
using PortalIo.Sandbox.Journal;
using Xunit;

namespace PortalIo.Tests.Sandbox
{
    /// <summary>The emulator's request journal: what it received, parsed for assertions, and never a secret.</summary>
    public class RequestJournalTests
    {
        [Fact]
        public async Task The_journal_keeps_each_request_oldest_first_with_its_query_body_status_and_caller()
        {
            using var emulator = SandboxServer.Start();
            using var client = new SignedEmulatorClient(emulator);
            var userKey = client.UserKey;
            emulator.ClearRequests();
            var before = DateTime.UtcNow.AddSeconds(-1);

            using (await client.GetAsync("public/proposals?Statuses=Draft&statuses=Submitted&PageSize=5")) { }
            using (await client.PostFormAsync("public/proposals/" + SandboxSeed.DraftProposalId + "/area", ("Name", "Wine Cellar & Bar"))) { }
            using (await client.PostJsonAsync("public/proposals/" + SandboxSeed.DraftProposalId + "/contact/" + SandboxSeed.SmithContactId,
                       "{\"proposalId\":" + SandboxSeed.DraftProposalId + ",\"contactId\":" + SandboxSeed.SmithContactId + ",\"tags\":[\"a\",1,2.5,true,null]}")) { }

            var requests = emulator.GetRequests();
            Assert.Equal(new[] { "GET", "POST", "POST" }, requests.Select(r => r.Method));
            Assert.True(requests[0].Sequence < requests[1].Sequence && requests[1].Sequence < requests[2].Sequence);
            Assert.All(requests, r => Assert.InRange(r.ReceivedAtUtc, before, DateTime.UtcNow.AddSeconds(1)));
            Assert.All(requests, r => Assert.Equal(emulator.ApplicationKey, r.ApplicationKey));
            Assert.All(requests, r => Assert.Equal(emulator.UserName, r.UserName));
            Assert.All(requests, r => Assert.True(r.SignatureValid && r.Processed && r.Outcome == SandboxRequestOutcome.Answered));

            var list = requests[0];
            Assert.Equal("/public/proposals", list.Path);
            Assert.Equal(200, list.StatusCode);
            // One parameter whatever the case of its name, as the API binds it; every value in order.
            Assert.Equal(new[] { "Draft", "Submitted" }, list.QueryParameters["STATUSES"]);
            Assert.Equal(new[] { "5" }, list.QueryParameters["PageSize"]);
            Assert.Equal(SandboxBodyKind.None, list.BodyKind);
            Assert.Null(list.ParsedBody);

            var area = requests[1];
            Assert.Equal(201, area.StatusCode);
            Assert.Equal(SandboxBodyKind.Form, area.BodyKind);
            var form = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(area.ParsedBody);
            Assert.Equal("Wine Cellar & Bar", form["name"]);

            var assign = requests[2];
            Assert.Equal(SandboxBodyKind.Json, assign.BodyKind);
            var json = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(assign.ParsedBody);
            Assert.Equal((long)SandboxSeed.DraftProposalId, json["proposalId"]);
            Assert.Equal(new object?[] { "a", 1L, 2.5m, true, null }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(json["tags"]));
            Assert.DoesNotContain(userKey, string.Join("|", requests.Select(r => r.Body + r.Query + r.ApplicationKey)));
        }

        [Fact]
        public async Task Repeated_form_fields_become_a_list_and_a_multipart_file_is_kept_as_its_name_and_size_only()
        {
            using var emulator = SandboxServer.Start();
            using var client = new SignedEmulatorClient(emulator);
            using (await client.SendAsync("POST", "public/webhook/subscribe", SignedEmulatorClient.Form,
                       Encoding.UTF8.GetBytes("Url=https%3A%2F%2Fhooks.example.com%2Fportal&Events=ProposalStatusChanged&Events=PersonModification"))) { }
            var file = new byte[3000];
            new Random(1).NextBytes(file);
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent("Discovery call"), "Name" },
                { new ByteArrayContent(file), "File", "call.mp3" },
            };
            using (await client.SendAsync("POST", "public/proposals/" + SandboxSeed.DraftProposalId + "/ai/content", content: multipart)) { }

            var subscribe = emulator.GetRequests("POST", "/public/webhook/subscribe").Single();
            var fields = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(subscribe.ParsedBody);
            Assert.Equal(new[] { "ProposalStatusChanged", "PersonModification" }, Assert.IsAssignableFrom<IReadOnlyList<string>>(fields["Events"]));
            Assert.Equal("https://hooks.example.com/portal", fields["Url"]);

            var upload = emulator.GetRequests(path: "*/ai/content").Single();
            Assert.Equal(SandboxBodyKind.Multipart, upload.BodyKind);
            var parts = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(upload.ParsedBody);
            Assert.Equal("Discovery call", parts["Name"]);
            var uploaded = Assert.IsType<SandboxUploadedFile>(parts["File"]);
            Assert.Equal(("call.mp3", 3000L), (uploaded.FileName, uploaded.Length));
        }

        [Fact]
        public async Task Requests_are_found_by_method_path_wildcard_and_last_n_and_clearing_empties_the_journal()
        {
            using var emulator = SandboxServer.Start();
            using var client = new SignedEmulatorClient(emulator);
            _ = client.UserKey;
            var proposal = await client.NewProposalAsync("Journal queries");
            foreach (var name in new[] { "Kitchen", "Den", "Patio" })
                using (await client.PostFormAsync("public/proposals/" + proposal + "/area", ("Name", name))) { }
            using (await client.GetAsync("public/proposals/" + proposal)) { }

            var areas = emulator.GetRequests("post", "/PUBLIC/proposals/*/area");
            Assert.Equal(new[] { "Kitchen", "Den", "Patio" }, areas.Select(r => ((IReadOnlyDictionary<string, object?>)r.ParsedBody!)["Name"]));
            Assert.Equal(new[] { "Den", "Patio" }, emulator.GetRequests("POST", "*/area", last: 2).Select(r => ((IReadOnlyDictionary<string, object?>)r.ParsedBody!)["Name"]));
            Assert.Single(emulator.GetRequests("GET", "/public/proposals/" + proposal));
            Assert.Equal(3, emulator.GetRequests(path: "/public/proposals/" + proposal + "/ar?a").Count);
            Assert.Equal(3, emulator.GetRequests(path: "public/proposals/[0-9]*/area").Count);
            Assert.Empty(emulator.GetRequests("DELETE"));
            Assert.Throws<ArgumentOutOfRangeException>(() => emulator.GetRequests(last: 0));
            Assert.Throws<ArgumentException>(() => emulator.GetRequests(path: "/public/[proposals"));

            emulator.ClearRequests();
            Assert.Empty(emulator.GetRequests());
            using (await client.GetAsync("public/users")) { }
            Assert.Equal("/public/users", Assert.Single(emulator.GetRequests()).Path);
            Assert.Equal(emulator.RequestLog.Count, emulator.GetRequests().Count);
        }

        [Fact]
        public async Task No_secret_reaches_the_journal_whatever_the_client_sends()
        {
            using var emulator = SandboxServer.Start();
            using var client = new SignedEmulatorClient(emulator);
            var userKey = client.UserKey;
            var password = emulator.Password;
            // A careless script: the secret key in a form field, the password in a JSON body and in a
            // Password query parameter of a normal call, the user key in a free-text field.
            using (await client.PostFormAsync("public/proposals/" + SandboxSeed.DraftProposalId + "/description", ("Description", "key " + emulator.SecretKey + " / " + userKey))) { }
            using (await client.PostJsonAsync("public/proposals/" + SandboxSeed.DraftProposalId + "/contact/" + SandboxSeed.SmithContactId,
                       "{\"proposalId\":" + SandboxSeed.DraftProposalId + ",\"contactId\":" + SandboxSeed.SmithContactId + ",\"password\":\"" + password + "\"}")) { }
            using (await client.GetAsync("public/users?Password=" + Uri.EscapeDataString(password) + "&note=" + Uri.EscapeDataString(password))) { }

            var requests = emulator.GetRequests();
            var exchange = requests.First(r => r.Path == "/authenticate/apikeyexchange");
            Assert.Equal(new[] { SecretRedactor.Mask }, exchange.QueryParameters["Password"]);
            Assert.Contains("Password=***", exchange.Query);
            var assign = requests.Single(r => r.BodyKind == SandboxBodyKind.Json);
            Assert.Equal(SecretRedactor.Mask, ((IReadOnlyDictionary<string, object?>)assign.ParsedBody!)["password"]);

            // Everything each record exposes, as a serializer (or Export-Clixml) would write it.
            var everything = JsonSerializer.Serialize(requests, new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var secret in new[] { emulator.SecretKey, userKey, password, Uri.EscapeDataString(password), Uri.EscapeDataString(userKey), Uri.EscapeDataString(emulator.SecretKey) })
                Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("key *** / ***", everything);
        }

        [Fact]
        public void The_journal_keeps_the_most_recent_requests_up_to_its_capacity()
        {
            var journal = new RequestJournal();
            for (var i = 0; i < RequestJournal.Capacity + 5; i++) journal.Add(new SandboxRequestRecord { Method = "GET", Path = "/p/" + i });
            var kept = journal.Snapshot();
            Assert.Equal(SandboxServer.JournalCapacity, kept.Count);
            Assert.Equal("/p/5", kept[0].Path);
            Assert.Equal(RequestJournal.Capacity + 5, kept[kept.Count - 1].Sequence);
            Assert.Equal(RequestJournal.Capacity + 5, journal.TotalRecorded);
        }
    
        [Fact]
        public async Task Each_record_counts_the_requests_held_when_it_arrived()
        {
            const int together = 4;
            using var allArrived = new System.Threading.CountdownEvent(together);
            var holding = false;
            // The observer runs while a request is held: the first three wait there until the fourth
            // has arrived, so the fourth finds all four held whatever the machine's speed.
            void Observe(PortalIo.Sandbox.Diagnostics.SandboxObservedRequest request)
            {
                if (!System.Threading.Volatile.Read(ref holding) || !request.RawUrl.StartsWith("/public/users", StringComparison.Ordinal)) return;
                allArrived.Signal();
                allArrived.Wait(TimeSpan.FromSeconds(30));
            }
            using var emulator = SandboxServer.Start(new SandboxOptions { RequestObserver = Observe });
            using var client = new SignedEmulatorClient(emulator);
            _ = client.UserKey;
            for (var i = 0; i < 3; i++) using (await client.GetAsync("public/users")) { }
            System.Threading.Volatile.Write(ref holding, true);

            var answers = await Task.WhenAll(Enumerable.Range(0, together).Select(_ => client.GetAsync("public/users")));
            foreach (var answer in answers) answer.Dispose();

            var users = emulator.GetRequests(path: "/public/users");
            Assert.Equal(new[] { 1, 1, 1 }, users.Take(3).Select(r => r.InFlightOnArrival));
            Assert.Equal(Enumerable.Range(1, together), users.Skip(3).Select(r => r.InFlightOnArrival).OrderBy(n => n));
        }
}
}
