using System.Text.Json;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>The opening aspect: finding a key object the KEK opens, and reading the config.</summary>
public sealed partial class VaultReader
{
    private static async Task<(byte[] Key, string VaultId)> UnwrapMasterKeyAsync(IBlobReader store, IKeyEncryptionKeyProvider kek, CancellationToken cancellationToken)
    {
        var keyObjects = new List<KeyObject>();
        VaultCorruptionException? damaged = null;
        await foreach (var info in store.ListAsync(FormatIds.KeysPrefix, cancellationToken).ConfigureAwait(false))
        {
            var bytes = await store.ReadAllAsync(info.Key, cancellationToken).ConfigureAwait(false);
            try
            {
                keyObjects.Add(FormatJson.Parse(bytes, FormatJson.Default.KeyObject, $"key object {info.Key}"));
            }
            catch (FormatException e)
            {
                // Another key object may still open the vault; the damage is reported when none does.
                damaged ??= new VaultCorruptionException($"{info.Key} in {store.Location} is corrupt: {e.Message}", e);
            }
        }

        if (keyObjects.Count == 0 && damaged is null)
        {
            var hasConfig = await store.GetSizeAsync(FormatIds.ConfigKey, cancellationToken).ConfigureAwait(false) is not null;
            throw new VaultException(hasConfig
                ? $"vault {store.Location} has no key objects (keys/ is missing or empty)"
                : $"{store.Location} is not an Arca vault (no config and no keys); create one with 'arca vault init'");
        }

        foreach (var k in keyObjects.Where(k => k.Provider == kek.ProviderId && k.Kek == kek.KeyId))
        {
            try
            {
                var master = await kek.UnwrapAsync(k.Wrapped, AssociatedData.KeyWrap(k.Vault), cancellationToken).ConfigureAwait(false);
                return (master, k.Vault);
            }
            catch (WrongKeyException)
            {
                damaged ??= new VaultCorruptionException($"the key object for key {kek.KeyId} in {store.Location} is corrupt (authentication failed)");
            }
        }

        if (damaged is not null)
        {
            throw damaged;
        }

        throw new VaultException(
            $"the key ({kek.ProviderId} {kek.KeyId}) does not open vault {store.Location}; it is opened by {string.Join(", ", keyObjects.Select(k => $"{k.Provider} {k.Kek}"))}");
    }

    private static async Task<VaultConfig> ReadConfigAsync(IBlobReader store, VaultKeys keys, string vaultId, CancellationToken cancellationToken)
    {
        byte[] stored;
        try
        {
            stored = await store.ReadAllAsync(FormatIds.ConfigKey, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobNotFoundException)
        {
            throw new VaultException($"vault {store.Location} is incomplete: it has keys but no config");
        }

        using var aead = keys.CreateAead();
        var plain = aead.TryOpen(stored, AssociatedData.Config(vaultId))
            ?? throw new VaultCorruptionException($"config of vault {store.Location} is corrupt: authentication failed");
        try
        {
            var config = FormatJson.Parse(plain, FormatJson.Default.VaultConfig, "config");
            config.Validate();
            return config.Id == vaultId ? config : throw new FormatException("config belongs to another vault");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new VaultCorruptionException($"config of vault {store.Location}: {e.Message}", e);
        }
    }
}
