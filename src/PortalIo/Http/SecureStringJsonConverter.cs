using System;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using PortalIo.Session;

namespace PortalIo.Http
{
    /// <summary>
    /// Reads a secret JSON string straight into a SecureString, so the plain text never lands in a
    /// model property or in AdditionalProperties. Writing never reveals it (null is written).
    /// </summary>
    internal sealed class SecureStringJsonConverter : JsonConverter<SecureString?>
    {
        public override bool HandleNull => true;

        public override SecureString? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("A secret was expected as a JSON string.");
            var text = reader.GetString();
            return string.IsNullOrEmpty(text) ? null : SecretText.Protect(text!);
        }

        public override void Write(Utf8JsonWriter writer, SecureString? value, JsonSerializerOptions options) => writer.WriteNullValue();
    }
}
