using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Arca.Control.Errors;

namespace Arca.Api.Protocols;

/// <summary>Reading JSON request bodies the way AWS's JSON services do: an empty body is <c>{}</c>; malformed JSON is a 400.</summary>
internal static class JsonBodies
{
    /// <exception cref="AwsServiceException"><paramref name="errorCode"/> (400) naming where the JSON is wrong.</exception>
    public static T Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return (body.IsEmpty ? JsonSerializer.Deserialize("{}"u8, type) : JsonSerializer.Deserialize(body.Span, type))
                ?? throw new AwsServiceException(errorCode, "The request body must be a JSON object, not null.", 400);
        }
        catch (JsonException e)
        {
            string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" at {e.Path}";
            throw new AwsServiceException(errorCode, $"The request body is not valid JSON for this operation{where}.", 400);
        }
    }
}
