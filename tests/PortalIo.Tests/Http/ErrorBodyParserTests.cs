using System.Text;
using PortalIo.Http;
using Xunit;

namespace PortalIo.Tests.Http
{
    public class ErrorBodyParserTests
    {
        private static ParsedError Parse(string body, int status = 400) => ErrorBodyParser.Parse(Encoding.UTF8.GetBytes(body), status);

        [Fact]
        public void Structured_response_status_gives_message_code_and_fields()
        {
            var parsed = Parse("{\"responseStatus\":{\"errorCode\":\"Invalid\",\"message\":\"PageNumber must be 1 or greater\",\"errors\":[{\"errorCode\":\"GreaterThan\",\"fieldName\":\"PageNumber\",\"message\":\"'Page Number' must be greater than '0'.\"}]}}");
            Assert.Equal("PageNumber must be 1 or greater", parsed.Message);
            Assert.Equal("Invalid", parsed.ErrorCode);
            Assert.Equal("PageNumber", Assert.Single(parsed.FieldErrors).FieldName);
        }

        [Fact]
        public void Bare_json_string_is_the_message()
        {
            Assert.Equal("You are not authorized. Your request signature (hash) is invalid.",
                Parse("\"You are not authorized. Your request signature (hash) is invalid.\"", 401).Message);
        }

        [Fact]
        public void Bare_text_is_the_message()
        {
            Assert.Equal("Bad Request", Parse("Bad Request").Message);
        }

        [Fact]
        public void Html_from_a_proxy_gives_its_title()
        {
            Assert.Equal("502 Bad Gateway", Parse("<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>", 502).Message);
        }

        [Fact]
        public void Truncated_json_and_empty_bodies_still_give_a_readable_message()
        {
            Assert.Equal("{\"responseStatus\":{\"mess", Parse("{\"responseStatus\":{\"mess").Message);
            Assert.Equal("Conflict (empty body)", Parse("", 409).Message);
        }

        [Fact]
        public void Field_errors_without_a_message_supply_it()
        {
            var parsed = Parse("{\"responseStatus\":{\"errors\":[{\"fieldName\":\"Name\",\"message\":\"Required\"}]}}");
            Assert.Equal("Name: Required", parsed.Message);
        }
    }
}
