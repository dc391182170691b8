using Arca.Api.Auth;
using Microsoft.AspNetCore.Http;

namespace Arca.Api.Edge;

/// <summary>The SigV4 view of an ASP.NET Core request: the raw target, every header value, the buffered body.</summary>
internal static class HttpSigV4
{
    public static SigV4Request ToRequest(HttpRequest request, string rawTarget, ReadOnlyMemory<byte> body)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in request.Headers)
        {
            foreach (string? value in values)
            {
                headers.Add(new(name, value ?? string.Empty));
            }
        }

        return new SigV4Request(request.Method, rawTarget, headers, body);
    }

    /// <summary>The service a request claims in its credential scope (Authorization header or presigned query), or null.</summary>
    public static string? ClaimedService(HttpRequest request, string rawTarget)
    {
        string authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return SigV4AuthorizationParser.TryParseHeader(authorization, out SigV4Authorization? parsed, out _) ? parsed.Scope.Service : null;
        }

        int q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string query = q < 0 ? string.Empty : rawTarget[(q + 1)..];
        return SigV4AuthorizationParser.HasQueryAuthentication(query) && SigV4AuthorizationParser.TryParseQuery(query, out SigV4Authorization? presigned, out _)
            ? presigned.Scope.Service
            : null;
    }
}
