using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;

namespace Arca.Control.Kms.Internal;

/// <summary>
/// Finds keys in the caller's region (by id, key ARN, alias name or alias ARN; a ciphertext's key by its id), creates the
/// AWS-managed key <c>alias/aws/backup</c> on first use, and updates keys. Keys whose deletion date has passed no longer
/// exist for any of these.
/// </summary>
/// <remarks>Thread-safe. Every method is one transaction of the region's store.</remarks>
internal sealed class KeyStore(RegionSet regions, TimeProvider time)
{
    /// <summary>The alias of the AWS-managed key of AWS Backup.</summary>
    public const string AwsBackupAlias = "alias/aws/backup";

    /// <summary>The description AWS gives the AWS-managed key of AWS Backup.</summary>
    public const string AwsBackupDescription = "Default key that protects my backups when no other key is defined";

    public DateTimeOffset Now => time.GetUtcNow();

    public Region Region(string name) => regions.Get(name);

    /// <summary>
    /// The key <paramref name="keyId"/> names for <paramref name="caller"/>. A key of another account is found only when
    /// <paramref name="crossAccount"/> allows it (the operations KMS permits across accounts); otherwise it does not exist
    /// for this <paramref name="operation"/>.
    /// </summary>
    public async Task<KeyRecord> FindAsync(CallerIdentity caller, string? keyId, string operation, bool crossAccount, string field, CancellationToken cancellationToken)
    {
        string value = KmsValidation.KeyId(keyId, field);
        KeyReference reference = KeyReference.Parse(value, caller.AccountId, caller.Region);
        if (reference.AccountId != caller.AccountId && !crossAccount)
        {
            throw KmsErrors.NotFound($"Key '{reference.Arn}' does not exist in account {caller.AccountId}: {operation} cannot be used on a key of another account.");
        }

        Region region = Region(caller.Region);
        if (reference.AliasName == AwsBackupAlias && reference.AccountId == caller.AccountId)
        {
            return await GetOrCreateAwsBackupKeyAsync(region, caller.AccountId, cancellationToken).ConfigureAwait(false);
        }

        DateTimeOffset now = Now;
        return await region.Store.TransactAsync(async tx =>
        {
            string id = reference.KeyId ?? await TargetOfAsync(tx, reference).ConfigureAwait(false);
            KeyRecord? key = await KmsCollections.Keys.GetAsync(tx, id).ConfigureAwait(false);
            return key is null || key.AccountId != reference.AccountId || key.IsDeletedAt(now)
                ? throw KmsErrors.KeyNotFound(reference.KeyId is null ? Arn.KmsKey(region.Name, reference.AccountId, id).ToString() : reference.Arn)
                : key;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The key a ciphertext names, in any account of the region, or null when there is none (any more).</summary>
    public async Task<KeyRecord?> FindByIdAsync(string regionName, string keyId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = Now;
        KeyRecord? key = await Region(regionName).Store.TransactAsync(tx => KmsCollections.Keys.GetAsync(tx, keyId), cancellationToken).ConfigureAwait(false);
        return key is null || key.IsDeletedAt(now) ? null : key;
    }

    /// <summary>The account's AWS-managed key of AWS Backup in <paramref name="region"/>, created (with its alias) when it does not exist yet.</summary>
    public Task<KeyRecord> GetOrCreateAwsBackupKeyAsync(Region region, string accountId, CancellationToken cancellationToken) =>
        region.Store.TransactAsync(async tx =>
        {
            DateTimeOffset now = Now;
            if (await KmsCollections.Aliases.GetAsync(tx, KmsCollections.AliasKey(accountId, AwsBackupAlias)).ConfigureAwait(false) is { } alias
                && await KmsCollections.Keys.GetAsync(tx, alias.TargetKeyId).ConfigureAwait(false) is { } existing
                && !existing.IsDeletedAt(now))
            {
                return existing;
            }

            KeyRecord key = NewKey(region, accountId, KeyManager.Aws, KeyPolicies.AwsBackup(accountId, region.Name), AwsBackupDescription, []);
            await KmsCollections.Keys.PutAsync(tx, key).ConfigureAwait(false);
            await KmsCollections.Aliases.PutAsync(tx, new AliasRecord
            {
                AccountId = accountId,
                AliasName = AwsBackupAlias,
                AliasArn = Arn.KmsAlias(region.Name, accountId, AwsBackupAlias).ToString(),
                TargetKeyId = key.KeyId,
                CreationDate = now,
                LastUpdatedDate = now,
            }).ConfigureAwait(false);
            return key;
        }, cancellationToken);

    /// <summary>A new enabled key with fresh sealed material.</summary>
    public KeyRecord NewKey(Region region, string accountId, KeyManager manager, string policy, string description, IReadOnlyList<KmsTag> tags)
    {
        string keyId = Guid.NewGuid().ToString();
        string arn = Arn.KmsKey(region.Name, accountId, keyId).ToString();
        return new KeyRecord
        {
            KeyId = keyId,
            AccountId = accountId,
            Region = region.Name,
            Arn = arn,
            Description = description,
            State = KeyState.Enabled,
            Manager = manager,
            CreationDate = Now,
            Policy = policy,
            SealedMaterial = KeyMaterial.Generate(region.MasterKey, arn),
            Tags = tags,
        };
    }

    /// <summary>Re-reads the key in a transaction and stores <paramref name="change"/> of it.</summary>
    public Task<KeyRecord> UpdateAsync(KeyRecord key, Func<KeyRecord, KeyRecord> change, CancellationToken cancellationToken) =>
        Region(key.Region).Store.TransactAsync(async tx =>
        {
            KeyRecord current = await KmsCollections.Keys.GetAsync(tx, key.KeyId).ConfigureAwait(false) is { } found && !found.IsDeletedAt(Now)
                ? found
                : throw KmsErrors.KeyNotFound(key.Arn);
            KeyRecord changed = change(current);
            await KmsCollections.Keys.PutAsync(tx, changed).ConfigureAwait(false);
            return changed;
        }, cancellationToken);

    private static async Task<string> TargetOfAsync(IMetadataTransaction tx, KeyReference reference) =>
        (await KmsCollections.Aliases.GetAsync(tx, KmsCollections.AliasKey(reference.AccountId, reference.AliasName!)).ConfigureAwait(false))?.TargetKeyId
        ?? throw KmsErrors.AliasNotFound(reference.Arn);
}
