using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using PortalIo.Models;

namespace PortalIo.Http
{
    /// <summary>Reads every JSON array bound to a List&lt;T&gt; as a <see cref="TextList{T}"/> (see there why).</summary>
    internal sealed class TextListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(TextListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

        private sealed class TextListConverter<T> : JsonConverter<List<T>>
        {
            public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A JSON array was expected.");
                var list = new TextList<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    list.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
                return list;
            }

            public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options)
            {
                writer.WriteStartArray();
                foreach (var item in value) JsonSerializer.Serialize(writer, item, options);
                writer.WriteEndArray();
            }
        }
    }
}
