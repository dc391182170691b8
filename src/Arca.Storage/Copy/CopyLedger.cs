using System.Buffers.Binary;
using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Copy;

/// <summary>
/// The destination's memory of earlier copies from one source vault: source blob id → its id in
/// this vault (vault-format.md §7). Blob ids are keyed per vault, so without it every copy would
/// have to read every source blob to learn its destination id. Objects
/// <c>copies/&lt;source vault id&gt;/&lt;sha256&gt;</c>, encrypted under the destination's key.
/// An entry is only a hint: it is trusted when the destination's index holds the mapped blob.
/// </summary>
internal static class CopyLedger
{
    private const int EntrySize = 2 * BlobId.Size;

    public static string Prefix(string sourceVaultId) => FormatIds.CopiesPrefix + sourceVaultId + "/";

    public static async Task<Dictionary<BlobId, BlobId>> LoadAsync(Vault vault, string sourceVaultId, CancellationToken cancellationToken)
    {
        var map = new Dictionary<BlobId, BlobId>();
        var keys = new List<string>();
        await foreach (var info in vault.Store.ListAsync(Prefix(sourceVaultId), cancellationToken).ConfigureAwait(false))
        {
            keys.Add(info.Key);
        }

        foreach (var key in keys)
        {
            byte[] plain;
            try
            {
                var id = VaultReader.ParseObjectId(key, Prefix(sourceVaultId));
                plain = vault.Reader.OpenObject(await vault.Reader.ReadObjectAsync(key, id, cancellationToken).ConfigureAwait(false), AssociatedData.CopyLedger, key);
            }
            catch (VaultCorruptionException)
            {
                // A damaged ledger only costs a re-read of the source blobs it mapped.
                continue;
            }

            if (plain.Length < 8 || !plain.AsSpan(0, 4).SequenceEqual(FormatIds.LedgerMagic) ||
                BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(4)) * (long)EntrySize != plain.Length - 8)
            {
                continue;
            }

            for (var at = 8; at < plain.Length; at += EntrySize)
            {
                map[new BlobId(plain.AsSpan(at, BlobId.Size))] = new BlobId(plain.AsSpan(at + BlobId.Size, BlobId.Size));
            }
        }

        return map;
    }

    /// <summary>Writes the new entries of one copy as one ledger object (after the blobs they name are durable).</summary>
    public static async Task WriteAsync(Vault vault, string sourceVaultId, IReadOnlyCollection<KeyValuePair<BlobId, BlobId>> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var plain = new byte[8 + (entries.Count * EntrySize)];
        FormatIds.LedgerMagic.CopyTo(plain);
        BinaryPrimitives.WriteUInt32LittleEndian(plain.AsSpan(4), (uint)entries.Count);
        var at = 8;
        foreach (var (source, destination) in entries)
        {
            source.WriteTo(plain.AsSpan(at));
            destination.WriteTo(plain.AsSpan(at + BlobId.Size));
            at += EntrySize;
        }

        await vault.WriteObjectAsync(Prefix(sourceVaultId), plain, AssociatedData.CopyLedger.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
