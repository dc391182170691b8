using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Copy;

/// <summary>A recovery point source backed by a vault in this process.</summary>
public sealed class VaultRecoveryPointSource : IRecoveryPointSource
{
    private readonly VaultReader _vault;

    private VaultRecoveryPointSource(VaultReader vault) => _vault = vault;

    public string VaultId => _vault.Config.Id;

    /// <summary>Opens the source (loads its index).</summary>
    public static async Task<VaultRecoveryPointSource> OpenAsync(VaultReader vault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        await vault.LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        return new VaultRecoveryPointSource(vault);
    }

    public Task<Manifest> LoadManifestAsync(BlobId recoveryPoint, CancellationToken cancellationToken) =>
        _vault.LoadManifestAsync(recoveryPoint, cancellationToken);

    public Task<Tree> LoadTreeAsync(BlobId tree, CancellationToken cancellationToken) => _vault.LoadTreeAsync(tree, cancellationToken);

    public int RawLengthOf(BlobId data) =>
        _vault.Index.TryFind(data, out _, out var entry)
            ? (int)entry.RawLength
            : throw new VaultCorruptionException($"blob {data} is not in the index of {_vault.Store.Location}");

    public async Task ReadDataAsync(BlobId data, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var codec = _vault.RentCodec();
        try
        {
            _vault.Index.TryFind(data, out _, out var entry);
            await _vault.ReadBlobAsync(data, BlobKind.Data, codec, new byte[entry.Length], destination, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _vault.ReturnCodec(codec);
        }
    }
}
