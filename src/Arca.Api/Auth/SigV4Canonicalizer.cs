using System.Security.Cryptography;
using System.Text;

using Arca.Api.Auth.Internal;

namespace Arca.Api.Auth;

/// <summary>
/// Builds the SigV4 canonical request and string to sign from a request as received. Shared by the
/// signer and the verifier, so that both always agree.
/// </summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class SigV4Canonicalizer
{
    /// <summary>The only algorithm supported.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>
    /// The canonical URI of a raw (still percent-encoded) path.
    /// <see cref="SigV4Flavor.Standard"/>: dot segments and empty segments removed (a trailing
    /// <c>/</c> kept), then every byte outside <c>A-Za-z0-9-_.~/</c> percent-encoded again, so that
    /// <c>/tags/arn%3Aaws</c> becomes <c>/tags/arn%253Aaws</c>.
    /// <see cref="SigV4Flavor.S3"/>: no normalization; each segment decoded and re-encoded once.
    /// An empty path is <c>/</c>.
    /// </summary>
    public static string CanonicalUri(string rawPath, SigV4Flavor flavor)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        if (rawPath.Length == 0)
        {
            return "/";
        }

        var output = new StringBuilder(rawPath.Length + 16);
        if (flavor == SigV4Flavor.S3)
        {
            string[] segments = rawPath.Split('/');
            for (int i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    output.Append('/');
                }

                PercentEncoding.EncodeBytes(output, PercentEncoding.Decode(segments[i]), keepSlash: false);
            }
        }
        else
        {
            PercentEncoding.EncodeText(output, RemoveDotSegments(rawPath), keepSlash: true);
        }

        return output.ToString();
    }

    /// <summary>
    /// The canonical query of a raw query string (without the <c>?</c>): split on <c>&amp;</c> and the
    /// first <c>=</c>, each name and value decoded and re-encoded RFC 3986 style (uppercase hex,
    /// <c>+</c> taken literally), sorted ordinally by encoded name then value, a missing value kept as
    /// <c>name=</c>. Empty components (<c>a=1&amp;&amp;b=2</c>) are dropped.
    /// </summary>
    /// <param name="rawQuery">The query as received.</param>
    /// <param name="excludedName">A parameter to leave out (the presigned <c>X-Amz-Signature</c>), or null.</param>
    public static string CanonicalQuery(string rawQuery, string? excludedName = null)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var pairs = new List<(string Name, string Value)>();
        foreach (string component in rawQuery.Split('&'))
        {
            if (component.Length == 0)
            {
                continue;
            }

            int equals = component.IndexOf('=', StringComparison.Ordinal);
            string name = PercentEncoding.Reencode(equals < 0 ? component : component.AsSpan(0, equals));
            if (excludedName is not null && name == excludedName)
            {
                continue;
            }

            string value = equals < 0 ? string.Empty : PercentEncoding.Reencode(component.AsSpan(equals + 1));
            pairs.Add((name, value));
        }

        pairs.Sort(static (a, b) =>
        {
            int byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(static p => p.Name + "=" + p.Value));
    }

    /// <summary>
    /// The canonical headers block: for each signed header in order, <c>name:value\n</c>, where the value
    /// joins every received value of that header with <c>,</c>, each trimmed and with inner runs of
    /// whitespace collapsed to one space. A signed header that is absent contributes <c>name:\n</c>.
    /// </summary>
    public static string CanonicalHeaders(SigV4Request request, IReadOnlyList<string> signedHeaders)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        var output = new StringBuilder();
        foreach (string name in signedHeaders)
        {
            output.Append(name).Append(':');
            bool first = true;
            foreach (string value in request.HeaderValues(name))
            {
                if (!first)
                {
                    output.Append(',');
                }

                AppendCollapsed(output, value);
                first = false;
            }

            output.Append('\n');
        }

        return output.ToString();
    }

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, canonical headers, signed
    /// headers and payload hash, joined by <c>\n</c>.
    /// </summary>
    /// <param name="request">The request as received (or as about to be sent).</param>
    /// <param name="signedHeaders">Signed header names, lowercase and sorted.</param>
    /// <param name="payloadHash">The payload line: a lowercase hex SHA-256 or <c>UNSIGNED-PAYLOAD</c>.</param>
    /// <param name="flavor">Standard or S3 path canonicalization.</param>
    /// <param name="excludedQueryName">A query parameter to leave out (presigned <c>X-Amz-Signature</c>).</param>
    public static string CanonicalRequest(
        SigV4Request request,
        IReadOnlyList<string> signedHeaders,
        string payloadHash,
        SigV4Flavor flavor,
        string? excludedQueryName = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Join(
            '\n',
            request.Method,
            CanonicalUri(request.RawPath, flavor),
            CanonicalQuery(request.RawQuery, excludedQueryName),
            CanonicalHeaders(request, signedHeaders),
            string.Join(';', signedHeaders),
            payloadHash);
    }

    /// <summary>
    /// The string to sign: <c>AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{hex(SHA-256(canonicalRequest))}</c>.
    /// </summary>
    public static string StringToSign(string amzDate, SigV4Scope scope, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        return $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";
    }

    /// <summary>Lowercase hex SHA-256 of <paramref name="data"/>.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>
    /// RFC 3986 dot-segment removal as the AWS SDKs apply it before signing: <c>.</c> and empty
    /// segments dropped, <c>..</c> drops the previous segment (never above the root), a leading and a
    /// trailing <c>/</c> kept (the trailing one only when a segment remains).
    /// </summary>
    internal static string RemoveDotSegments(string path)
    {
        var kept = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }
            }
            else
            {
                kept.Add(segment);
            }
        }

        string first = path.StartsWith('/') ? "/" : string.Empty;
        string last = path.EndsWith('/') && kept.Count > 0 ? "/" : string.Empty;
        return first + string.Join('/', kept) + last;
    }

    private static void AppendCollapsed(StringBuilder output, string value)
    {
        ReadOnlySpan<char> trimmed = value.AsSpan().Trim();
        bool inSpace = false;
        foreach (char c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                output.Append(' ');
                inSpace = false;
            }

            output.Append(c);
        }
    }
}
