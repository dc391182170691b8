namespace Arca.Control.Backup;

/// <summary>
/// An account's Backup settings in one region (DescribeRegionSettings), with every supported resource type present.
/// </summary>
/// <param name="ResourceTypeOptInPreference">Type → whether tag and wildcard selections may select its resources (default true).</param>
/// <param name="ResourceTypeManagementPreference">Type → whether Backup fully manages its backups (Arca's types always are; default true, stored as set).</param>
public sealed record RegionSettings(
    IReadOnlyDictionary<string, bool> ResourceTypeOptInPreference, IReadOnlyDictionary<string, bool> ResourceTypeManagementPreference)
{
    /// <summary>Whether resources of <paramref name="resourceType"/> may be selected by tag or wildcard.</summary>
    public bool IsOptedIn(string resourceType) => ResourceTypeOptInPreference.GetValueOrDefault(resourceType, true);
}
