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
            private JsonConverter<T>? _items;

            public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A JSON array was expected.");
                // The item converter itself, not JsonSerializer.Deserialize: that would look the type up
                // again for every item and read each one through twice (once to find its end).
                var items = _items ??= (JsonConverter<T>)options.GetConverter(typeof(T));
                var list = new TextList<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null && default(T) is null && !items.HandleNull)
                        list.Add(default!);
                    else
                        list.Add(items.Read(ref reader, typeof(T), options)!);
                }
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
