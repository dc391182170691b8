using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Cli.Server;

/// <summary>
/// First start of a data directory (docs/design/server.md §2): creates the first account and its root key and
/// writes the key to <c>DIR/credentials</c> (profile <c>management</c>, mode 0600). Later starts reuse the
/// account, and write the file again only when it is missing.
/// </summary>
internal static class ServerBootstrap
{
    public const string Profile = "management";
    private const string FirstAccountKey = "first-account";

    /// <summary>Returns the first account's id and whether it was created now.</summary>
    public static async Task<(string AccountId, bool Created)> EnsureFirstAccountAsync(
        IMetadataStore store, AccountService accounts, string credentialsPath, CancellationToken cancellationToken)
    {
        StoredDocument? marker = await store.TransactAsync(tx => tx.GetAsync(PageTokens.MetaCollection, FirstAccountKey), cancellationToken).ConfigureAwait(false);
        bool created = marker is null;
        string accountId;
        if (marker is null)
        {
            Account account = await accounts.CreateAccountAsync("management", "management@arca.invalid", cancellationToken).ConfigureAwait(false);
            await accounts.CreateRootAccessKeyAsync(account.Id, cancellationToken).ConfigureAwait(false);
            await store.TransactAsync(
                tx => tx.InsertAsync(PageTokens.MetaCollection, FirstAccountKey, $"\"{account.Id}\"", IndexFields.None), cancellationToken).ConfigureAwait(false);
            accountId = account.Id;
        }
        else
        {
            accountId = marker.Json.Trim('"');
        }

        if (!File.Exists(credentialsPath))
        {
            IssuedAccessKey key = (await accounts.GetRootAccessKeysAsync(accountId, cancellationToken).ConfigureAwait(false))[0];
            SecretFile.WriteNew(credentialsPath,
                $"[{Profile}]\naws_access_key_id = {key.AccessKeyId}\naws_secret_access_key = {key.SecretAccessKey}\n");
        }

        return (accountId, created);
    }
}
