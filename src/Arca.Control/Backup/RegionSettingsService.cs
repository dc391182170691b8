using Arca.Control.Backup.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Regions;
using Arca.Storage.Resources;

namespace Arca.Control.Backup;

/// <summary>
/// GetSupportedResourceTypes, DescribeRegionSettings and UpdateRegionSettings. The supported types are those of the
/// <see cref="ResourceTypeRegistry"/> (Directory, PostgreSQL, SQLite); a type an update names that is not among them
/// is refused, naming it. Opt-in defaults to true for every type.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RegionSettingsService(RegionSet regions, Authorizer authorizer, BackupResourceTypes resourceTypes)
{
    private ResourceTypeRegistry Types => resourceTypes.Registry;

    /// <summary>The resource types Backup protects here, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> GetSupportedResourceTypesAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await authorizer.AuthorizeAsync(caller, "backup:GetSupportedResourceTypes", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Types.Names;
    }

    public async Task<RegionSettings> DescribeAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await authorizer.AuthorizeAsync(caller, "backup:DescribeRegionSettings", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await GetAsync(caller.AccountId, caller.Region, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the given types' preferences; types not named keep theirs.</summary>
    public async Task UpdateAsync(
        CallerIdentity caller,
        IReadOnlyDictionary<string, bool>? optIn,
        IReadOnlyDictionary<string, bool>? management,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (optIn is null && management is null)
        {
            throw BackupErrors.MissingParameterValue("ResourceTypeOptInPreference or ResourceTypeManagementPreference: give at least one");
        }

        CheckTypes(optIn, "ResourceTypeOptInPreference");
        CheckTypes(management, "ResourceTypeManagementPreference");
        await authorizer.AuthorizeAsync(caller, "backup:UpdateRegionSettings", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            RegionSettingsDocument current = await BackupCollections.Settings.GetAsync(tx, caller.AccountId).ConfigureAwait(false)
                ?? new RegionSettingsDocument { AccountId = caller.AccountId };
            return await BackupCollections.Settings.PutAsync(tx, current with
            {
                ResourceTypeOptInPreference = Merge(current.ResourceTypeOptInPreference, optIn),
                ResourceTypeManagementPreference = Merge(current.ResourceTypeManagementPreference, management),
            }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The settings of <paramref name="accountId"/> in <paramref name="region"/>, without authorization (for the scheduler).</summary>
    public async Task<RegionSettings> GetAsync(string accountId, string region, CancellationToken cancellationToken = default)
    {
        RegionSettingsDocument? stored = await regions.Get(region).Store.TransactAsync(
            tx => BackupCollections.Settings.GetAsync(tx, accountId), cancellationToken).ConfigureAwait(false);
        return new RegionSettings(
            WithDefaults(stored?.ResourceTypeOptInPreference), WithDefaults(stored?.ResourceTypeManagementPreference));
    }

    private static Dictionary<string, bool> Merge(IReadOnlyDictionary<string, bool> current, IReadOnlyDictionary<string, bool>? update)
    {
        var merged = new Dictionary<string, bool>(current, StringComparer.Ordinal);
        foreach ((string type, bool value) in update ?? new Dictionary<string, bool>())
        {
            merged[type] = value;
        }

        return merged;
    }

    private Dictionary<string, bool> WithDefaults(IReadOnlyDictionary<string, bool>? stored) =>
        Types.Names.ToDictionary(t => t, t => stored?.GetValueOrDefault(t, true) ?? true, StringComparer.Ordinal);

    private void CheckTypes(IReadOnlyDictionary<string, bool>? preferences, string field)
    {
        List<string> unknown = [.. (preferences?.Keys ?? []).Where(t => !Types.TryGet(t, out _)).Order(StringComparer.Ordinal)];
        if (unknown.Count > 0)
        {
            throw BackupErrors.InvalidParameterValue(
                $"{field}: {string.Join(", ", unknown.Select(t => $"'{(t.Length <= 64 ? t : t[..64] + "…")}'"))} {(unknown.Count == 1 ? "is not a resource type" : "are not resource types")} Arca supports (supported: {string.Join(", ", Types.Names)})");
        }
    }
}
