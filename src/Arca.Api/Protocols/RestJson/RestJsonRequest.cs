using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Arca.Api.Protocols.RestJson;

/// <summary>
/// An authenticated restJson1 request: the operation matched by method and path, its path labels (split from
/// the raw target, then unescaped one segment at a time, so <c>%2F</c> inside an ARN label stays in the label),
/// the decoded query, the headers and the body.
/// </summary>
public sealed record RestJsonRequest(
    AwsRequestContext Context,
    RestOperation Operation,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IHeaderDictionary Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>The first value of the query parameter <paramref name="name"/>, or null.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out IReadOnlyList<string>? v) && v.Count > 0 ? v[0] : null;

    /// <summary>The body as <typeparamref name="T"/>; an empty body reads as <c>{}</c>.</summary>
    /// <exception cref="Control.Errors.AwsServiceException"><c>SerializationException</c> (400) for JSON that does not fit.</exception>
    public T Read<T>(JsonTypeInfo<T> type) => JsonBodies.Read(Body, type, "SerializationException");
}
