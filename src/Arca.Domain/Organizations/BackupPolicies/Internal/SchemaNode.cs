namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// One element of the backup policy syntax. The tree of schema nodes rooted at
/// <see cref="BackupPolicySchema.Root"/> drives parsing, merging, rendering and binding, so a key
/// added here is parsed, merged and given provenance without further wiring.
/// </summary>
internal sealed class SchemaNode
{
    private readonly Dictionary<string, SchemaNode> _fieldsByKey = new(StringComparer.OrdinalIgnoreCase);

    private SchemaNode(SchemaNodeKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>The shape of the element.</summary>
    public SchemaNodeKind Kind { get; }

    /// <summary>The canonical key (lower case, as AWS documents it); for map entries a placeholder.</summary>
    public string Name { get; }

    /// <summary>Other accepted spellings of <see cref="Name"/> (AWS's older examples).</summary>
    public IReadOnlyList<string> Aliases { get; private init; } = [];

    /// <summary>For <see cref="SchemaNodeKind.Object"/>: the documented keys, in documentation order.</summary>
    public IReadOnlyList<SchemaNode> Fields { get; private init; } = [];

    /// <summary>For <see cref="SchemaNodeKind.Map"/>: the schema of each entry.</summary>
    public SchemaNode? Entry { get; private init; }

    /// <summary>For <see cref="SchemaNodeKind.Map"/>: what an entry's key may be; null for any text.</summary>
    public ValueRule? KeyRule { get; private init; }

    /// <summary>For scalars, the value rule; for lists, the rule of each element.</summary>
    public ValueRule? Rule { get; private init; }

    /// <summary>For lists: completes "expected @@assign with …", e.g. <c>a list of Region codes</c>.</summary>
    public string ListExpectation { get; private init; } = "";

    /// <summary>An object with documented keys.</summary>
    public static SchemaNode Object(string name, params SchemaNode[] fields)
    {
        var node = new SchemaNode(SchemaNodeKind.Object, name) { Fields = fields };
        foreach (var field in fields)
        {
            node._fieldsByKey.Add(field.Name, field);
            foreach (var alias in field.Aliases)
            {
                node._fieldsByKey.Add(alias, field);
            }
        }

        return node;
    }

    /// <summary>An object whose keys the author names; each value follows <paramref name="entry"/>.</summary>
    public static SchemaNode Map(string name, ValueRule? keyRule, SchemaNode entry) =>
        new(SchemaNodeKind.Map, name) { Entry = entry, KeyRule = keyRule };

    /// <summary>A single value.</summary>
    public static SchemaNode Scalar(string name, ValueRule rule) =>
        new(SchemaNodeKind.Scalar, name) { Rule = rule };

    /// <summary>A list of values, each following <paramref name="itemRule"/>.</summary>
    public static SchemaNode List(string name, ValueRule itemRule, string listExpectation) =>
        new(SchemaNodeKind.List, name) { Rule = itemRule, ListExpectation = listExpectation };

    /// <summary>The same element, also accepted under other spellings.</summary>
    public SchemaNode WithAliases(params string[] aliases) =>
        Kind == SchemaNodeKind.Object
            ? throw new InvalidOperationException("Aliases are supported on scalars, lists and maps only.")
            : new(Kind, Name)
            {
                Aliases = aliases,
                Fields = Fields,
                Entry = Entry,
                KeyRule = KeyRule,
                Rule = Rule,
                ListExpectation = ListExpectation,
            };

    /// <summary>The documented field named <paramref name="key"/> (case-insensitive), or null.</summary>
    public SchemaNode? FindField(string key) => _fieldsByKey.GetValueOrDefault(key);

    /// <summary>True for scalars and lists, which carry values and operators.</summary>
    public bool IsLeaf => Kind is SchemaNodeKind.Scalar or SchemaNodeKind.List;
}
