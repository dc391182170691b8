using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms.Internal;
using Arca.Control.Regions;
using Arca.Domain.Arns;

namespace Arca.Control.Kms;

/// <summary>
/// For the backup service (docs/design/server.md §8): which KMS key a vault of an account uses, and the vault engine's
/// key provider for it. A vault created without <c>EncryptionKeyArn</c> uses the account's AWS-managed key
/// <c>alias/aws/backup</c> of the region (created on first use); with one, the key must be in the vault's region, enabled,
/// and usable by the backup service for the account (its key policy must allow the account, across accounts too).
/// </summary>
/// <remarks>Thread-safe. Call outside any metadata transaction.</remarks>
public sealed class KeyResolver(RegionSet regions, Authorizer authorizer, KmsCryptoService crypto, IOrganizationMembership organizations, TimeProvider time)
{
    // What KmsKeyProvider calls: a key usable for these is usable for the vault.
    private static readonly string[] RequiredActions = ["kms:Encrypt", "kms:Decrypt"];
    private readonly KeyStore _keys = new(regions, time);
    private readonly KeyAccess _access = new(authorizer);

    /// <summary>The ARN of the key a vault of <paramref name="accountId"/> in <paramref name="region"/> is encrypted with.</summary>
    /// <param name="accountId">The vault's account.</param>
    /// <param name="region">The vault's region.</param>
    /// <param name="encryptionKeyArn">The customer's key (key ARN or alias ARN), or null for the account's <c>alias/aws/backup</c> key.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Always a key ARN (an alias ARN is resolved to its key).</returns>
    /// <exception cref="AwsServiceException"><c>InvalidParameterValueException</c> naming <c>EncryptionKeyArn</c> when it is not a KMS key or
    /// alias ARN, or names another region; <see cref="KmsKeyUnavailableException"/> when the key does not exist, is disabled, pending deletion,
    /// or not usable by the account.</exception>
    public async Task<string> ResolveAsync(string accountId, string region, string? encryptionKeyArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        Region served = regions.Get(region);
        if (encryptionKeyArn is null)
        {
            return (await _keys.GetOrCreateAwsBackupKeyAsync(served, accountId, cancellationToken).ConfigureAwait(false)).Arn;
        }

        if (!Arn.TryParse(encryptionKeyArn, out Arn? arn, out _) || arn.Kind is not (ArnKind.KmsKey or ArnKind.KmsAlias))
        {
            throw new AwsServiceException("InvalidParameterValueException",
                $"Invalid EncryptionKeyArn '{encryptionKeyArn}': give the ARN of a KMS key (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID) or of its alias.", 400);
        }

        if (arn.Region != region)
        {
            throw new AwsServiceException("InvalidParameterValueException",
                $"EncryptionKeyArn '{encryptionKeyArn}' is a key of {arn.Region}; a backup vault in {region} needs a KMS key of {region}.", 400);
        }

        if (arn.Partition != "aws")
        {
            throw new AwsServiceException("InvalidParameterValueException",
                $"EncryptionKeyArn '{encryptionKeyArn}' is in partition {arn.Partition}; Arca's keys are in partition aws.", 400);
        }

        CallerIdentity caller = await BackupServiceCaller.ForAsync(organizations, accountId, region, cancellationToken).ConfigureAwait(false);
        try
        {
            KeyRecord key = await _keys.FindAsync(caller, encryptionKeyArn, "CreateBackupVault", crossAccount: true, "EncryptionKeyArn", cancellationToken)
                .ConfigureAwait(false);
            foreach (string action in RequiredActions)
            {
                await _access.AuthorizeAsync(caller, action, key, BackupServiceCaller.Via(region), cancellationToken).ConfigureAwait(false);
            }

            return key.State switch
            {
                KeyState.Disabled => throw KmsErrors.Disabled(key.Arn),
                KeyState.PendingDeletion => throw KmsErrors.PendingDeletion(key.Arn),
                _ => key.Arn,
            };
        }
        catch (AwsServiceException e) when (KmsKeyUnavailableException.IsUnavailable(e))
        {
            throw new KmsKeyUnavailableException(encryptionKeyArn, e);
        }
    }

    /// <summary>Whether <paramref name="keyArn"/> (a key ARN, as <see cref="ResolveAsync"/> returns) is an AWS-managed key such as <c>alias/aws/backup</c>'s.</summary>
    /// <returns>False for customer managed keys, and for keys that do not exist (any more).</returns>
    public async Task<bool> IsAwsManagedAsync(string region, string keyArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyArn);
        if (!Arn.TryParse(keyArn, out Arn? arn, out _) || arn.Kind != ArnKind.KmsKey)
        {
            return false;
        }

        KeyRecord? key = await _keys.FindByIdAsync(region, arn.ResourceId, cancellationToken).ConfigureAwait(false);
        return key?.Manager == KeyManager.Aws;
    }

    /// <summary>
    /// The vault engine's key provider for a vault: wraps and unwraps the vault's master key with <paramref name="keyArn"/> (as
    /// returned by <see cref="ResolveAsync"/>), as the backup service acting for <paramref name="accountId"/>, bound to <paramref name="vaultArn"/>.
    /// </summary>
    public KmsKeyProvider ProviderFor(string accountId, string keyArn, string vaultArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(vaultArn);
        Arn key = Arn.TryParse(keyArn, out Arn? parsed, out _) && parsed.Kind == ArnKind.KmsKey
            ? parsed
            : throw new ArgumentException($"'{keyArn}' is not a KMS key ARN", nameof(keyArn));
        return new KmsKeyProvider(crypto, organizations, accountId, key.Region, keyArn, vaultArn);
    }
}
