using Arca.Control.Errors;
using Arca.Control.Identity.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Identity;

/// <summary>
/// Accounts and their root access keys, in the global metadata store. Used by <c>arca server</c> on first
/// start and by Organizations' CreateAccount.
/// </summary>
/// <remarks>Thread-safe. Every method is one transaction.</remarks>
public sealed class AccountService(IMetadataStore store, SecretSealer sealer, TimeProvider time)
{
    /// <summary>Root access keys an account may have, as in AWS.</summary>
    public const int MaxRootAccessKeys = 2;

    /// <summary>
    /// Creates an account with a new random, unique 12-digit id.
    /// </summary>
    /// <exception cref="AwsServiceException"><c>InvalidInputException</c> for a bad name or email;
    /// <c>DuplicateAccountException</c> when the email is taken.</exception>
    public async Task<Account> CreateAccountAsync(string name, string email, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        ValidateEmail(email);
        return await store.TransactAsync(async tx =>
        {
            IReadOnlyList<StoredDocument> sameEmail = await tx.ListAsync(
                IdentityCollections.Accounts.Name, new DocumentQuery { I1 = email.ToLowerInvariant(), Limit = 1 }).ConfigureAwait(false);
            if (sameEmail.Count > 0)
            {
                throw new AwsServiceException("DuplicateAccountException", $"An account with the email {email} already exists.", 409);
            }

            while (true)
            {
                var account = new Account(CredentialGenerator.AccountId(), name, email, time.GetUtcNow());
                if (await IdentityCollections.Accounts.InsertAsync(tx, account).ConfigureAwait(false))
                {
                    return account;
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account <paramref name="accountId"/>, or null.</summary>
    public Task<Account?> GetAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return store.TransactAsync(tx => IdentityCollections.Accounts.GetAsync(tx, accountId), cancellationToken);
    }

    /// <summary>Every account, by id.</summary>
    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default) =>
        store.TransactAsync(tx => IdentityCollections.Accounts.ListAsync(tx, DocumentQuery.All), cancellationToken);

    /// <summary>Creates a root access key (<c>AKIA…</c>) for the account; the secret is returned once and stored sealed.</summary>
    /// <exception cref="AwsServiceException"><c>NoSuchEntity</c> for an unknown account; <c>LimitExceeded</c> past <see cref="MaxRootAccessKeys"/>.</exception>
    public Task<IssuedAccessKey> CreateRootAccessKeyAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return store.TransactAsync(async tx =>
        {
            if (await IdentityCollections.Accounts.GetAsync(tx, accountId).ConfigureAwait(false) is null)
            {
                throw new AwsServiceException("NoSuchEntity", $"The account {accountId} does not exist.", 404);
            }

            IReadOnlyList<StoredDocument> existing = await tx.ListAsync(
                IdentityCollections.AccessKeys.Name, new DocumentQuery { I1 = accountId, I2 = nameof(AccessKeyKind.Root) }).ConfigureAwait(false);
            if (existing.Count >= MaxRootAccessKeys)
            {
                throw new AwsServiceException("LimitExceeded", $"Cannot exceed quota for AccessKeysPerUser: {MaxRootAccessKeys}", 409);
            }

            string secret = CredentialGenerator.SecretAccessKey();
            while (true)
            {
                string id = CredentialGenerator.RootAccessKeyId();
                var record = new AccessKeyRecord
                {
                    AccessKeyId = id,
                    AccountId = accountId,
                    Kind = AccessKeyKind.Root,
                    SealedSecret = sealer.Seal(secret, CredentialStore.SecretContext(id)),
                    CreatedAt = time.GetUtcNow(),
                };
                if (await IdentityCollections.AccessKeys.InsertAsync(tx, record).ConfigureAwait(false))
                {
                    return new IssuedAccessKey(id, secret);
                }
            }
        }, cancellationToken);
    }

    /// <summary>The account's root keys with their secrets, oldest first: for the server's bootstrap only (writing <c>DIR/credentials</c>).</summary>
    public Task<IReadOnlyList<IssuedAccessKey>> GetRootAccessKeysAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return store.TransactAsync<IReadOnlyList<IssuedAccessKey>>(async tx =>
        {
            IReadOnlyList<AccessKeyRecord> keys = await IdentityCollections.AccessKeys.ListAsync(
                tx, new DocumentQuery { I1 = accountId, I2 = nameof(AccessKeyKind.Root) }).ConfigureAwait(false);
            return [.. keys.OrderBy(k => k.CreatedAt)
                .Select(k => new IssuedAccessKey(k.AccessKeyId, sealer.Unseal(k.SealedSecret, CredentialStore.SecretContext(k.AccessKeyId))))];
        }, cancellationToken);
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 50 || name.Any(char.IsControl))
        {
            throw new AwsServiceException("InvalidInputException", "AccountName must be 1 to 50 printable characters.", 400);
        }
    }

    private static void ValidateEmail(string email)
    {
        int at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (email is null || email.Length is < 6 or > 64 || at <= 0 || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new AwsServiceException("InvalidInputException", "Email must be an email address of 6 to 64 characters.", 400);
        }
    }
}
