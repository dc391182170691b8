namespace Arca.Api.Auth;

/// <summary>
/// A transport-neutral description of one HTTP request, as much of it as SigV4 needs.
/// </summary>
/// <param name="Method">The HTTP method exactly as received (SigV4 uses it verbatim).</param>
/// <param name="RawTarget">
/// The request target exactly as received on the request line, path and query still
/// percent-encoded (ASP.NET Core: <c>IHttpRequestFeature.RawTarget</c>, never the decoded
/// <c>Request.Path</c>). Absolute-form targets (<c>http://host/path</c>) are accepted; their scheme
/// and authority are ignored.
/// </param>
/// <param name="Headers">
/// Every header as received, one entry per field line; a name may repeat, names compare
/// case-insensitively. Must include <c>Host</c> (with its port) for verification.
/// </param>
/// <param name="Body">The request body; ignored when <see cref="BodySha256"/> is set.</param>
/// <remarks>
/// Immutable value; equality of <see cref="Headers"/> and <see cref="Body"/> is by reference, as for
/// any record holding collections.
/// </remarks>
public sealed record SigV4Request(
    string Method,
    string RawTarget,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>
    /// Lowercase hex SHA-256 of the body when the transport already computed it (a streamed body);
    /// null means <see cref="Body"/> is the whole body and is hashed on demand.
    /// </summary>
    public string? BodySha256 { get; init; }

    /// <summary>The path part of <see cref="RawTarget"/>, still encoded; never empty for origin-form targets.</summary>
    public string RawPath
    {
        get
        {
            string target = OriginForm(RawTarget);
            int query = target.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? target : target[..query];
        }
    }

    /// <summary>The query part of <see cref="RawTarget"/> after the first <c>?</c>, still encoded; empty if none.</summary>
    public string RawQuery
    {
        get
        {
            string target = OriginForm(RawTarget);
            int query = target.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? string.Empty : target[(query + 1)..];
        }
    }

    /// <summary>Every value of the header <paramref name="name"/> in arrival order (case-insensitive name).</summary>
    public IEnumerable<string> HeaderValues(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return header.Value;
            }
        }
    }

    /// <summary>True when at least one header named <paramref name="name"/> is present.</summary>
    public bool HasHeader(string name) => HeaderValues(name).Any();

    /// <summary>A copy with every header named <paramref name="name"/> replaced by one entry.</summary>
    public SigV4Request WithHeader(string name, string value)
    {
        var headers = new List<KeyValuePair<string, string>>(Headers.Count + 1);
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header);
            }
        }

        headers.Add(new(name, value));
        return this with { Headers = headers };
    }

    private static string OriginForm(string target)
    {
        int scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || target.StartsWith('/'))
        {
            return target;
        }

        int path = target.IndexOfAny(['/', '?'], scheme + 3);
        if (path < 0)
        {
            return "/";
        }

        return target[path] == '?' ? "/" + target[path..] : target[path..];
    }
}
