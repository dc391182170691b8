using Arca.Control.Backup.Internal;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Control.Backup;

/// <summary>
/// AWS Backup's global settings (restJson1 <c>DescribeGlobalSettings</c>, <c>UpdateGlobalSettings</c>; the tutorial's step 1):
/// one set per organization in the global store. Any account of the organization may describe them; only its management
/// account may update them, as in AWS.
/// </summary>
/// <remarks>
/// Thread-safe. Errors are <see cref="AwsServiceException"/>s with Backup's codes: <c>InvalidRequestException</c> outside an
/// organization or from a member account, <c>InvalidParameterValueException</c> naming an unknown key or a value other than
/// <c>true</c>/<c>false</c>, <c>MissingParameterValueException</c> without settings. AWS leaves open whether the settings are
/// per region; Arca keeps one set per organization (the copy checks read it for every region).
/// </remarks>
public sealed class GlobalSettingsService(IMetadataStore store, Authorizer authorizer, IOrganizationMembership organizations, TimeProvider time)
{
    /// <summary><c>backup-global-settings</c>: key = organization id; no index field.</summary>
    private static readonly Collection<GlobalSettingsRecord> Settings = new(
        "backup-global-settings", GlobalSettingsJson.Default.GlobalSettingsRecord, s => s.OrganizationId);

    /// <summary>The settings of the caller's organization.</summary>
    public async Task<GlobalSettings> DescribeAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await authorizer.AuthorizeAsync(caller, "backup:DescribeGlobalSettings", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        OrganizationMembership membership = await organizations.GetMembershipAsync(caller.AccountId, cancellationToken).ConfigureAwait(false)
            ?? throw InvalidRequest($"The account {caller.AccountId} is not a member of an organization: global settings belong to an AWS Organizations organization.");
        return await GetAsync(membership.OrganizationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the given flags (the others keep their values) of the caller's organization; management account only.</summary>
    public async Task UpdateAsync(CallerIdentity caller, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Dictionary<string, bool> values = Validate(settings);
        await authorizer.AuthorizeAsync(caller, "backup:UpdateGlobalSettings", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        OrganizationMembership? membership = await organizations.GetMembershipAsync(caller.AccountId, cancellationToken).ConfigureAwait(false);
        if (membership is null || membership.ManagementAccountId != caller.AccountId)
        {
            throw InvalidRequest(membership is null
                ? $"The account {caller.AccountId} is not the management account of an organization: only an organization's management account can update global settings."
                : $"The account {caller.AccountId} is not the management account of organization {membership.OrganizationId}: only {membership.ManagementAccountId} can update global settings.");
        }

        DateTimeOffset now = time.GetUtcNow();
        await store.TransactAsync(async tx =>
        {
            GlobalSettingsRecord current = await Settings.GetAsync(tx, membership.OrganizationId).ConfigureAwait(false)
                ?? new GlobalSettingsRecord { OrganizationId = membership.OrganizationId, LastUpdateTime = now };
            return await Settings.PutAsync(tx, current with
            {
                IsCrossAccountBackupEnabled = values.GetValueOrDefault(GlobalSettings.CrossAccountBackupKey, current.IsCrossAccountBackupEnabled),
                IsMpaEnabled = values.GetValueOrDefault(GlobalSettings.MpaKey, current.IsMpaEnabled),
                IsDelegatedAdministratorEnabled = values.GetValueOrDefault(GlobalSettings.DelegatedAdministratorKey, current.IsDelegatedAdministratorEnabled),
                LastUpdateTime = now,
            }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The settings of <paramref name="organizationId"/>, without authorization (for the copy checks).</summary>
    public async Task<GlobalSettings> GetAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizationId);
        GlobalSettingsRecord? record = await store.TransactAsync(tx => Settings.GetAsync(tx, organizationId), cancellationToken)
            .ConfigureAwait(false);
        return record?.ToSettings() ?? GlobalSettings.Default;
    }

    private static Dictionary<string, bool> Validate(IReadOnlyDictionary<string, string?>? settings)
    {
        if (settings is null || settings.Count == 0)
        {
            throw new AwsServiceException("MissingParameterValueException",
                $"GlobalSettings is required: give at least one of {GlobalSettings.CrossAccountBackupKey}, {GlobalSettings.MpaKey}, {GlobalSettings.DelegatedAdministratorKey}.", 400);
        }

        var values = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach ((string key, string? value) in settings)
        {
            if (key is not (GlobalSettings.CrossAccountBackupKey or GlobalSettings.MpaKey or GlobalSettings.DelegatedAdministratorKey))
            {
                throw InvalidParameter($"GlobalSettings has the unknown key {Quote(key)}: the keys are {GlobalSettings.CrossAccountBackupKey}, {GlobalSettings.MpaKey} and {GlobalSettings.DelegatedAdministratorKey}.");
            }

            values[key] = value switch
            {
                _ when string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) => true,
                _ when string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) => false,
                _ => throw InvalidParameter($"GlobalSettings.{key} must be \"true\" or \"false\", not {(value is null ? "null" : Quote(value))}."),
            };
        }

        return values;
    }

    private static string Quote(string value) => value.Length <= 100 ? $"'{value}'" : "(too long to repeat)";

    private static AwsServiceException InvalidRequest(string message) => new("InvalidRequestException", message, 400);

    private static AwsServiceException InvalidParameter(string message) => new("InvalidParameterValueException", message, 400);
}
