using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Tests.Server;

/// <summary>
/// Creates accounts in a running <c>arca server</c>'s data directory, the way Organizations' CreateAccount will: through
/// <see cref="AccountService"/> on a second SQLite connection to <c>DIR/global.db</c>, sealing the new root key with the
/// server's master key. The server finds the key on its next request (it reads access keys from the store).
/// </summary>
internal static class ServerAccounts
{
    public static async Task<(string AccountId, string KeyId, string Secret)> CreateAsync(string dataDir, string name)
    {
        MasterKey masterKey = MasterKey.LoadOrCreate(Path.Combine(dataDir, "master.key"), null, out bool created);
        Assert.False(created, "the server's master key must exist");
        await using SqliteMetadataStore store = await SqliteMetadataStore.OpenAsync(Path.Combine(dataDir, "global.db"));
        var accounts = new AccountService(store, new SecretSealer(masterKey), TimeProvider.System);
        Account account = await accounts.CreateAccountAsync(name, $"{name}-{Guid.NewGuid():N}@example.com");
        IssuedAccessKey key = await accounts.CreateRootAccessKeyAsync(account.Id);
        return (account.Id, key.AccessKeyId, key.SecretAccessKey);
    }
}
