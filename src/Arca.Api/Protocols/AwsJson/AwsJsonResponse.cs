using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Arca.Api.Protocols.AwsJson;

/// <summary>The JSON output of an awsJson1.1 operation (HTTP 200).</summary>
public sealed record AwsJsonResponse(ReadOnlyMemory<byte> Json)
{
    /// <summary><c>{}</c>: an operation without output.</summary>
    public static AwsJsonResponse Empty { get; } = new("{}"u8.ToArray());

    /// <summary>The output <paramref name="value"/> serialized with its source-generated <paramref name="type"/>.</summary>
    public static AwsJsonResponse From<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.SerializeToUtf8Bytes(value, type));
}
