using Arca.Control.Identity.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Identity;

/// <summary>
/// The access-key table: finds the secret and principal of a key for SigV4 verification, and issues STS
/// session keys. Secrets and session tokens are stored sealed (<see cref="SecretSealer"/>) and never logged.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CredentialStore(IMetadataStore store, SecretSealer sealer, TimeProvider time)
{
    /// <summary>
    /// The key <paramref name="accessKeyId"/> with its secret and principal, or null when unknown. Expired
    /// sessions are returned too (with <see cref="ResolvedCredential.ExpiresAt"/> in the past), so that the
    /// verifier can answer ExpiredToken.
    /// </summary>
    public async Task<ResolvedCredential?> FindAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(accessKeyId) || accessKeyId.Length > 128)
        {
            return null;
        }

        AccessKeyRecord? record = await store.TransactAsync(
            tx => IdentityCollections.AccessKeys.GetAsync(tx, accessKeyId), cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        return new ResolvedCredential
        {
            AccessKeyId = record.AccessKeyId,
            SecretAccessKey = sealer.Unseal(record.SealedSecret, SecretContext(record.AccessKeyId)),
            SessionToken = record.SealedSessionToken is { } token ? sealer.Unseal(token, TokenContext(record.AccessKeyId)) : null,
            ExpiresAt = record.ExpiresAt,
            AccountId = record.AccountId,
            Kind = record.Kind,
            RoleArn = record.RoleArn,
            RoleId = record.RoleId,
            SessionName = record.SessionName,
        };
    }

    /// <summary>Issues temporary credentials (<c>ASIA…</c>, a secret and a session token) for <paramref name="grant"/>.</summary>
    public Task<IssuedAccessKey> IssueSessionAsync(SessionGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        string secret = CredentialGenerator.SecretAccessKey();
        string token = CredentialGenerator.SessionToken();
        return store.TransactAsync(async tx =>
        {
            while (true)
            {
                string id = CredentialGenerator.SessionAccessKeyId();
                var record = new AccessKeyRecord
                {
                    AccessKeyId = id,
                    AccountId = grant.AccountId,
                    Kind = AccessKeyKind.Session,
                    SealedSecret = sealer.Seal(secret, SecretContext(id)),
                    SealedSessionToken = sealer.Seal(token, TokenContext(id)),
                    CreatedAt = time.GetUtcNow(),
                    ExpiresAt = grant.ExpiresAt,
                    RoleArn = grant.RoleArn,
                    RoleId = grant.RoleId,
                    SessionName = grant.SessionName,
                };
                if (await IdentityCollections.AccessKeys.InsertAsync(tx, record).ConfigureAwait(false))
                {
                    return new IssuedAccessKey(id, secret, token, grant.ExpiresAt);
                }
            }
        }, cancellationToken);
    }

    /// <summary>Deletes session keys that expired before <paramref name="before"/>; returns how many.</summary>
    public Task<int> PurgeExpiredSessionsAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        store.TransactAsync(async tx =>
        {
            IReadOnlyList<StoredDocument> expired = await tx.ListAsync(IdentityCollections.AccessKeys.Name, new DocumentQuery
            {
                I2 = nameof(AccessKeyKind.Session),
                I3To = SortableTime.ToIndex(before),
            }).ConfigureAwait(false);
            foreach (StoredDocument doc in expired)
            {
                await tx.DeleteAsync(IdentityCollections.AccessKeys.Name, doc.Key).ConfigureAwait(false);
            }

            return expired.Count;
        }, cancellationToken);

    internal static string SecretContext(string accessKeyId) => "access-key-secret:" + accessKeyId;

    internal static string TokenContext(string accessKeyId) => "session-token:" + accessKeyId;
}
