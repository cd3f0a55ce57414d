using System;
using PortalIo.Signing;
using Xunit;

namespace PortalIo.Tests.Signing
{
    /// <summary>
    /// Expected values were computed outside the code under test, with
    /// <c>printf '%s' "$message" | openssl dgst -sha256 -hmac "$secret" -binary | base64</c>,
    /// using the documentation's example date and user key and a made-up secret.
    /// </summary>
    public class KnownAnswerTests
    {
        private const string Secret = "dGVzdC1zZWNyZXQta2V5LWZvci1wb3J0YWwtaW8=";
        private const string Date = "Mon, 06 Apr 2026 00:22:19 GMT";
        private const string UserKey = "qBOSOYDeZaSzTxqMCL1Kr66JpU2H6wHCLz7xviZUOcA=";

        [Fact]
        public void Exchange_get_signs_method_url_and_date_only()
        {
            var uri = new Uri("https://sandbox.api.portal.io/authenticate/apikeyexchange?UserName=user%40example.com&Password=MyP%40ss123");
            var canonical = CanonicalMessage.Build("GET", uri, contentType: "application/x-www-form-urlencoded", Date, userKey: "");

            Assert.Equal("GEThttps://sandbox.api.portal.io/authenticate/apikeyexchangeMon, 06 Apr 2026 00:22:19 GMT", canonical);
            Assert.Equal("Lot5EmSDooER7s7DgpIHPANWcy+6p5O24/QlpSgXaVA=", new RequestSigner(Secret).Sign(canonical));
        }

        [Fact]
        public void Paged_get_leaves_the_query_string_out()
        {
            var uri = new Uri("https://api.portal.io/public/proposals?PageNumber=1&PageSize=10");
            var canonical = CanonicalMessage.Build("GET", uri, null, Date, UserKey);

            Assert.Equal("GEThttps://api.portal.io/public/proposalsMon, 06 Apr 2026 00:22:19 GMT" + UserKey, canonical);
            Assert.Equal("2ogHM+sVNF2yy0KepVo1swduBm7BYXJceRSAwY2q6Vc=", new RequestSigner(Secret).Sign(canonical));
        }

        [Fact]
        public void Form_post_signs_the_content_type_between_url_and_date()
        {
            var uri = new Uri("https://api.portal.io/public/proposals/1042/area");
            var canonical = CanonicalMessage.Build("POST", uri, "application/x-www-form-urlencoded", Date, UserKey);

            Assert.Equal("POSThttps://api.portal.io/public/proposals/1042/areaapplication/x-www-form-urlencodedMon, 06 Apr 2026 00:22:19 GMT" + UserKey, canonical);
            Assert.Equal("7yS+w0v8CA5gqhqh+2ZxqLP+obB4RNPxJ4p2xKspFw0=", new RequestSigner(Secret).Sign(canonical));
        }

        [Fact]
        public void Create_proposal_post_matches_the_reference_vector()
        {
            var canonical = CanonicalMessage.Build("POST", new Uri("https://api.portal.io/public/proposals"), "application/x-www-form-urlencoded", Date, UserKey);
            Assert.Equal("3lGDsqTYtDglfNA2zTcYJSRgQG6J6wP4mXMBX9mVpVw=", RequestSigner.Sign(Secret, canonical));
        }

        [Fact]
        public void Secret_is_used_as_ascii_text_not_base64_decoded()
        {
            // The alternative reading (decode the Base64 first) gives YH9Vg... for the exchange message.
            var canonical = "GEThttps://sandbox.api.portal.io/authenticate/apikeyexchangeMon, 06 Apr 2026 00:22:19 GMT";
            Assert.NotEqual("YH9VgJQ1dwJwBQcir2myEgzp0JWPaBIGRvu7NXZQZEM=", RequestSigner.Sign(Secret, canonical));
        }

        [Theory]
        [InlineData("http://127.0.0.1:54321/public/users?x=1", "http://127.0.0.1:54321/public/users")]
        [InlineData("https://API.Portal.io:443/public/proposals/1042", "https://api.portal.io/public/proposals/1042")]
        [InlineData("https://api.portal.io/public/people/7/location?PageNumber=2#frag", "https://api.portal.io/public/people/7/location")]
        public void Signed_url_is_scheme_host_port_and_path(string requested, string signed)
        {
            Assert.Equal(signed, CanonicalMessage.SignedUrl(new Uri(requested)));
        }

        [Fact]
        public void Masked_message_never_contains_the_user_key()
        {
            var masked = CanonicalMessage.BuildMasked("GET", new Uri("https://api.portal.io/public/users"), null, Date, UserKey);
            Assert.DoesNotContain(UserKey, masked);
            Assert.EndsWith(Date + CanonicalMessage.MaskedUserKey, masked);
        }

        [Fact]
        public void Signer_is_safe_across_threads_and_secrets()
        {
            var a = new RequestSigner(Secret);
            var b = new RequestSigner("another-secret");
            var message = "GEThttps://api.portal.io/public/users" + Date;
            var expectedA = a.Sign(message);
            var expectedB = b.Sign(message);
            System.Threading.Tasks.Parallel.For(0, 2000, i =>
            {
                Assert.Equal(expectedA, a.Sign(message));
                Assert.Equal(expectedB, b.Sign(message));
            });
        }
    }
}
