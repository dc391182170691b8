using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Format;

namespace Arca.Storage.Repository;

/// <summary>
/// Read access to an open vault: config, keys, index, manifests, trees and blobs. Built on an
/// <see cref="IBlobReader"/>, so code holding only this type cannot change the vault. Thread-safe.
/// </summary>
public sealed class VaultReader
{
    private readonly ConcurrentBag<BlobCodec> _codecs = [];
    private VaultIndex? _index;

    internal VaultReader(IBlobReader store, VaultConfig config, VaultKeys keys)
    {
        Store = store;
        Config = config;
        Keys = keys;
    }

    public IBlobReader Store { get; }

    public VaultConfig Config { get; }

    internal VaultKeys Keys { get; }

    /// <summary>The loaded index; throws when <see cref="LoadIndexAsync"/> has not run.</summary>
    public VaultIndex Index => _index ?? throw new InvalidOperationException("the index is not loaded");

    /// <summary>Opens a vault for reading: finds a key object the KEK opens, then reads the config.</summary>
    public static async Task<VaultReader> OpenAsync(IBlobReader store, IKeyEncryptionKeyProvider kek, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kek);
        var master = await UnwrapMasterKeyAsync(store, kek, cancellationToken).ConfigureAwait(false);
        var keys = new VaultKeys(master.Key);
        CryptographicOperations.ZeroMemory(master.Key);
        var config = await ReadConfigAsync(store, keys, master.VaultId, cancellationToken).ConfigureAwait(false);
        return new VaultReader(store, config, keys);
    }

    /// <summary>The index, loading it on first use.</summary>
    public async Task<VaultIndex> EnsureIndexAsync(CancellationToken cancellationToken = default) =>
        _index ?? await LoadIndexAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Reads and checks every index object. A corrupt one is an error naming it.</summary>
    public async Task<VaultIndex> LoadIndexAsync(CancellationToken cancellationToken = default)
    {
        var infos = await ListAsync(FormatIds.IndexPrefix, cancellationToken).ConfigureAwait(false);
        var loaded = new (BlobId, IReadOnlyList<IndexedPack>)[infos.Count];
        await Parallel.ForAsync(0, infos.Count, cancellationToken, async (i, ct) =>
        {
            var id = ParseObjectId(infos[i].Key, FormatIds.IndexPrefix);
            loaded[i] = (id, await ReadIndexObjectAsync(id, ct).ConfigureAwait(false));
        }).ConfigureAwait(false);
        _index = VaultIndex.Build(loaded);
        return _index;
    }

    /// <summary>Uses an index built elsewhere (verify builds one that skips damaged index objects).</summary>
    internal void UseIndex(VaultIndex index) => _index = index;

    /// <summary>Reads one index object, checking its name, tag and structure.</summary>
    public async Task<IReadOnlyList<IndexedPack>> ReadIndexObjectAsync(BlobId id, CancellationToken cancellationToken = default)
    {
        var key = FormatIds.IndexKey(id);
        var plain = OpenObject(await ReadObjectAsync(key, id, cancellationToken).ConfigureAwait(false), AssociatedData.Index, key);
        return IndexCodec.TryDecode(plain, out var problem) ?? throw new VaultCorruptionException($"index object {key} in {Store.Location} is corrupt: {problem}");
    }

    /// <summary>Every recovery point's id, in no particular order.</summary>
    public async Task<IReadOnlyList<BlobId>> ListRecoveryPointIdsAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(FormatIds.RecoveryPointsPrefix, cancellationToken).ConfigureAwait(false))
            .Select(i => ParseObjectId(i.Key, FormatIds.RecoveryPointsPrefix))];

    public async Task<Manifest> LoadManifestAsync(BlobId id, CancellationToken cancellationToken = default)
    {
        var key = FormatIds.RecoveryPointKey(id);
        byte[] stored;
        try
        {
            stored = await ReadObjectAsync(key, id, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobNotFoundException)
        {
            throw new VaultException($"recovery point {id} does not exist in {Store.Location}");
        }

        var plain = OpenObject(stored, AssociatedData.Manifest, key);
        try
        {
            return FormatJson.Parse(plain, FormatJson.Default.Manifest, $"manifest {key}");
        }
        catch (FormatException e)
        {
            throw new VaultCorruptionException($"recovery point {id} in {Store.Location}: {e.Message}", e);
        }
    }

    /// <summary>All recovery points with their manifests, oldest first.</summary>
    public async Task<IReadOnlyList<(BlobId Id, Manifest Manifest)>> ListRecoveryPointsAsync(CancellationToken cancellationToken = default)
    {
        var ids = await ListRecoveryPointIdsAsync(cancellationToken).ConfigureAwait(false);
        var result = new (BlobId, Manifest)[ids.Count];
        await Parallel.ForAsync(0, ids.Count, cancellationToken, async (i, ct) =>
            result[i] = (ids[i], await LoadManifestAsync(ids[i], ct).ConfigureAwait(false))).ConfigureAwait(false);
        return [.. result.OrderBy(r => r.Item2.Time).ThenBy(r => r.Item1)];
    }

    /// <summary>Resolves <c>latest</c>, a full id or a unique prefix of at least 8 hex digits.</summary>
    public async Task<BlobId> ResolveRecoveryPointAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (reference == "latest")
        {
            var all = await ListRecoveryPointsAsync(cancellationToken).ConfigureAwait(false);
            return all.Count > 0 ? all[^1].Id : throw new VaultException($"vault {Store.Location} holds no recovery points");
        }

        if (BlobId.TryParse(reference, out var full))
        {
            return full;
        }

        if (reference.Length < 8 || !reference.All(char.IsAsciiHexDigitLower))
        {
            throw new VaultException($"'{reference}' is not a recovery point id (64 hex digits, a unique prefix of 8 or more, or 'latest')");
        }

        var matches = (await ListRecoveryPointIdsAsync(cancellationToken).ConfigureAwait(false))
            .Where(id => id.ToString().StartsWith(reference, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new VaultException($"no recovery point {reference} in {Store.Location}"),
            _ => throw new VaultException($"recovery point prefix {reference} is ambiguous in {Store.Location}"),
        };
    }

    /// <summary>Loads and validates a tree blob.</summary>
    public async Task<Tree> LoadTreeAsync(BlobId id, CancellationToken cancellationToken = default)
    {
        var plain = await ReadBlobAsync(id, BlobKind.Tree, cancellationToken).ConfigureAwait(false);
        try
        {
            var tree = FormatJson.Parse(plain, FormatJson.Default.Tree, $"tree {id.Short()}");
            tree.Validate();
            return tree;
        }
        catch (FormatException e)
        {
            throw new VaultCorruptionException($"tree {id} in {Store.Location}: {e.Message}", e);
        }
    }

    /// <summary>Reads, decrypts and checks one blob; returns its plaintext.</summary>
    public async Task<byte[]> ReadBlobAsync(BlobId id, BlobKind kind, CancellationToken cancellationToken = default)
    {
        var codec = RentCodec();
        try
        {
            if (!Index.TryFind(id, out _, out var entry))
            {
                throw new VaultCorruptionException($"blob {id} is not in the index of {Store.Location}");
            }

            var plain = new byte[entry.RawLength];
            await ReadBlobAsync(id, kind, codec, new byte[entry.Length], plain, cancellationToken).ConfigureAwait(false);
            return plain;
        }
        finally
        {
            ReturnCodec(codec);
        }
    }

    /// <summary>
    /// Reads one blob into <paramref name="destination"/> (its raw length) using a caller-owned codec
    /// and a scratch buffer of at least the stored length.
    /// </summary>
    public async Task ReadBlobAsync(BlobId id, BlobKind kind, BlobCodec codec, byte[] scratch, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(scratch);
        if (!Index.TryFind(id, out var packId, out var entry))
        {
            throw new VaultCorruptionException($"blob {id} is not in the index of {Store.Location}");
        }

        if (entry.Kind != kind)
        {
            throw new VaultCorruptionException($"blob {id} is a {entry.Kind} blob, expected {kind}");
        }

        var key = FormatIds.PackKey(packId);
        var sealedBlob = scratch.AsMemory(0, (int)entry.Length);
        try
        {
            await Store.ReadRangeAsync(key, entry.Offset, sealedBlob, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobNotFoundException e)
        {
            throw new VaultCorruptionException($"pack {key} holding blob {id.Short()} is missing from {Store.Location}", e);
        }
        catch (BlobStoreException e) when (e is not TransientBlobStoreException)
        {
            throw new VaultCorruptionException($"pack {key} holding blob {id.Short()} cannot be read: {e.Message}", e);
        }

        var problem = codec.TryOpen(entry, sealedBlob.Span, destination.Span);
        if (problem is not null)
        {
            throw new VaultCorruptionException($"blob {id.Short()} in pack {key}: {problem}");
        }
    }

    /// <summary>A codec for this vault; return it with <see cref="ReturnCodec"/>.</summary>
    public BlobCodec RentCodec() => _codecs.TryTake(out var c) ? c : new BlobCodec(Keys, Config.Compression.Level);

    public void ReturnCodec(BlobCodec codec) => _codecs.Add(codec);

    /// <summary>Reads an immutable object and checks that its name is the SHA-256 of its bytes.</summary>
    public async Task<byte[]> ReadObjectAsync(string key, BlobId expected, CancellationToken cancellationToken = default)
    {
        var bytes = await Store.ReadAllAsync(key, cancellationToken).ConfigureAwait(false);
        if (new BlobId(SHA256.HashData(bytes)) != expected)
        {
            throw new VaultCorruptionException($"{key} in {Store.Location} is corrupt: its content does not match its name");
        }

        return bytes;
    }

    /// <summary>Decrypts a whole-object envelope (index, manifest, lock).</summary>
    public byte[] OpenObject(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData, string key)
    {
        using var aead = Keys.CreateAead();
        return aead.TryOpen(envelope, associatedData)
            ?? throw new VaultCorruptionException($"{key} in {Store.Location} is corrupt: authentication failed");
    }

    public static BlobId ParseObjectId(string key, string prefix) =>
        BlobId.TryParse(key[prefix.Length..], out var id) ? id : throw new VaultCorruptionException($"unexpected object {key}");

    private async Task<List<BlobInfo>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var list = new List<BlobInfo>();
        await foreach (var info in Store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            list.Add(info);
        }

        return list;
    }

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
