using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Http;
using PortalIo.Signing;
using Xunit;

namespace PortalIo.Tests.Http
{
    public class PortalClientTests
    {
        [Fact]
        public async Task Every_request_carries_the_signed_headers()
        {
            var kit = new ClientTestKit();
            kit.Handler.Then(HttpStatusCode.OK, "{\"users\":[],\"usersCount\":0}");

            await kit.Client.SendAsync(PortalRequest.Get("public/users").AddQuery("a", "b"), null, CancellationToken.None);

            var sent = kit.Handler.Requests.Single();
            Assert.Equal("application/json", sent.Header("Accept"));
            Assert.Equal(ClientTestKit.AppKey, sent.Header("X-MSS-API-APPID"));
            Assert.Equal(ClientTestKit.UserKey, sent.Header("X-MSS-API-USERKEY"));
            Assert.Equal("Mon, 06 Apr 2026 00:22:19 GMT", sent.Header("X-MSS-CUSTOM-DATE"));
            var expected = RequestSigner.Sign(ClientTestKit.Secret, "GEThttps://api.portal.io/public/usersMon, 06 Apr 2026 00:22:19 GMT" + ClientTestKit.UserKey);
            Assert.Equal(expected, sent.Header("X-MSS-SIGNATURE"));
            Assert.Equal("https://api.portal.io/public/users?a=b", sent.Uri.AbsoluteUri);
        }

        [Fact]
        public async Task Form_post_sends_exactly_the_signed_content_type_and_an_encoded_body()
        {
            var kit = new ClientTestKit();
            kit.Handler.Then(HttpStatusCode.OK);

            await kit.Client.SendAsync(PortalRequest.PostForm("public/proposals/1042/area", new[] { new System.Collections.Generic.KeyValuePair<string, string>("Name", "Living Room & Bar") }), null, CancellationToken.None);

            var sent = kit.Handler.Requests.Single();
            Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
            Assert.Equal("Name=Living+Room+%26+Bar", sent.Body);
            var expected = RequestSigner.Sign(ClientTestKit.Secret,
                "POSThttps://api.portal.io/public/proposals/1042/areaapplication/x-www-form-urlencodedMon, 06 Apr 2026 00:22:19 GMT" + ClientTestKit.UserKey);
            Assert.Equal(expected, sent.Header("X-MSS-SIGNATURE"));
        }

        [Fact]
        public async Task Get_is_retried_on_503_honouring_retry_after_and_each_attempt_is_signed_anew()
        {
            var kit = new ClientTestKit();
            kit.Handler
                .Then(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
                .Then(HttpStatusCode.BadGateway)
                .Then(HttpStatusCode.OK, "{\"users\":[],\"usersCount\":0}");

            var response = await kit.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None);

            Assert.Equal(200, response.StatusCode);
            Assert.Equal(3, response.Attempts);
            Assert.Equal(TimeSpan.FromSeconds(7), kit.Waits[0]);
            Assert.InRange(kit.Waits[1], TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(1000));
            var dates = kit.Handler.Requests.Select(r => r.Header("X-MSS-CUSTOM-DATE")).ToList();
            Assert.Equal(3, dates.Distinct().Count());
            Assert.Equal(3, kit.Handler.Requests.Select(r => r.Header("X-MSS-SIGNATURE")).Distinct().Count());
            foreach (var sent in kit.Handler.Requests)
            {
                var expected = RequestSigner.Sign(ClientTestKit.Secret, "GEThttps://api.portal.io/public/users" + sent.Header("X-MSS-CUSTOM-DATE") + ClientTestKit.UserKey);
                Assert.Equal(expected, sent.Header("X-MSS-SIGNATURE"));
            }
        }

        [Theory]
        [InlineData(408)]
        [InlineData(429)]
        [InlineData(500)]
        [InlineData(504)]
        public async Task Get_is_retried_on_transient_statuses(int status)
        {
            var kit = new ClientTestKit();
            kit.Handler.Then((HttpStatusCode)status).Then(HttpStatusCode.OK);
            var response = await kit.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None);
            Assert.Equal(200, response.StatusCode);
            Assert.Equal(2, kit.Handler.Requests.Count);
        }

        [Theory]
        [InlineData(400)]
        [InlineData(401)]
        [InlineData(404)]
        [InlineData(409)]
        public async Task Client_errors_are_not_retried(int status)
        {
            var kit = new ClientTestKit();
            kit.Handler.Then((HttpStatusCode)status);
            var response = await kit.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None);
            Assert.Equal(status, response.StatusCode);
            Assert.Single(kit.Handler.Requests);
        }

        [Fact]
        public async Task Retries_stop_after_max_retries()
        {
            var kit = new ClientTestKit(maxRetries: 2);
            kit.Handler.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable);
            var response = await kit.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None);
            Assert.Equal(503, response.StatusCode);
            Assert.Equal(3, kit.Handler.Requests.Count);
        }

        [Fact]
        public async Task Post_is_never_repeated_after_a_response_or_a_reset()
        {
            var kit = new ClientTestKit();
            kit.Handler.Then(HttpStatusCode.ServiceUnavailable);
            var response = await kit.Client.SendAsync(PortalRequest.PostForm("public/proposals", new System.Collections.Generic.KeyValuePair<string, string>[0]), null, CancellationToken.None);
            Assert.Equal(503, response.StatusCode);
            Assert.Single(kit.Handler.Requests);

            var reset = new ClientTestKit();
            reset.Handler.ThenResetConnection();
            var error = await Assert.ThrowsAsync<PortalApiException>(() =>
                reset.Client.SendAsync(PortalRequest.PostForm("public/proposals", new System.Collections.Generic.KeyValuePair<string, string>[0]), null, CancellationToken.None));
            Assert.Equal(PortalErrorKind.Network, error.Kind);
            Assert.True(error.MayHaveReachedServer);
            Assert.Single(reset.Handler.Requests);
        }

        [Fact]
        public async Task Post_is_retried_when_the_connection_was_refused()
        {
            var kit = new ClientTestKit();
            kit.Handler.ThenRefuseConnection().Then(HttpStatusCode.OK);
            var response = await kit.Client.SendAsync(PortalRequest.PostForm("public/proposals", new System.Collections.Generic.KeyValuePair<string, string>[0]), null, CancellationToken.None);
            Assert.Equal(200, response.StatusCode);
            Assert.Equal(2, kit.Handler.Requests.Count);
        }

        [Fact]
        public async Task A_stalled_attempt_times_out_and_get_is_retried()
        {
            var kit = new ClientTestKit(maxRetries: 1, timeout: TimeSpan.FromMilliseconds(200));
            kit.Handler.ThenStall().ThenStall();
            var error = await Assert.ThrowsAsync<PortalApiException>(() => kit.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None));
            Assert.Equal(PortalErrorKind.Timeout, error.Kind);
            Assert.Equal(2, kit.Handler.Requests.Count);
            Assert.Contains("timed out", error.Message);
        }

        [Fact]
        public async Task Cancellation_ends_the_call_at_once_and_is_not_a_timeout()
        {
            var kit = new ClientTestKit();
            kit.Handler.ThenStall();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            var started = DateTime.UtcNow;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kit.Client.SendAsync(PortalRequest.Get("public/users"), null, cancel.Token));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
            Assert.Single(kit.Handler.Requests);
        }

        [Fact]
        public async Task Structured_error_body_becomes_an_exception_with_field_errors()
        {
            var kit = new ClientTestKit();
            kit.Handler.Then(HttpStatusCode.BadRequest,
                "{\"responseStatus\":{\"errorCode\":\"DuplicateAreaName\",\"message\":\"An area named 'Kitchen' already exists.\",\"errors\":[{\"errorCode\":\"Duplicate\",\"fieldName\":\"Name\",\"message\":\"Must be unique\"}]}}");
            var request = PortalRequest.PostForm("public/proposals/1/area", new[] { new System.Collections.Generic.KeyValuePair<string, string>("Name", "Kitchen") });
            var error = await Assert.ThrowsAsync<PortalApiException>(() => kit.Client.SendAsync<object>(request, null, CancellationToken.None));
            Assert.Equal(400, error.StatusCode);
            Assert.Equal("DuplicateAreaName", error.ErrorCode);
            Assert.Equal("An area named 'Kitchen' already exists.", error.ApiMessage);
            Assert.Equal("Name", error.FieldErrors.Single().FieldName);
            Assert.Contains("POST https://api.portal.io/public/proposals/1/area failed with 400 Bad Request", error.Message);
        }

        [Fact]
        public async Task Exchange_password_is_redacted_from_errors_and_logs()
        {
            var kit = new ClientTestKit(maxRetries: 0);
            kit.Handler.Then(HttpStatusCode.Unauthorized, "\"Invalid UserName or Password\"");
            var log = new RecordingLog();
            var request = PortalIo.Session.SessionConnector.ExchangeRequest("user@example.com", "S3cret P@ss&word");
            var error = await Assert.ThrowsAsync<PortalApiException>(() => kit.Client.SendAsync<object>(request, log, CancellationToken.None));

            var sent = kit.Handler.Requests.Single();
            Assert.Equal("?UserName=user%40example.com&Password=S3cret%20P%40ss%26word", sent.Uri.Query);
            Assert.Equal(string.Empty, sent.Header("X-MSS-API-USERKEY"));
            foreach (var text in log.Lines.Append(error.Message).Append(error.ToString()))
            {
                Assert.DoesNotContain("S3cret", text);
                Assert.DoesNotContain("P%40ss", text);
            }
            Assert.Contains("Password=***", error.Message);
        }

        [Theory]
        [InlineData("{\"id\":7,\"areas\":[{\"id\":1,\"options\":[{\"id\":2,\"items\":[{\"id\":3,\"zzDeep\":\"x\"}]}]}]}", false)]
        [InlineData("{\"id\":7,\"zzTop\":1,\"areas\":[]}", false)]
        [InlineData("{\"id\":7,\"areas\":[{\"id\":1,\"options\":[{\"id\":2,\"items\":[{\"id\":3}]}]}]}", true)]
        public async Task An_answer_is_known_free_of_unknown_fields_only_when_no_object_at_any_depth_has_one(string body, bool free)
        {
            var kit = new ClientTestKit(maxRetries: 0);
            kit.Handler.Then(HttpStatusCode.OK, body);

            var proposal = await kit.Client.SendAsync<PortalIo.Models.Proposal>(PortalRequest.Get("public/proposals/7"), null, CancellationToken.None);

            // UnknownFields.Surface skips the walk through an answer known to be free of them.
            Assert.Equal(free, proposal.NoUnknownFieldsInTree);
        }

        [Theory]
        [InlineData(40L, "closed after 12 of 40 bytes")]
        public async Task A_body_shorter_than_its_Content_Length_is_a_network_failure(long declared, string message)
        {
            var kit = new ClientTestKit(maxRetries: 0);
            kit.Handler.Then(HttpStatusCode.OK, "{\"users\":[]}", r => r.Content.Headers.ContentLength = declared);

            var error = await Assert.ThrowsAsync<PortalApiException>(() => kit.Client.SendAsync(PortalRequest.Get("public/users"), null, CancellationToken.None));

            Assert.Equal(PortalErrorKind.Network, error.Kind);
            Assert.Contains(message, error.Message);
        }

        [Fact]
        public async Task A_429_pauses_the_session_and_the_retry_waits_out_the_Retry_After_outside_the_limiter()
        {
            var kit = new ClientTestKit();
            var log = new RecordingLog();
            kit.Handler.Then(HttpStatusCode.OK).Then(HttpStatusCode.OK)
                .Then((HttpStatusCode)429, "{}", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1)))
                .Then(HttpStatusCode.OK);
            Assert.Null(kit.Client.RateLimiter.RequestsPerSecond);

            for (var i = 0; i < 3; i++) await kit.Client.SendAsync(PortalRequest.Get("public/users"), log, CancellationToken.None);

            Assert.Equal(4, kit.Handler.Requests.Count);
            // The session holds back until the Retry-After has passed (its rate is set then: AdaptiveRateLimiterTests).
            Assert.Contains(log.Lines, l => l.StartsWith("D 429 Too Many Requests: no request of this session starts before the server's Retry-After of 1 s", StringComparison.Ordinal));
            // The retry's own wait (the Retry-After), then the limiter's hold until that second has passed.
            Assert.Equal(TimeSpan.FromSeconds(1), kit.Waits[0]);
            Assert.Equal(2, kit.Waits.Count);
        }

        internal sealed class RecordingLog : IPortalLog
        {
            public bool IsVerboseEnabled => true;
            public bool IsDebugEnabled => true;
            public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();
            public void Verbose(string message) => Lines.Enqueue("V " + message);
            public void Debug(string message) => Lines.Enqueue("D " + message);
            public void Warning(string message) => Lines.Enqueue("W " + message);
        }
    }
}
