using System.Collections.Immutable;

namespace Arca.Domain.Iam;

/// <summary>
/// The condition keys of a request: an immutable map from key name (case-insensitive, e.g.
/// <c>aws:PrincipalOrgID</c>) to its values. A key with one value is single-valued; multivalued keys
/// (<c>aws:PrincipalOrgPaths</c>, <c>backup:CopyTargets</c>) carry several. A key given with no values is
/// treated exactly like a missing key.
/// </summary>
public sealed class ConditionKeys
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _values;

    private ConditionKeys(ImmutableDictionary<string, ImmutableArray<string>> values) => _values = values;

    /// <summary>No keys.</summary>
    public static ConditionKeys Empty { get; } =
        new(ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The key names present (with at least one value).</summary>
    public IEnumerable<string> Keys => _values.Where(p => p.Value.Length > 0).Select(p => p.Key);

    /// <summary>Returns a copy in which <paramref name="key"/> has exactly <paramref name="values"/> (replacing earlier values).</summary>
    public ConditionKeys With(string key, params IEnumerable<string> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(values);
        ImmutableArray<string> array = [.. values];
        return array.Any(v => v is null)
            ? throw new ArgumentException($"Condition key '{key}' has a null value", nameof(values))
            : new ConditionKeys(_values.SetItem(key, array));
    }

    /// <summary>Returns a copy with every key of <paramref name="other"/> set to its values there.</summary>
    public ConditionKeys With(ConditionKeys other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ConditionKeys(_values.SetItems(other._values));
    }

    /// <summary>Returns a copy without <paramref name="key"/>.</summary>
    public ConditionKeys Without(string key) => new(_values.Remove(key));

    /// <summary>Gets the values of a present key; false when the key is missing or has no values.</summary>
    public bool TryGetValues(string key, out ImmutableArray<string> values)
    {
        if (_values.TryGetValue(key, out values) && values.Length > 0)
        {
            return true;
        }

        values = [];
        return false;
    }
}
