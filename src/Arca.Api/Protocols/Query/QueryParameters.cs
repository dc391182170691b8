using System.Globalization;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Microsoft.Extensions.Primitives;

namespace Arca.Api.Protocols.Query;

/// <summary>
/// The parameters of an awsQuery request (form body and query string), with the flattened list conventions:
/// <c>Name.member.N</c> and <c>Name.member.N.Key</c>/<c>.Value</c>.
/// </summary>
public sealed class QueryParameters(IReadOnlyDictionary<string, StringValues> values)
{
    /// <summary>The value of <paramref name="name"/> (the first when repeated), or null when absent.</summary>
    public string? Get(string name) => values.TryGetValue(name, out StringValues v) && v.Count > 0 ? v[0] : null;

    /// <summary>An integer parameter; a value that is not one is a ValidationError naming <paramref name="field"/>.</summary>
    /// <exception cref="AwsServiceException"><c>ValidationError</c>.</exception>
    public int? GetInt(string name, string field)
    {
        string? text = Get(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw IamErrors.Validation(field, text, "Member must be an integer");
    }

    /// <summary>The list <c>Name.member.1</c>, <c>Name.member.2</c>… in index order.</summary>
    public IReadOnlyList<string> GetList(string name) =>
        [.. Members(name).Where(m => m.Suffix.Length == 0).Select(m => m.Value)];

    /// <summary>The key/value list <c>Name.member.N.Key</c> and <c>.Value</c> (a missing value is empty).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GetPairs(string name)
    {
        var pairs = new SortedDictionary<int, (string? Key, string? Value)>();
        foreach ((int index, string suffix, string value) in Members(name))
        {
            (string? key, string? val) = pairs.GetValueOrDefault(index);
            pairs[index] = suffix switch
            {
                ".Key" => (value, val),
                ".Value" => (key, value),
                _ => (key, val),
            };
        }

        return [.. pairs.Values.Where(p => p.Key is not null).Select(p => new KeyValuePair<string, string>(p.Key!, p.Value ?? string.Empty))];
    }

    private IEnumerable<(int Index, string Suffix, string Value)> Members(string name)
    {
        string prefix = name + ".member.";
        var found = new List<(int, string, string)>();
        foreach ((string key, StringValues value) in values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || value.Count == 0)
            {
                continue;
            }

            string rest = key[prefix.Length..];
            int dot = rest.IndexOf('.', StringComparison.Ordinal);
            string number = dot < 0 ? rest : rest[..dot];
            if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index >= 1)
            {
                found.Add((index, dot < 0 ? string.Empty : rest[dot..], value[0] ?? string.Empty));
            }
        }

        return found.OrderBy(f => f.Item1);
    }
}
