using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms.Internal;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Iam;

namespace Arca.Control.Kms;

/// <summary>
/// KMS keys of the caller's region (docs/design/kms.md): CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey,
/// ScheduleKeyDeletion, CancelKeyDeletion, UpdateKeyDescription. Every operation on a key is authorized by its key policy
/// (<see cref="AuthorizationMode.KmsKeyPolicy"/>); DescribeKey also works on another account's key when its policy allows.
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with KMS's codes (<see cref="KmsErrors"/>).</remarks>
public sealed class KeyService(RegionSet regions, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    private readonly KeyStore _keys = new(regions, time);
    private readonly KeyAccess _access = new(authorizer);

    /// <summary>Creates a symmetric encryption key with fresh material, sealed by the region's master key.</summary>
    /// <exception cref="Errors.AwsServiceException">ValidationException, UnsupportedOperationException (other key types, stores, Multi-Region),
    /// MalformedPolicyDocumentException (a policy that does not parse, or that would lock the caller out), TagException.</exception>
    public async Task<KeyMetadata> CreateKeyAsync(CallerIdentity caller, CreateKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ValidateKeyType(request);
        string description = KmsValidation.Description(request.Description);
        IReadOnlyList<KmsTag> tags = KmsValidation.Tags(request.Tags);
        if (tags.Count > KmsValidation.MaxTagsPerKey)
        {
            throw KmsErrors.LimitExceeded($"A key can have at most {KmsValidation.MaxTagsPerKey} tags; the request has {tags.Count}.");
        }

        string? policy = request.Policy is null ? null : ParsedPolicy(request.Policy);
        await _access.AuthorizeIdentityAsync(caller, "kms:CreateKey", null, cancellationToken).ConfigureAwait(false);
        if (tags.Count > 0)
        {
            await _access.AuthorizeIdentityAsync(caller, "kms:TagResource", null, cancellationToken).ConfigureAwait(false);
        }

        Region region = _keys.Region(caller.Region);
        KeyRecord key = _keys.NewKey(region, caller.AccountId, KeyManager.Customer, policy ?? KeyPolicies.Default(caller.AccountId), description, tags);
        if (policy is not null && !request.BypassPolicyLockoutSafetyCheck)
        {
            await LockoutSafetyCheckAsync(_access, caller, key.Arn, key.AccountId, policy, cancellationToken).ConfigureAwait(false);
        }

        await region.Store.TransactAsync(tx => KmsCollections.Keys.InsertAsync(tx, key), cancellationToken).ConfigureAwait(false);
        return key.ToMetadata();
    }

    /// <summary>The key's metadata; <paramref name="keyId"/> may be an id, key ARN, alias name or alias ARN, of another account too.</summary>
    public async Task<KeyMetadata> DescribeKeyAsync(CallerIdentity caller, string? keyId, IReadOnlyList<string>? grantTokens = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        KmsValidation.GrantTokens(grantTokens);
        KeyRecord key = await _keys.FindAsync(caller, keyId, "DescribeKey", crossAccount: true, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:DescribeKey", key, null, cancellationToken).ConfigureAwait(false);
        return key.ToMetadata();
    }

    /// <summary>The keys of the caller's account in the region, by key id, one page at a time.</summary>
    public async Task<KmsPage<KeyMetadata>> ListKeysAsync(CallerIdentity caller, int? limit, string? marker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int size = KmsValidation.Limit(limit);
        string scope = $"kms-keys:{caller.Region}:{caller.AccountId}";
        string? after = KmsMarkers.Decode(tokens, scope, marker);
        await _access.AuthorizeIdentityAsync(caller, "kms:ListKeys", null, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _keys.Now;
        IReadOnlyList<KeyRecord> keys = await _keys.Region(caller.Region).Store.TransactAsync(
            tx => KmsCollections.Keys.ListAsync(tx, new DocumentQuery { I1 = caller.AccountId, AfterKey = after, Limit = size + 1 }), cancellationToken)
            .ConfigureAwait(false);
        List<KeyMetadata> live = [.. keys.Where(k => !k.IsDeletedAt(now)).Select(k => k.ToMetadata())];
        return KmsMarkers.Page(tokens, scope, live, size, k => k.KeyId, keys.Count > size ? keys[^1].KeyId : null);
    }

    public Task<KeyMetadata> EnableKeyAsync(CallerIdentity caller, string? keyId, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(caller, keyId, "EnableKey", key => key with { State = KeyState.Enabled }, cancellationToken);

    public Task<KeyMetadata> DisableKeyAsync(CallerIdentity caller, string? keyId, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(caller, keyId, "DisableKey", key => key with { State = KeyState.Disabled }, cancellationToken);

    /// <summary>Schedules deletion after <paramref name="pendingWindowInDays"/> (7–30, default 30) days; the key is unusable meanwhile.</summary>
    public async Task<KeyMetadata> ScheduleKeyDeletionAsync(CallerIdentity caller, string? keyId, int? pendingWindowInDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int days = KmsValidation.PendingWindowInDays(pendingWindowInDays);
        KeyRecord key = await _keys.FindAsync(caller, keyId, "ScheduleKeyDeletion", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:ScheduleKeyDeletion", key, null, cancellationToken).ConfigureAwait(false);
        KeyRecord changed = await _keys.UpdateAsync(key, current => current.State == KeyState.PendingDeletion
            ? throw KmsErrors.PendingDeletion(current.Arn)
            : current with { State = KeyState.PendingDeletion, DeletionDate = _keys.Now.AddDays(days), PendingWindowInDays = days }, cancellationToken)
            .ConfigureAwait(false);
        return changed.ToMetadata();
    }

    /// <summary>Cancels a scheduled deletion; the key becomes <see cref="KeyState.Disabled"/>, as in AWS.</summary>
    public async Task<KeyMetadata> CancelKeyDeletionAsync(CallerIdentity caller, string? keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        KeyRecord key = await _keys.FindAsync(caller, keyId, "CancelKeyDeletion", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:CancelKeyDeletion", key, null, cancellationToken).ConfigureAwait(false);
        KeyRecord changed = await _keys.UpdateAsync(key, current => current.State != KeyState.PendingDeletion
            ? throw KmsErrors.InvalidState($"{current.Arn} is not pending deletion.")
            : current with { State = KeyState.Disabled, DeletionDate = null, PendingWindowInDays = null }, cancellationToken)
            .ConfigureAwait(false);
        return changed.ToMetadata();
    }

    public async Task UpdateKeyDescriptionAsync(CallerIdentity caller, string? keyId, string? description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (description is null)
        {
            throw KmsErrors.Validation("description", null, string.Empty);
        }

        string text = KmsValidation.Description(description);
        KeyRecord key = await _keys.FindAsync(caller, keyId, "UpdateKeyDescription", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:UpdateKeyDescription", key, null, cancellationToken).ConfigureAwait(false);
        await _keys.UpdateAsync(key, current => RequireNotPendingDeletion(current) with { Description = text }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes, in every region, the keys whose deletion date has passed, with their aliases: their material is gone for good.
    /// Until then they already behave as deleted. Returns how many keys were deleted.
    /// </summary>
    public async Task<int> PurgeDeletedKeysAsync(CancellationToken cancellationToken = default)
    {
        int purged = 0;
        string until = SortableTime.ToIndex(_keys.Now.AddTicks(1));
        foreach (Region region in regions.All)
        {
            purged += await region.Store.TransactAsync(async tx =>
            {
                IReadOnlyList<KeyRecord> due = await KmsCollections.Keys.ListAsync(
                    tx, new DocumentQuery { I2 = nameof(KeyState.PendingDeletion), I3To = until }).ConfigureAwait(false);
                foreach (KeyRecord key in due)
                {
                    foreach (AliasRecord alias in await KmsCollections.Aliases.ListAsync(tx, new DocumentQuery { I1 = key.AccountId, I2 = key.KeyId }).ConfigureAwait(false))
                    {
                        await KmsCollections.Aliases.DeleteAsync(tx, KmsCollections.Aliases.KeyOf(alias)).ConfigureAwait(false);
                    }

                    await KmsCollections.Keys.DeleteAsync(tx, key.KeyId).ConfigureAwait(false);
                }

                return due.Count;
            }, cancellationToken).ConfigureAwait(false);
        }

        return purged;
    }

    /// <summary>AWS's lockout safety check: the new policy must let the caller change the policy later.</summary>
    internal static async Task LockoutSafetyCheckAsync(KeyAccess access, CallerIdentity caller, string keyArn, string keyAccount, string policy, CancellationToken cancellationToken)
    {
        AccessDecision decision = await access.DecideAsync(caller, "kms:PutKeyPolicy", keyArn, keyAccount, policy, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            throw KmsErrors.MalformedPolicyDocument("The new key policy will not allow you to update the key policy in the future.");
        }
    }

    /// <summary>Validates a key policy's text and parses it as a resource policy.</summary>
    internal static string ParsedPolicy(string? text)
    {
        string policy = KmsValidation.PolicyText(text);
        return PolicyDocument.TryParse(policy, PolicyKind.Resource, 131072, out _, out string? error)
            ? policy
            : throw KmsErrors.MalformedPolicyDocument(error);
    }

    internal static KeyRecord RequireNotPendingDeletion(KeyRecord key) =>
        key.State == KeyState.PendingDeletion ? throw KmsErrors.PendingDeletion(key.Arn) : key;

    private static void ValidateKeyType(CreateKeyRequest request)
    {
        string usage = KmsValidation.KeyUsage(request.KeyUsage) ?? KeyMetadata.EncryptDecrypt;
        string? spec = KmsValidation.KeySpec(request.KeySpec, "keySpec");
        string? legacySpec = KmsValidation.KeySpec(request.CustomerMasterKeySpec, "customerMasterKeySpec");
        string origin = KmsValidation.Origin(request.Origin) ?? KeyMetadata.AwsKmsOrigin;
        if (spec is not null && legacySpec is not null)
        {
            throw KmsErrors.Validation("You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.");
        }

        string keySpec = spec ?? legacySpec ?? KeyMetadata.SymmetricDefault;
        string? unsupported =
            usage != KeyMetadata.EncryptDecrypt ? $"KeyUsage {usage}"
            : keySpec != KeyMetadata.SymmetricDefault ? $"KeySpec {keySpec}"
            : origin != KeyMetadata.AwsKmsOrigin ? $"Origin {origin}"
            : request.CustomKeyStoreId is not null ? "CustomKeyStoreId (custom key stores)"
            : request.XksKeyId is not null ? "XksKeyId (external key stores)"
            : request.MultiRegion == true ? "MultiRegion (multi-Region keys)"
            : null;
        if (unsupported is not null)
        {
            throw KmsErrors.UnsupportedOperation(
                $"Arca's KMS does not support {unsupported}: it creates symmetric encryption keys only (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT, Origin AWS_KMS).");
        }
    }

    private async Task<KeyMetadata> ChangeStateAsync(
        CallerIdentity caller, string? keyId, string operation, Func<KeyRecord, KeyRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        KeyRecord key = await _keys.FindAsync(caller, keyId, operation, crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:" + operation, key, null, cancellationToken).ConfigureAwait(false);
        KeyRecord changed = await _keys.UpdateAsync(key, current => change(RequireNotPendingDeletion(current)), cancellationToken).ConfigureAwait(false);
        return changed.ToMetadata();
    }
}
