using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arca.Storage.Format;

/// <summary>Source-generated JSON for every persisted JSON object. Deterministic output.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(BlobIdJsonConverter)],
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(VaultConfig))]
[JsonSerializable(typeof(KeyObject))]
[JsonSerializable(typeof(Tree))]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(LockRecord))]
internal sealed partial class FormatJson : JsonSerializerContext
{
    /// <summary>Deserializes, turning every malformation into a <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, info) ?? throw new FormatException($"{what} is empty");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what} is malformed: {e.Message}", e);
        }
    }
}
