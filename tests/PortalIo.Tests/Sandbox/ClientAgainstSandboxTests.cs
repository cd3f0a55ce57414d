using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Sandbox;
using PortalIo.Session;
using PortalIo.Signing;
using Xunit;

namespace PortalIo.Tests.Sandbox
{
    /// <summary>The client against the sandbox on loopback: real sockets, real signature checks.</summary>
    public class ClientAgainstSandboxTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _sandbox;

        public ClientAgainstSandboxTests(SandboxFixture sandbox) => _sandbox = sandbox;

        private Task<PortalSession> ConnectAsync(string userPrefix = "demo", string? secret = null, ClientSettings? settings = null)
        {
            var user = _sandbox.User(userPrefix);
            return SessionConnector.ConnectAsync(new ConnectRequest
            {
                BaseUri = _sandbox.Server.BaseUri,
                EnvironmentName = "Custom",
                ApplicationKey = _sandbox.Server.ApplicationKey,
                SecretKey = SandboxFixture.Secure(secret ?? _sandbox.Server.SecretKey),
                UserName = user.UserName,
                Password = SandboxFixture.Secure(user.Password),
                Settings = settings ?? new ClientSettings(),
            }, null, CancellationToken.None);
        }

        private static PortalCall Call(PortalSession session) => new PortalCall(session.Client, null, CancellationToken.None);

        [Fact]
        public async Task Exchange_authenticates_with_an_empty_user_key_and_returns_the_user()
        {
            var session = await ConnectAsync();
            Assert.Equal("demo@portal.local", session.UserName);
            Assert.NotEmpty(session.Roles);
            var exchange = _sandbox.Server.RequestLog.Last(r => r.Path == "/authenticate/apikeyexchange");
            Assert.True(exchange.SignatureValid);
            Assert.DoesNotContain(_sandbox.User("demo").Password, exchange.Query);
        }

        [Fact]
        public async Task Wrong_secret_gets_the_exact_signature_message()
        {
            var error = await Assert.ThrowsAsync<PortalApiException>(() => ConnectAsync(secret: "not-the-secret"));
            Assert.Equal(401, error.StatusCode);
            Assert.True(error.IsSignatureMismatch);
            Assert.Equal("You are not authorized. Your request signature (hash) is invalid.", error.ApiMessage);
        }

        [Fact]
        public async Task Listing_pages_through_every_proposal_once()
        {
            // Other tests of this class create proposals in the shared sandbox: count from the server's total.
            var session = await ConnectAsync();
            var expected = (await ProposalsApi.List(Call(session), new ProposalFilter()).FetchAsync(1, 1)).TotalCount;
            var all = PagedReader.Read(ProposalsApi.List(Call(session), new ProposalFilter()), new PagingWindow(7)).ToList();
            Assert.Equal(expected, all.Count);
            Assert.True(all.Count >= SandboxSeed.DemoDealerListedProposalCount);
            Assert.Equal(all.Count, all.Select(p => p.Id).Distinct().Count());
        }

        [Fact]
        public async Task Filters_reach_the_server_encoded_correctly()
        {
            var session = await ConnectAsync();
            var filter = new ProposalFilter();
            filter.Statuses.Add("Accepted");
            filter.Statuses.Add("Declined");
            var found = PagedReader.Read(ProposalsApi.List(Call(session), filter), new PagingWindow(50)).ToList();
            Assert.NotEmpty(found);
            Assert.All(found, p => Assert.Contains(p.Status, new[] { "Accepted", "Declined" }));

            var search = new ProposalFilter { SearchText = "Smith Residence" };
            Assert.Contains(PagedReader.Read(ProposalsApi.List(Call(session), search), new PagingWindow(50)), p => p.Id == SandboxSeed.DraftProposalId);
        }

        [Fact]
        public async Task Page_number_zero_is_refused_by_proposals_with_the_structured_body()
        {
            var session = await ConnectAsync();
            var request = PortalRequest.Get("public/proposals").AddQuery("PageNumber", "0");
            var error = await Assert.ThrowsAsync<PortalApiException>(() => Call(session).SendForSuccessAsync(request));
            Assert.Equal(400, error.StatusCode);
            Assert.Contains(error.FieldErrors, f => f.FieldName == "PageNumber");
        }

        [Fact]
        public async Task Detail_links_areas_and_options_to_their_parents()
        {
            var session = await ConnectAsync();
            var proposal = await ProposalsApi.GetAsync(Call(session), SandboxSeed.DraftProposalId);
            Assert.True(proposal.IsDetail);
            Assert.Equal("Smith Residence AV", proposal.Name);
            var area = Assert.Single(proposal.Areas!, a => a.Id == SandboxSeed.DraftProposalLivingRoomAreaId);
            Assert.Equal(SandboxSeed.DraftProposalId, area.ProposalId);
            Assert.All(area.Options!, o => Assert.Equal((SandboxSeed.DraftProposalId, area.Id), (o.ProposalId, o.AreaId)));
        }

        [Fact]
        public async Task Form_posts_create_and_business_rules_answer_400_and_409()
        {
            var session = await ConnectAsync();
            var created = await ProposalsApi.CreateAsync(Call(session), SandboxSeed.DemoSalesPersonId, "Client test " + Guid.NewGuid().ToString("N"));
            Assert.Equal("Draft", created.Status);

            var area = await ProposalsApi.AddAreaAsync(Call(session), created.Id, "Kitchen & Bar");
            Assert.Equal("Kitchen & Bar", area.Name);
            Assert.Single(area.Options!);

            var duplicate = await Assert.ThrowsAsync<PortalApiException>(() => ProposalsApi.AddAreaAsync(Call(session), created.Id, "kitchen & bar"));
            Assert.Equal(400, duplicate.StatusCode);

            await ProposalsApi.AddAreaOptionAsync(Call(session), created.Id, area.Id, "Better", null);
            var third = await ProposalsApi.AddAreaOptionAsync(Call(session), created.Id, area.Id, "Best", "notes");
            Assert.Equal("Best", third.ClientDescription);
            var fourth = await Assert.ThrowsAsync<PortalApiException>(() => ProposalsApi.AddAreaOptionAsync(Call(session), created.Id, area.Id, "Too many", null));
            Assert.Equal(400, fourth.StatusCode);

            var conflict = await Assert.ThrowsAsync<PortalApiException>(() => ProposalsApi.AddAreaAsync(Call(session), SandboxSeed.AcceptedProposalId, "Garage"));
            Assert.Equal(409, conflict.StatusCode);
        }

        [Fact]
        public async Task A_content_type_signed_differently_than_sent_gets_401()
        {
            var session = await ConnectAsync();
            var userKey = SecretText.Reveal(session.UserKey);
            using var http = new System.Net.Http.HttpClient();
            var uri = new Uri(_sandbox.Server.BaseUri, "public/proposals/" + SandboxSeed.DraftProposalId + "/area");
            var date = PortalDate.Now();
            var canonical = CanonicalMessage.Build("POST", uri, "application/x-www-form-urlencoded", date, userKey);
            using var message = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, uri)
            {
                Content = new System.Net.Http.StringContent("Name=Wrong+Type", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            message.Headers.Add("X-MSS-API-APPID", _sandbox.Server.ApplicationKey);
            message.Headers.Add("X-MSS-API-USERKEY", userKey);
            message.Headers.Add("X-MSS-CUSTOM-DATE", date);
            message.Headers.Add("X-MSS-SIGNATURE", RequestSigner.Sign(_sandbox.Server.SecretKey, canonical));
            using var response = await http.SendAsync(message);
            Assert.Equal(401, (int)response.StatusCode);
            Assert.Equal("\"You are not authorized. Your request signature (hash) is invalid.\"", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Inactive_subscription_gets_402_and_read_only_user_gets_403_on_writes()
        {
            var lapsed = await ConnectAsync("lapsed");
            var payment = await Assert.ThrowsAsync<PortalApiException>(() => UsersApi.ListAsync(Call(lapsed)));
            Assert.Equal(402, payment.StatusCode);

            var readOnly = await ConnectAsync("readonly");
            Assert.NotEmpty(await UsersApi.ListAsync(Call(readOnly)));
            var forbidden = await Assert.ThrowsAsync<PortalApiException>(() => ProposalsApi.AddAreaAsync(Call(readOnly), SandboxSeed.DraftProposalId, "Nope"));
            Assert.Equal(403, forbidden.StatusCode);
        }

        [Fact]
        public async Task Another_accounts_proposal_is_not_found()
        {
            var session = await ConnectAsync();
            var error = await Assert.ThrowsAsync<PortalApiException>(() => ProposalsApi.GetAsync(Call(session), SandboxSeed.OtherAccountProposalId));
            Assert.Equal(404, error.StatusCode);
        }

        [Fact]
        public async Task Injected_faults_are_retried_with_fresh_signatures()
        {
            using var faulty = SandboxServer.Start(new SandboxOptions { FaultRate = 0.3, RandomSeed = 7 });
            var session = await SessionConnector.ConnectAsync(new ConnectRequest
            {
                BaseUri = faulty.BaseUri,
                ApplicationKey = faulty.ApplicationKey,
                SecretKey = SandboxFixture.Secure(faulty.SecretKey),
                UserName = faulty.UserName,
                Password = SandboxFixture.Secure(faulty.Password),
                Settings = new ClientSettings { MaxRetries = 8, RetryBaseDelay = TimeSpan.FromMilliseconds(1) },
            }, null, CancellationToken.None);
            for (var i = 0; i < 20; i++)
                Assert.Equal(SandboxSeed.DraftProposalId, (await ProposalsApi.GetAsync(Call(session), SandboxSeed.DraftProposalId)).Id);
            Assert.True(faulty.FaultsInjected > 0);
            Assert.Equal(0, faulty.SignatureFailures);
        }
    }
}
