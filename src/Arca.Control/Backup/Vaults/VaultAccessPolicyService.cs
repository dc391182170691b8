using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Regions;
using Arca.Domain.Iam;

namespace Arca.Control.Backup.Vaults;

/// <summary>
/// Vault access policies: PutBackupVaultAccessPolicy, GetBackupVaultAccessPolicy, DeleteBackupVaultAccessPolicy. A policy is an
/// IAM resource policy (<see cref="PolicyDocument"/>, <see cref="PolicyKind.Resource"/>): Principal and Resource are required;
/// a malformed one is refused with InvalidParameterValueException naming the problem ("Policy: Statement[0].Effect …").
/// </summary>
/// <remarks>
/// Thread-safe. These operations are authorized with the vault's current policy too; a current policy that no longer parses is
/// ignored here (and only here), so it can always be replaced or removed by someone the identity side allows.
/// </remarks>
public sealed class VaultAccessPolicyService(RegionSet regions, Authorizer authorizer)
{
    private readonly VaultAccess _access = new(regions, authorizer);

    public async Task PutAsync(CallerIdentity caller, string? vaultName, string? policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        VaultNames.Validate(vaultName);
        if (policy is null)
        {
            throw BackupErrors.Missing("Policy");
        }

        if (!PolicyDocument.TryParse(policy, PolicyKind.Resource, VaultAccess.MaxPolicyLength, out _, out string? error))
        {
            throw BackupErrors.InvalidParameterValue($"Policy: {error}");
        }

        VaultDocument vault = await _access.AuthorizeAsync(
            caller, vaultName, "backup:PutBackupVaultAccessPolicy", ignoreUnreadablePolicy: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await UpdateAsync(caller, vault, v => v with { AccessPolicy = policy }, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="Errors.AwsServiceException">ResourceNotFoundException when the vault has no access policy.</exception>
    public async Task<BackupVaultAccessPolicy> GetAsync(CallerIdentity caller, string? vaultName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        VaultDocument vault = await _access.AuthorizeAsync(
            caller, vaultName, "backup:GetBackupVaultAccessPolicy", ignoreUnreadablePolicy: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return vault.AccessPolicy is { } policy
            ? new BackupVaultAccessPolicy(vault.BackupVaultName, vault.BackupVaultArn, policy)
            : throw BackupErrors.ResourceNotFound($"Backup vault {vault.BackupVaultName} has no access policy");
    }

    /// <summary>Removes the policy; succeeds when there is none.</summary>
    public async Task DeleteAsync(CallerIdentity caller, string? vaultName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        VaultDocument vault = await _access.AuthorizeAsync(
            caller, vaultName, "backup:DeleteBackupVaultAccessPolicy", ignoreUnreadablePolicy: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await UpdateAsync(caller, vault, v => v with { AccessPolicy = null }, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> UpdateAsync(CallerIdentity caller, VaultDocument vault, Func<VaultDocument, VaultDocument> change, CancellationToken cancellationToken) =>
        regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            VaultDocument current = await VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(vault.AccountId, vault.BackupVaultName)).ConfigureAwait(false)
                ?? throw VaultErrors.VaultNotFound(vault.AccountId, caller.Region, vault.BackupVaultName);
            await VaultCollections.Vaults.PutAsync(tx, change(current)).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
