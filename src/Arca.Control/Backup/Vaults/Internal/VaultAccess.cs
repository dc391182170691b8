using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>
/// Every vault action goes through here: read the vault, then authorize the action with the vault's access policy as the
/// resource policy (so a Deny in it holds even for the account root) and its tags as <c>aws:ResourceTag/…</c>. A missing
/// vault is authorized without a policy first, so a caller the identity side denies learns nothing about which vaults exist.
/// </summary>
/// <remarks>Thread-safe. Reads in its own transactions: call it before the operation's transaction.</remarks>
internal sealed class VaultAccess(RegionSet regions, Authorizer authorizer)
{
    /// <summary>The most characters a vault access policy may have.</summary>
    public const int MaxPolicyLength = 32_768;

    /// <summary>
    /// The vault, once <paramref name="caller"/> may perform <paramref name="action"/> on <paramref name="resourceArn"/> (default: the
    /// vault's ARN). Standard vaults honour no action but <c>backup:CopyIntoBackupVault</c> across accounts, so another account
    /// in <paramref name="vaultAccountId"/> is refused here.
    /// </summary>
    public async Task<VaultDocument> AuthorizeAsync(
        CallerIdentity caller,
        string? vaultName,
        string action,
        string? resourceArn = null,
        string? vaultAccountId = null,
        bool ignoreUnreadablePolicy = false,
        CancellationToken cancellationToken = default)
    {
        string name = VaultNames.Validate(vaultName);
        VaultNames.ValidateAccount(vaultAccountId);
        string vaultArn = Arn.BackupVault(caller.Region, vaultAccountId ?? caller.AccountId, name).ToString();
        RefuseOtherAccount(caller, vaultAccountId, action, resourceArn ?? vaultArn);

        StoredDocument? stored = await regions.Get(caller.Region).Store.TransactAsync(
            tx => tx.GetAsync(VaultCollections.Vaults.Name, VaultCollections.VaultKey(caller.AccountId, name)), cancellationToken).ConfigureAwait(false);
        VaultDocument? vault = stored is null ? null : VaultCollections.TryRead(stored.Json);
        NamedPolicy? policy = vault is null ? null : PolicyOf(vault, ignoreUnreadablePolicy);
        await authorizer.AuthorizeAsync(
            caller, action, resourceArn ?? vaultArn, caller.AccountId, policy, AuthorizationMode.Standard, vault is null ? null : TagKeys(vault), cancellationToken)
            .ConfigureAwait(false);
        return vault ?? throw VaultErrors.VaultNotFound(caller.AccountId, caller.Region, name);
    }

    /// <summary>
    /// Validates a request's <c>backupVaultAccountId</c> and refuses another account's: standard vaults honour no action but
    /// <c>backup:CopyIntoBackupVault</c> across accounts.
    /// </summary>
    public static void RefuseOtherAccount(CallerIdentity caller, string? vaultAccountId, string action, string resourceArn)
    {
        VaultNames.ValidateAccount(vaultAccountId);
        if (vaultAccountId is not null && vaultAccountId != caller.AccountId)
        {
            throw new AccessDeniedException(
                "AccessDeniedException",
                $"User: {caller.PrincipalArn} is not authorized to perform: {action} on resource: {resourceArn} because a backup vault of another account honours only backup:CopyIntoBackupVault",
                403,
                new AccessDecision(AccessOutcome.ImplicitDeny, "Implicitly denied: standard vaults honour only backup:CopyIntoBackupVault across accounts", []));
        }
    }

    /// <summary>The vault's access policy for the evaluator, or null when it has none.</summary>
    /// <exception cref="Errors.AwsServiceException">The stored policy no longer parses (fail closed) unless <paramref name="ignoreUnreadable"/>.</exception>
    public static NamedPolicy? PolicyOf(VaultDocument vault, bool ignoreUnreadable = false)
    {
        if (vault.AccessPolicy is not { } text)
        {
            return null;
        }

        if (PolicyDocument.TryParse(text, PolicyKind.Resource, MaxPolicyLength, out PolicyDocument? document, out string? error))
        {
            return new NamedPolicy($"backup vault {vault.BackupVaultName} access policy", document);
        }

        return ignoreUnreadable ? null : throw BackupErrors.InvalidRequest(
            $"The access policy of backup vault {vault.BackupVaultName} no longer parses ({error}); replace it with PutBackupVaultAccessPolicy");
    }

    /// <summary><c>aws:ResourceTag/KEY</c> for every tag of the vault.</summary>
    public static ConditionKeys TagKeys(VaultDocument vault)
    {
        ConditionKeys keys = ConditionKeys.Empty;
        foreach ((string key, string value) in vault.Tags)
        {
            keys = keys.With(ConditionKeyNames.ResourceTag(key), value);
        }

        return keys;
    }
}
