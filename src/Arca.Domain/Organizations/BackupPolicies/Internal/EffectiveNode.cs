namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// One node of the effective tree while it is being computed, with its provenance and the
/// operators lower levels may still use on it. Mutable; owned by one computation.
/// </summary>
internal sealed class EffectiveNode(string key, string path, SchemaNode schema)
{
    private readonly Dictionary<string, EffectiveNode> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EffectiveNode> _children = [];
    private static readonly InheritanceOperators[] SingleOperators =
        [InheritanceOperators.Assign, InheritanceOperators.Append, InheritanceOperators.Remove];

    private readonly Dictionary<InheritanceOperators, List<PolicySource>> _forbiddenBy = [];
    private readonly List<(PolicySource Source, InheritanceOperators Allowed)> _pending = [];

    /// <summary>The key, spelled as the policy that introduced it wrote it (schema keys canonical).</summary>
    public string Key { get; } = key;

    /// <summary>Dotted path.</summary>
    public string Path { get; } = path;

    /// <summary>The syntax element.</summary>
    public SchemaNode Schema { get; } = schema;

    /// <summary>For map entries: the policy that added the key.</summary>
    public PolicySource? KeySource { get; init; }

    /// <summary>For scalars: the value in force.</summary>
    public SourcedValue? Scalar { get; set; }

    /// <summary>For lists: the elements in force, in order.</summary>
    public List<SourcedValue> Items { get; } = [];

    /// <summary>For lists: true once any policy assigned or appended (an emptied list stays, as []).</summary>
    public bool ListIsSet { get; set; }

    /// <summary>Operators lower levels may use on this node.</summary>
    public InheritanceOperators Allowed { get; private set; } = InheritanceOperators.All;

    /// <summary>True when the policies of the level being merged may use <paramref name="op"/> here.</summary>
    public bool Allows(InheritanceOperators op) => (Allowed & op) == op;

    /// <summary>The policies whose child controls forbid <paramref name="op"/> here, in order.</summary>
    public IReadOnlyList<PolicySource> ForbiddenBy(InheritanceOperators op) =>
        _forbiddenBy.TryGetValue(op, out var sources) ? sources : [];

    /// <summary>The level (index in the path) that last wrote the value, or -1.</summary>
    public int WrittenAtLevel { get; private set; } = -1;

    /// <summary>The policy that first wrote the value at <see cref="WrittenAtLevel"/>.</summary>
    public PolicySource? WrittenBy { get; private set; }

    /// <summary>Children in first-introduced order.</summary>
    public IReadOnlyList<EffectiveNode> Children => _children;

    /// <summary>
    /// True when the node is not shown: a setting that nothing beneath gives a value. A map
    /// entry is never empty: its key is information (a copy action may be only a key).
    /// </summary>
    public bool IsEmpty => KeySource is null && Schema.Kind switch
    {
        SchemaNodeKind.Scalar => Scalar is null,
        SchemaNodeKind.List => !ListIsSet,
        _ => _children.TrueForAll(static c => c.IsEmpty),
    };

    /// <summary>The child with <paramref name="childKey"/> (case-insensitive), or null.</summary>
    public EffectiveNode? Find(string childKey) => _byKey.GetValueOrDefault(childKey);

    /// <summary>Adds a child that inherits this node's restrictions (a documented setting).</summary>
    public EffectiveNode AddSetting(SchemaNode field)
    {
        var child = Add(new EffectiveNode(field.Name, PolicyPath.Append(Path, field.Name), field));
        child.Allowed = Allowed;
        foreach (var (op, sources) in _forbiddenBy)
        {
            child._forbiddenBy.Add(op, [.. sources]);
        }

        return child;
    }

    /// <summary>Adds a new map entry, unrestricted, recording who added it.</summary>
    public EffectiveNode AddEntry(string entryKey, PolicySource source) =>
        Add(new EffectiveNode(entryKey, PolicyPath.Append(Path, entryKey), Schema.Entry!) { KeySource = source });

    /// <summary>Records that <paramref name="source"/> at <paramref name="level"/> wrote the value.</summary>
    public void MarkWritten(int level, PolicySource source)
    {
        if (WrittenAtLevel != level)
        {
            (WrittenAtLevel, WrittenBy) = (level, source);
        }
    }

    /// <summary>Records a child control; it takes effect when <see cref="ApplyPendingRestrictions"/> runs.</summary>
    public void RecordChildControl(InheritanceOperators allowed, PolicySource source) => _pending.Add((source, allowed));

    /// <summary>
    /// At the end of a level: puts each recorded child control in force on its node and on every
    /// node that exists beneath it (intersection; a restriction is never relaxed).
    /// </summary>
    public void ApplyPendingRestrictions()
    {
        foreach (var (source, allowed) in _pending)
        {
            Restrict(allowed, source);
        }

        _pending.Clear();

        foreach (var child in _children)
        {
            child.ApplyPendingRestrictions();
        }
    }

    private void Restrict(InheritanceOperators allowed, PolicySource source)
    {
        Allowed &= allowed;
        foreach (var op in SingleOperators.Where(op => (allowed & op) == 0))
        {
            var sources = _forbiddenBy.TryGetValue(op, out var list) ? list : _forbiddenBy[op] = [];
            if (!sources.Contains(source))
            {
                sources.Add(source);
            }
        }

        foreach (var child in _children)
        {
            child.Restrict(allowed, source);
        }
    }

    private EffectiveNode Add(EffectiveNode child)
    {
        _byKey.Add(child.Key, child);
        _children.Add(child);
        return child;
    }
}
