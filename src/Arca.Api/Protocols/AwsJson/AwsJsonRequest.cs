using System.Text.Json.Serialization.Metadata;

namespace Arca.Api.Protocols.AwsJson;

/// <summary>An authenticated awsJson1.1 request: the operation from <c>X-Amz-Target</c> and the JSON body.</summary>
public sealed record AwsJsonRequest(AwsRequestContext Context, string Operation, ReadOnlyMemory<byte> Body)
{
    /// <summary>The body as <typeparamref name="T"/>; an empty body reads as <c>{}</c>.</summary>
    /// <exception cref="Control.Errors.AwsServiceException"><c>SerializationException</c> (400) for JSON that does not fit.</exception>
    public T Read<T>(JsonTypeInfo<T> type) => JsonBodies.Read(Body, type, "SerializationException");
}
