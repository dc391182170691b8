using System.Threading.Channels;
using Arca.Storage.Format;
using Arca.Storage.Platform;
using Arca.Storage.Repository;
using Microsoft.Win32.SafeHandles;

namespace Arca.Storage.Restore;

/// <summary>
/// Restores a recovery point into a target directory, which becomes the root of the restored tree.
/// Every blob is authenticated and its keyed hash checked before a byte of it is written; all-zero
/// chunks become holes (sparse files); hard links are restored as links; nothing is ever written
/// outside the target (see <see cref="TargetGuard"/>). A file whose data fails a check is removed
/// and reported; the rest of the tree is still restored.
/// </summary>
public sealed partial class DirectoryRestore
{
    private const int ChunksPerSegment = 16;

    /// <summary>
    /// How far the walk may run ahead of the workers. A queued segment holds ids, not data or open
    /// files, so a long queue costs little memory and lets the packs it needs be fetched early.
    /// </summary>
    private const int SegmentsAhead = 256;
    private const long DirectIoMinimum = 64 * 1024;
    private readonly VaultReader _vault;
    private readonly RestoreOptions _options;
    private readonly TargetGuard _guard;
    private readonly List<Problem> _errors = [];
    private readonly List<Problem> _warnings = [];
    private readonly List<(string Path, TreeNode Node)> _directories = [];
    private readonly Dictionary<(ulong Dev, ulong Inode), string> _firstLinks = [];
    private readonly List<(string Path, string Rel, string Existing)> _links = [];
    private readonly HashSet<BlobId> _prefetched = [];
    private readonly Channel<Segment> _segments;
    private readonly bool _setOwners;
    private readonly Func<FileJob, (SafeFileHandle, SafeFileHandle?)> _create;
    private volatile bool _directIo = true;
    private long _files;
    private long _bytes;

    private DirectoryRestore(VaultReader vault, RestoreOptions options)
    {
        _vault = vault;
        _options = options;
        _guard = new TargetGuard(options.Overwrite);
        _segments = Channel.CreateBounded<Segment>(new BoundedChannelOptions(SegmentsAhead) { SingleWriter = true });
        _setOwners = options.RestoreOwners && Posix.IsRoot;
        _create = Create;
    }

    /// <summary>Restores recovery point <paramref name="recoveryPoint"/> into <paramref name="target"/>.</summary>
    public static async Task<RestoreResult> RunAsync(VaultReader vault, BlobId recoveryPoint, string target, RestoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(target);
        var manifest = await vault.LoadManifestAsync(recoveryPoint, cancellationToken).ConfigureAwait(false);
        await vault.LoadIndexAsync(cancellationToken).ConfigureAwait(false);

        options.Progress.SetTotals(manifest.Summary.Files, manifest.Summary.Bytes);
        TargetGuard.PrepareRoot(root, options.Overwrite);
        var restore = new DirectoryRestore(vault, options);
        return await restore.RunAsync(recoveryPoint, manifest, root, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RestoreResult> RunAsync(BlobId recoveryPoint, Manifest manifest, string root, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, _options.Parallelism).Select(_ => Task.Run(() => WorkAsync(cancellationToken), cancellationToken)).ToArray();
        try
        {
            await WalkAsync(manifest.Tree, root, string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (VaultCorruptionException e)
        {
            throw new RestoreException($"recovery point {recoveryPoint.Short()}: {e.Message}", e);
        }
        finally
        {
            _segments.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        RestoreLinks();
        for (var i = _directories.Count - 1; i >= 0; i--)
        {
            ApplyMetadata(_directories[i].Path, _directories[i].Node, string.Empty);
        }

        ApplyMetadata(root, manifest.Root, ".");
        return new RestoreResult(_files, _bytes, Sorted(_errors), Sorted(_warnings));
    }

    private async Task WalkAsync(BlobId treeId, string dir, string rel, CancellationToken cancellationToken)
    {
        var tree = await _vault.LoadTreeAsync(treeId, cancellationToken).ConfigureAwait(false);
        foreach (var node in tree.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = dir + "/" + node.Name;
            var childRel = rel.Length == 0 ? node.Name : rel + "/" + node.Name;
            try
            {
                await RestoreNodeAsync(node, path, childRel, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or RestoreException or VaultCorruptionException)
            {
                AddError(childRel, e.Message);
            }
        }
    }

    private async Task RestoreNodeAsync(TreeNode node, string path, string rel, CancellationToken cancellationToken)
    {
        switch (node.Type)
        {
            case NodeType.Dir:
                _guard.MakeDirectory(path);
                _directories.Add((path, node));
                await WalkAsync(node.Subtree!.Value, path, rel, cancellationToken).ConfigureAwait(false);
                break;
            case NodeType.File:
                await RestoreFileAsync(node, path, rel, cancellationToken).ConfigureAwait(false);
                break;
            case NodeType.Symlink:
                _guard.PrepareEntry(path);
                File.CreateSymbolicLink(path, node.Target!);
                ApplyMetadata(path, node, rel);
                break;
            case NodeType.Fifo or NodeType.Chardev or NodeType.Blockdev:
                _guard.PrepareEntry(path);
                var rc = Posix.Mknod(path, NodeStat.FileTypeBits(node.Type) | (node.Mode & 0x1FF), node.Rdev ?? 0);
                if (rc != 0)
                {
                    AddWarning(rel, $"cannot create {node.Type.ToString().ToLowerInvariant()} (errno {rc})");
                    break;
                }

                ApplyMetadata(path, node, rel);
                break;
            default:
                AddWarning(rel, $"{node.Type.ToString().ToLowerInvariant()} entries are not restored");
                break;
        }
    }

    private async Task RestoreFileAsync(TreeNode node, string path, string rel, CancellationToken cancellationToken)
    {
        _guard.PrepareEntry(path);
        if (node.Links > 1)
        {
            if (_firstLinks.TryGetValue((node.Dev, node.Inode), out var existing))
            {
                _links.Add((path, rel, existing));
                return;
            }

            _firstLinks[(node.Dev, node.Inode)] = path;
        }

        var chunks = node.Content!;
        var offsets = new long[chunks.Count];
        long position = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            if (!_vault.Index.TryFind(chunks[i], out var pack, out var entry))
            {
                AddError(rel, $"data blob {chunks[i].Short()} is missing from the vault");
                return;
            }

            if (_prefetched.Add(pack))
            {
                // The walk runs ahead of the workers: have the store fetch the pack before they read it.
                _vault.Store.Prefetch(FormatIds.PackKey(pack));
            }

            offsets[i] = position;
            position += entry.RawLength;
        }

        if (position != node.Size)
        {
            AddError(rel, $"its chunks hold {position} bytes, the recovery point says {node.Size}");
            return;
        }

        var segments = (chunks.Count + ChunksPerSegment - 1) / ChunksPerSegment;
        var job = new FileJob(path, rel, node, segments);
        if (segments == 0)
        {
            job.EnsureCreated(_create, reason => AddError(rel, reason));
            FinishFile(job);
            return;
        }

        for (var s = 0; s < segments; s++)
        {
            var from = s * ChunksPerSegment;
            var count = Math.Min(ChunksPerSegment, chunks.Count - from);
            var ids = new BlobId[count];
            for (var i = 0; i < count; i++)
            {
                ids[i] = chunks[from + i];
            }

            var end = from + count < chunks.Count ? offsets[from + count] : node.Size;
            await _segments.Writer.WriteAsync(new Segment(job, ids, offsets[from], end), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates a file to restore: never through an entry in the way (O_EXCL), with O_DIRECT when it pays.</summary>
    private (SafeFileHandle, SafeFileHandle?) Create(FileJob job)
    {
        var handle = Posix.CreateNew(job.Path);
        try
        {
            var direct = job.Node.Size >= DirectIoMinimum && _directIo ? Posix.OpenDirect(job.Path) : null;
            if (direct is null && job.Node.Size >= DirectIoMinimum)
            {
                _directIo = false;
            }

            return (handle, direct);
        }
        catch
        {
            // The file is ours (O_EXCL created it): leave nothing half-made behind.
            handle.Dispose();
            File.Delete(job.Path);
            throw;
        }
    }

    private static IReadOnlyList<Problem> Sorted(List<Problem> problems) =>
        [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal)];

    private void AddError(string rel, string reason)
    {
        lock (_errors)
        {
            _errors.Add(new Problem(rel, reason));
        }
    }

    private void AddWarning(string rel, string reason)
    {
        lock (_warnings)
        {
            _warnings.Add(new Problem(rel, reason));
        }
    }
}
