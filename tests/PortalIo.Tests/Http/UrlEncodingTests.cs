using System.Collections.Generic;
using PortalIo.Http;
using Xunit;

namespace PortalIo.Tests.Http
{
    public class UrlEncodingTests
    {
        [Theory]
        [InlineData("user@example.com", "user%40example.com")]
        [InlineData("a b+c&d=e/f?g#h", "a%20b%2Bc%26d%3De%2Ff%3Fg%23h")]
        [InlineData("Ünïcødé €", "%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20%E2%82%AC")]
        [InlineData("🎉", "%F0%9F%8E%89")]
        [InlineData("safe-._~AZaz09", "safe-._~AZaz09")]
        public void Query_values_are_percent_encoded_as_utf8(string value, string expected)
        {
            Assert.Equal(expected, UrlEncoding.Encode(value, spaceAsPlus: false));
        }

        [Fact]
        public void Form_bodies_use_plus_for_space_and_repeat_keys()
        {
            var pairs = new List<KeyValuePair<string, string>>
            {
                new("Statuses", "Draft"),
                new("Statuses", "Submitted"),
                new("Name", "Living Room"),
            };
            Assert.Equal("Statuses=Draft&Statuses=Submitted&Name=Living+Room", UrlEncoding.Join(pairs, spaceAsPlus: true));
        }

        [Fact]
        public void Built_uri_keeps_the_encoding_on_the_wire()
        {
            var request = PortalRequest.Get("public/proposals").AddQuery("SearchText", "Smith & Sons 100%").AddQuery("Statuses", "Draft").AddQuery("Statuses", "Accepted");
            Assert.Equal("https://api.portal.io/public/proposals?SearchText=Smith%20%26%20Sons%20100%25&Statuses=Draft&Statuses=Accepted",
                request.BuildUri(new System.Uri("https://api.portal.io/")).AbsoluteUri);
        }
    }
}
