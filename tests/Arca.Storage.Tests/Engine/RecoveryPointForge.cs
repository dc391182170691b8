using System.Text.Json;
using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// Writes recovery points the way a malicious writer holding the vault's key could: tree blobs with
/// whatever nodes, in whatever order, sealed, packed, indexed and committed like real ones.
/// </summary>
internal sealed class RecoveryPointForge : IAsyncDisposable
{
    private readonly Vault _vault;
    private readonly PackWriter _writer;
    private readonly BlobCodec _codec;

    public RecoveryPointForge(Vault vault)
    {
        _vault = vault;
        _writer = new PackWriter(vault);
        _codec = vault.Reader.RentCodec();
    }

    public static TreeNode Symlink(string name, string target) =>
        new() { Name = name, Type = NodeType.Symlink, Mode = 0x1FF, Target = target };

    public async Task<TreeNode> FileAsync(string name, byte[] content) => new()
    {
        Name = name,
        Type = NodeType.File,
        Mode = 0x1A4,
        Links = 1,
        Size = content.Length,
        Content = content.Length == 0 ? [] : [await AddAsync(BlobKind.Data, content)],
    };

    public async Task<TreeNode> DirectoryAsync(string name, params TreeNode[] nodes) =>
        new() { Name = name, Type = NodeType.Dir, Mode = 0x1ED, Subtree = await TreeAsync(nodes) };

    /// <summary>Stores a tree blob with the nodes exactly as given: no sorting, no validation.</summary>
    public async Task<BlobId> TreeAsync(params TreeNode[] nodes) =>
        await AddAsync(BlobKind.Tree, JsonSerializer.SerializeToUtf8Bytes(new Tree(nodes), FormatJson.Default.Tree));

    /// <summary>Makes every blob durable and indexed, then writes a manifest whose root lists <paramref name="nodes"/>.</summary>
    public async Task<BlobId> CommitAsync(params TreeNode[] nodes)
    {
        var tree = await TreeAsync(nodes);
        await _writer.FlushAsync(default);
        var manifest = new Manifest
        {
            Version = FormatIds.VaultFormatVersion,
            Time = _vault.Time.GetUtcNow(),
            Source = "/forged",
            Hostname = "forge",
            Tree = tree,
            Root = new TreeNode { Name = ".", Type = NodeType.Dir, Mode = 0x1ED, Mtime = 1_700_000_000_000_000_000 },
            Summary = new BackupSummary(),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, FormatJson.Default.Manifest);
        return await _vault.WriteObjectAsync(FormatIds.RecoveryPointsPrefix, json, AssociatedData.Manifest.ToArray(), default);
    }

    public async ValueTask DisposeAsync()
    {
        _vault.Reader.ReturnCodec(_codec);
        await _writer.DisposeAsync();
    }

    private async Task<BlobId> AddAsync(BlobKind kind, byte[] plaintext)
    {
        var id = _codec.ComputeId(plaintext);
        var sealedBlob = new byte[BlobCodec.SealedBound(plaintext.Length)];
        var (length, compression) = _codec.Seal(kind, id, plaintext, sealedBlob);
        await _writer.AddAsync(kind, id, compression, plaintext.Length, sealedBlob.AsMemory(0, length), default);
        return id;
    }
}
