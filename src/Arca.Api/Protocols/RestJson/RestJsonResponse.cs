using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Arca.Api.Protocols.RestJson;

/// <summary>The output of a restJson1 operation; a null status means the operation's modelled success status.</summary>
public sealed record RestJsonResponse(ReadOnlyMemory<byte> Json, int? Status = null)
{
    /// <summary>An empty JSON object.</summary>
    public static RestJsonResponse Empty { get; } = new("{}"u8.ToArray());

    /// <summary>The output <paramref name="value"/> serialized with its source-generated <paramref name="type"/>.</summary>
    public static RestJsonResponse From<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.SerializeToUtf8Bytes(value, type));
}
