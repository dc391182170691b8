using System.Security.Cryptography;
using System.Text.Json;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>
/// An open vault with write access: the store, its reader, and the clock. Creating and opening
/// vaults starts here; operations (backup, restore, verify, delete, gc) take a vault or its reader.
/// </summary>
public sealed class Vault
{
    private Vault(IBlobStore store, VaultReader reader, TimeProvider time)
    {
        Store = store;
        Reader = reader;
        Time = time;
    }

    public IBlobStore Store { get; }

    public VaultReader Reader { get; }

    public TimeProvider Time { get; }

    public VaultConfig Config => Reader.Config;

    /// <summary>Creates a new, empty vault. Fails when the store already holds a vault.</summary>
    public static async Task<Vault> InitAsync(IBlobStore store, IKeyEncryptionKeyProvider kek, VaultInitOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kek);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        await EnsureEmptyAsync(store, cancellationToken).ConfigureAwait(false);

        var vaultId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var master = VaultKeys.NewMasterKey();
        var keys = new VaultKeys(master);
        var keyObject = new KeyObject
        {
            Version = FormatIds.VaultFormatVersion,
            Provider = kek.ProviderId,
            Kek = kek.KeyId,
            Vault = vaultId,
            Wrapped = await kek.WrapAsync(master, AssociatedData.KeyWrap(vaultId), cancellationToken).ConfigureAwait(false),
            Created = time.GetUtcNow(),
        };
        CryptographicOperations.ZeroMemory(master);
        var config = new VaultConfig
        {
            Version = FormatIds.VaultFormatVersion,
            Id = vaultId,
            Created = time.GetUtcNow(),
            Chunker = options.Chunker,
            Compression = new CompressionSettings(FormatIds.CompressionZstd, options.CompressionLevel),
            BlobId = FormatIds.BlobIdHmacSha256,
            Cipher = FormatIds.CipherAes256Gcm,
            PackSize = options.PackSize,
        };
        try
        {
            config.Validate();
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(options), e);
        }

        var keyBytes = JsonSerializer.SerializeToUtf8Bytes(keyObject, FormatJson.Default.KeyObject);
        await store.TryCreateAsync(FormatIds.KeysPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), keyBytes, cancellationToken).ConfigureAwait(false);
        using var aead = keys.CreateAead();
        var sealedConfig = aead.Seal(JsonSerializer.SerializeToUtf8Bytes(config, FormatJson.Default.VaultConfig), AssociatedData.Config(vaultId));
        if (!await store.TryCreateAsync(FormatIds.ConfigKey, sealedConfig, cancellationToken).ConfigureAwait(false))
        {
            throw new VaultException($"{store.Location} already holds a vault (another init won the race)");
        }

        return new Vault(store, new VaultReader(store, config, keys), time);
    }

    /// <summary>Opens an existing vault with the given key.</summary>
    public static async Task<Vault> OpenAsync(IBlobStore store, IKeyEncryptionKeyProvider kek, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var reader = await VaultReader.OpenAsync(store, kek, cancellationToken).ConfigureAwait(false);
        return new Vault(store, reader, time);
    }

    /// <summary>Encrypts a whole object (index, manifest), names it by the SHA-256 of its bytes and creates it.</summary>
    internal async Task<BlobId> WriteObjectAsync(string prefix, ReadOnlyMemory<byte> plaintext, byte[] associatedData, CancellationToken cancellationToken)
    {
        using var aead = Reader.Keys.CreateAead();
        var stored = aead.Seal(plaintext.Span, associatedData);
        var id = new BlobId(SHA256.HashData(stored));
        await Store.TryCreateAsync(prefix + id, stored, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private static async Task EnsureEmptyAsync(IBlobStore store, CancellationToken cancellationToken)
    {
        if (await store.GetSizeAsync(FormatIds.ConfigKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new VaultException($"{store.Location} already holds a vault");
        }

        await foreach (var _ in store.ListAsync(FormatIds.KeysPrefix, cancellationToken).ConfigureAwait(false))
        {
            throw new VaultException($"{store.Location} holds key objects but no config (an interrupted init?); remove it and init again");
        }
    }
}
