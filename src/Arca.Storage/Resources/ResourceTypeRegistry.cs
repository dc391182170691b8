using System.Diagnostics.CodeAnalysis;
using Arca.Storage.Format;
using Arca.Storage.Resources.Internal;

namespace Arca.Storage.Resources;

/// <summary>
/// The resource types by persisted name. Types are registered explicitly (no discovery); the default
/// registry holds Directory, SQLite and PostgreSQL. Immutable and thread-safe.
/// </summary>
public sealed class ResourceTypeRegistry
{
    private readonly Dictionary<string, IResourceType> _types = new(StringComparer.Ordinal);

    /// <summary>A registry of exactly <paramref name="types"/>.</summary>
    /// <exception cref="ArgumentException">Two types share a name.</exception>
    public ResourceTypeRegistry(IEnumerable<IResourceType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            if (!_types.TryAdd(type.Name, type))
            {
                throw new ArgumentException($"resource type {type.Name} is registered twice", nameof(types));
            }
        }
    }

    /// <summary>The registered type names, in ordinal order.</summary>
    public IReadOnlyList<string> Names => [.. _types.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The registry of every built-in type: Directory, SQLite, PostgreSQL.</summary>
    public static ResourceTypeRegistry CreateDefault(ResourceTypeOptions? options = null) =>
        new([new DirectoryResourceType(), new SqliteResourceType(options), new PostgreSqlResourceType(options)]);

    public bool TryGet(string name, [NotNullWhen(true)] out IResourceType? type) => _types.TryGetValue(name, out type);

    /// <summary>The type named <paramref name="name"/> (case-sensitive).</summary>
    /// <exception cref="ResourceValidationException">No such type (field <c>Type</c>).</exception>
    public IResourceType Get(string name) =>
        TryGet(name, out var type)
            ? type
            : throw new ResourceValidationException(nameof(ResourceDefinition.Type), $"\"{name}\" is not a resource type (expected one of {string.Join(", ", Names)})", null);

    /// <summary>The type a recovery point was made by, from its <see cref="ResourceTags.ResourceType"/> tag; untagged recovery points are Directory backups.</summary>
    /// <exception cref="ResourceRestoreException">The tag names a type this registry does not know.</exception>
    public IResourceType ForRecoveryPoint(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var name = Staging.TypeOf(manifest) ?? ResourceTypeNames.Directory;
        return TryGet(name, out var type)
            ? type
            : throw new ResourceRestoreException($"the recovery point holds a {name} resource, which this version of Arca cannot restore");
    }
}
