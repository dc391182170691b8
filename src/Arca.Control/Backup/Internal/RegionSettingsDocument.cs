namespace Arca.Control.Backup.Internal;

/// <summary><c>settings/{account}</c>: the account's region settings; a type absent from a map has the default (true).</summary>
internal sealed record RegionSettingsDocument
{
    public required string AccountId { get; init; }

    public IReadOnlyDictionary<string, bool> ResourceTypeOptInPreference { get; init; } = new Dictionary<string, bool>();

    public IReadOnlyDictionary<string, bool> ResourceTypeManagementPreference { get; init; } = new Dictionary<string, bool>();
}
