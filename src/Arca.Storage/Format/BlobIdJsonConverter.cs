using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arca.Storage.Format;

/// <summary>Writes a <see cref="BlobId"/> as 64 lowercase hex digits.</summary>
public sealed class BlobIdJsonConverter : JsonConverter<BlobId>
{
    public override BlobId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BlobId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("invalid blob id");

    public override void Write(Utf8JsonWriter writer, BlobId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
