namespace Arca.Api.Protocols.RestJson;

/// <summary>
/// A parsed <see cref="RestOperation.UriTemplate"/>: literal and label segments, and literal query keys. Matching
/// ignores one trailing slash (the CLIs send the model's <c>/backup-jobs/</c>, the JS SDK <c>/backup-jobs</c>).
/// </summary>
internal sealed class RouteTemplate
{
    private readonly string?[] _literals;
    private readonly string?[] _labels;
    private readonly string[] _requiredQueryKeys;

    public RouteTemplate(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        int q = template.IndexOf('?', StringComparison.Ordinal);
        string path = q < 0 ? template : template[..q];
        _requiredQueryKeys = q < 0 ? [] : [.. template[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(k => k.Split('=')[0])];
        string[] segments = Split(path);
        _literals = new string?[segments.Length];
        _labels = new string?[segments.Length];
        for (int i = 0; i < segments.Length; i++)
        {
            string s = segments[i];
            if (s.StartsWith('{') && s.EndsWith('}'))
            {
                _labels[i] = s[1..^1].TrimEnd('+');
            }
            else
            {
                _literals[i] = s;
            }
        }
    }

    /// <summary>How specific the template is: literal segments and query keys count; the best match wins.</summary>
    public int Specificity => (_literals.Count(l => l is not null) * 2) + _requiredQueryKeys.Length;

    /// <summary>The raw path split into segments, still percent-encoded, without empty leading and trailing segments.</summary>
    public static string[] Split(string rawPath)
    {
        string path = rawPath.StartsWith('/') ? rawPath[1..] : rawPath;
        if (path.EndsWith('/'))
        {
            path = path[..^1];
        }

        return path.Length == 0 ? [] : path.Split('/');
    }

    /// <summary>Matches raw segments and query keys; returns the unescaped labels, or null.</summary>
    public Dictionary<string, string>? Match(string[] rawSegments, IReadOnlyDictionary<string, IReadOnlyList<string>> query)
    {
        if (rawSegments.Length != _literals.Length || _requiredQueryKeys.Any(k => !query.ContainsKey(k)))
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < rawSegments.Length; i++)
        {
            string value = Uri.UnescapeDataString(rawSegments[i]);
            if (_literals[i] is { } literal)
            {
                if (!string.Equals(literal, value, StringComparison.Ordinal))
                {
                    return null;
                }
            }
            else if (value.Length == 0)
            {
                return null;
            }
            else
            {
                labels[_labels[i]!] = value;
            }
        }

        return labels;
    }
}
