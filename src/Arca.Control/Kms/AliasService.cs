using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms.Internal;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;

namespace Arca.Control.Kms;

/// <summary>
/// Aliases of the caller's keys: CreateAlias, UpdateAlias, DeleteAlias, ListAliases. Names start with <c>alias/</c>;
/// <c>alias/aws/</c> is reserved for AWS-managed keys (<c>NotAuthorizedException</c>). An alias operation needs the
/// action on the alias (identity side) and on each key involved (key policy), as in AWS.
/// </summary>
/// <remarks>Thread-safe. Aliases live in the caller's account and region; they cannot point at another account's key.</remarks>
public sealed class AliasService(RegionSet regions, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    private const string ReservedPrefix = "alias/aws/";
    private readonly KeyStore _keys = new(regions, time);
    private readonly KeyAccess _access = new(authorizer);

    public async Task<KmsAlias> CreateAliasAsync(CallerIdentity caller, string? aliasName, string? targetKeyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = CustomerAliasName(aliasName);
        KeyRecord key = await TargetAsync(caller, targetKeyId, "CreateAlias", cancellationToken).ConfigureAwait(false);
        string aliasArn = Arn.KmsAlias(caller.Region, caller.AccountId, name).ToString();
        await _access.AuthorizeIdentityAsync(caller, "kms:CreateAlias", aliasArn, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:CreateAlias", key, null, cancellationToken).ConfigureAwait(false);
        KeyService.RequireNotPendingDeletion(key);

        DateTimeOffset now = _keys.Now;
        var alias = new AliasRecord
        {
            AccountId = caller.AccountId,
            AliasName = name,
            AliasArn = aliasArn,
            TargetKeyId = key.KeyId,
            CreationDate = now,
            LastUpdatedDate = now,
        };
        return await _keys.Region(caller.Region).Store.TransactAsync(async tx =>
            await KmsCollections.Aliases.InsertAsync(tx, alias).ConfigureAwait(false)
                ? alias.ToAlias()
                : throw KmsErrors.AlreadyExists($"An alias with the name {aliasArn} already exists"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points an existing alias at another key of the caller's account.</summary>
    public async Task<KmsAlias> UpdateAliasAsync(CallerIdentity caller, string? aliasName, string? targetKeyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = CustomerAliasName(aliasName);
        KeyRecord target = await TargetAsync(caller, targetKeyId, "UpdateAlias", cancellationToken).ConfigureAwait(false);
        AliasRecord alias = await RequireAliasAsync(caller, name, cancellationToken).ConfigureAwait(false);
        KeyRecord current = await _keys.FindAsync(caller, alias.TargetKeyId, "UpdateAlias", crossAccount: false, "aliasName", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeIdentityAsync(caller, "kms:UpdateAlias", alias.AliasArn, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:UpdateAlias", current, null, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:UpdateAlias", target, null, cancellationToken).ConfigureAwait(false);
        KeyService.RequireNotPendingDeletion(target);

        AliasRecord updated = alias with { TargetKeyId = target.KeyId, LastUpdatedDate = _keys.Now };
        await _keys.Region(caller.Region).Store.TransactAsync(
            tx => KmsCollections.Aliases.PutAsync(tx, updated), cancellationToken).ConfigureAwait(false);
        return updated.ToAlias();
    }

    public async Task DeleteAliasAsync(CallerIdentity caller, string? aliasName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = CustomerAliasName(aliasName);
        AliasRecord alias = await RequireAliasAsync(caller, name, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeIdentityAsync(caller, "kms:DeleteAlias", alias.AliasArn, cancellationToken).ConfigureAwait(false);
        KeyRecord? key = await _keys.FindByIdAsync(caller.Region, alias.TargetKeyId, cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            await _access.AuthorizeAsync(caller, "kms:DeleteAlias", key, null, cancellationToken).ConfigureAwait(false);
        }

        await _keys.Region(caller.Region).Store.TransactAsync(
            tx => KmsCollections.Aliases.DeleteAsync(tx, KmsCollections.AliasKey(caller.AccountId, name)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The aliases of the caller's account by name, or of one key (<paramref name="keyId"/>). Like AWS, the listing includes
    /// the predefined <c>alias/aws/backup</c> before its key exists (without a target key).
    /// </summary>
    public async Task<KmsPage<KmsAlias>> ListAliasesAsync(CallerIdentity caller, string? keyId, int? limit, string? marker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int size = KmsValidation.Limit(limit);
        KeyRecord? key = keyId is null ? null
            : await _keys.FindAsync(caller, keyId, "ListAliases", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        string scope = $"kms-aliases:{caller.Region}:{caller.AccountId}:{key?.KeyId}";
        string? after = KmsMarkers.Decode(tokens, scope, marker);
        await _access.AuthorizeIdentityAsync(caller, "kms:ListAliases", null, cancellationToken).ConfigureAwait(false);

        DateTimeOffset now = _keys.Now;
        (List<KmsAlias> aliases, string? lastStored) = await _keys.Region(caller.Region).Store.TransactAsync(async tx =>
        {
            var query = new DocumentQuery { I1 = caller.AccountId, I2 = key?.KeyId, AfterKey = after, Limit = size + 1 };
            IReadOnlyList<AliasRecord> stored = await KmsCollections.Aliases.ListAsync(tx, query).ConfigureAwait(false);
            string? last = stored.Count > size ? KmsCollections.Aliases.KeyOf(stored[^1]) : null;
            List<KmsAlias> found = [];
            foreach (AliasRecord alias in stored)
            {
                // An alias of a key whose deletion date has passed is gone with the key.
                if (await KmsCollections.Keys.GetAsync(tx, alias.TargetKeyId).ConfigureAwait(false) is { } target && !target.IsDeletedAt(now))
                {
                    found.Add(alias.ToAlias());
                }
            }

            // The predefined alias is listed until its key exists, at its place in name order within this page's window.
            string predefined = KmsCollections.AliasKey(caller.AccountId, KeyStore.AwsBackupAlias);
            if (key is null && (after is null || string.CompareOrdinal(predefined, after) > 0) && (last is null || string.CompareOrdinal(predefined, last) <= 0)
                && await KmsCollections.Aliases.GetAsync(tx, predefined).ConfigureAwait(false) is null)
            {
                found.Add(new KmsAlias(KeyStore.AwsBackupAlias, Arn.KmsAlias(caller.Region, caller.AccountId, KeyStore.AwsBackupAlias).ToString(), null, null, null));
                found.Sort((a, b) => string.CompareOrdinal(a.AliasName, b.AliasName));
            }

            return (found, last);
        }, cancellationToken).ConfigureAwait(false);
        return KmsMarkers.Page(tokens, scope, aliases, size, a => KmsCollections.AliasKey(caller.AccountId, a.AliasName), lastStored);
    }

    /// <summary>A valid alias name a customer may manage: <c>alias/NAME</c>, not under <c>alias/aws/</c>.</summary>
    private static string CustomerAliasName(string? aliasName)
    {
        string name = KmsValidation.AliasName(aliasName);
        if (!name.StartsWith("alias/", StringComparison.Ordinal))
        {
            throw KmsErrors.Validation("Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }

        if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            throw KmsErrors.NotAuthorized($"{name} is not allowed: the prefix {ReservedPrefix} is reserved for AWS managed keys.");
        }

        return name.Length > "alias/".Length && !name.Contains(':', StringComparison.Ordinal)
            ? name
            : throw KmsErrors.InvalidAliasName($"{name} is not a valid alias name: it is alias/ followed by a name of [a-zA-Z0-9/_-].");
    }

    /// <summary>The key an alias is to point at: a key id or key ARN (not an alias) of the caller's account.</summary>
    private async Task<KeyRecord> TargetAsync(CallerIdentity caller, string? targetKeyId, string operation, CancellationToken cancellationToken)
    {
        string value = KmsValidation.KeyId(targetKeyId, "targetKeyId");
        if (value.StartsWith("alias/", StringComparison.Ordinal) || (value.StartsWith("arn:", StringComparison.Ordinal) && value.Contains(":alias/", StringComparison.Ordinal)))
        {
            throw KmsErrors.Validation($"Aliases must refer to keys. Not aliases: TargetKeyId {value} is an alias; give the key id or key ARN.");
        }

        return await _keys.FindAsync(caller, value, operation, crossAccount: false, "targetKeyId", cancellationToken).ConfigureAwait(false);
    }

    private async Task<AliasRecord> RequireAliasAsync(CallerIdentity caller, string name, CancellationToken cancellationToken) =>
        await _keys.Region(caller.Region).Store.TransactAsync(
            tx => KmsCollections.Aliases.GetAsync(tx, KmsCollections.AliasKey(caller.AccountId, name)), cancellationToken).ConfigureAwait(false)
        ?? throw KmsErrors.AliasNotFound(Arn.KmsAlias(caller.Region, caller.AccountId, name).ToString());
}
