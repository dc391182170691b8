using System.Collections.Concurrent;
using System.Diagnostics;
using Arca.Storage.Chunking;
using Arca.Storage.Format;
using Arca.Storage.Platform;
using Arca.Storage.Repository;

namespace Arca.Storage.Backup;

/// <summary>
/// Backs up a directory tree into a vault. The walk is sequential and depth-first; file reading
/// runs on up to parallelism + 1 tasks; hashing, compression and encryption on the pipeline's
/// workers. A file that vanishes, cannot be read, or changes while it is read is recorded as a
/// problem and the recovery point is marked partial.
/// </summary>
public sealed partial class DirectoryBackup
{
    private readonly Vault _vault;
    private readonly BackupOptions _options;
    private readonly Chunker _chunker;
    private readonly ConcurrentBag<Problem> _problems = [];
    private readonly ConcurrentDictionary<(ulong Dev, ulong Inode), Task<TreeNode?>> _hardLinks = new();
    private readonly ConcurrentBag<SourceFileReader> _readers = [];
    private readonly SemaphoreSlim _fileSlots;
    private readonly SemaphoreSlim _extraWalkers;
    private readonly int _extraWalkerCount;
    private ChunkPipeline _pipeline = null!;
    private VaultIndex _index = null!;
    private long _files;
    private long _dirs;
    private long _bytes;
    private long _filesNew;
    private long _filesChanged;
    private long _filesUnmodified;

    private DirectoryBackup(Vault vault, BackupOptions options)
    {
        _vault = vault;
        _options = options;
        _chunker = new Chunker(vault.Config.Chunker, vault.Reader.Keys.GearTable());
        _fileSlots = new SemaphoreSlim(options.Parallelism + 1);
        _extraWalkerCount = Math.Max(0, options.Parallelism - 1);
        _extraWalkers = new SemaphoreSlim(_extraWalkerCount);
    }

    /// <summary>Backs up <paramref name="source"/> (a directory) and commits a recovery point.</summary>
    public static async Task<BackupResult> RunAsync(Vault vault, string source, BackupOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(source);
        if (!Directory.Exists(root))
        {
            throw new VaultException($"source {root} does not exist or is not a directory");
        }

        var vaultLock = await VaultLock.AcquireAsync(vault, exclusive: false, "backup", cancellationToken).ConfigureAwait(false);
        await using (vaultLock.ConfigureAwait(false))
        {
            var backup = new DirectoryBackup(vault, options);
            return await backup.RunAsync(root, vaultLock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<BackupResult> RunAsync(string root, VaultLock vaultLock, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = _vault.Time.GetUtcNow();
        _index = await _vault.Reader.LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        var parent = _options.Parent is { } p ? await _vault.Reader.LoadManifestAsync(p, cancellationToken).ConfigureAwait(false) : null;
        var parentTree = parent is null ? null : new ParentTree(await _vault.Reader.LoadTreeAsync(parent.Tree, cancellationToken).ConfigureAwait(false), parent.Tree);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scan = Task.Run(() => SourceScanner.Scan(root, _options.Progress, cancel.Token), cancel.Token);
        TreeNode rootNode;
        _pipeline = new ChunkPipeline(_vault, _index, _options.Progress, _options.Parallelism);
        await using (_pipeline.ConfigureAwait(false))
        {
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token, _pipeline.Failed);
            if (Posix.LStat(root, out var st) != 0 && Posix.LStat(root + "/.", out st) != 0)
            {
                throw new VaultException($"cannot read the status of source {root}");
            }

            var self = NodeStat.ToNode(".", NodeType.Dir, st);
            try
            {
                var done = await WalkAsync(root, string.Empty, self, parentTree, failed.Token).ConfigureAwait(false);
                rootNode = (await done.ConfigureAwait(false))!;
            }
            catch (OperationCanceledException) when (_pipeline.Failed.IsCancellationRequested)
            {
                // The walk stopped because storing failed: throw that failure, not a cancellation.
                await StopWalksAsync(cancel).ConfigureAwait(false);
                await _pipeline.CompleteAsync(cancellationToken).ConfigureAwait(false);
                throw;
            }
            catch
            {
                await StopWalksAsync(cancel).ConfigureAwait(false);
                throw;
            }

            await _pipeline.CompleteAsync(cancellationToken).ConfigureAwait(false);
            await cancel.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(scan).ConfigureAwait(false);
        }

        var problems = _problems.OrderBy(x => x.Path, StringComparer.Ordinal).ToList();
        var manifest = new Manifest
        {
            Version = FormatIds.VaultFormatVersion,
            Time = started,
            Source = _options.SourceLabel ?? root,
            Hostname = _options.Hostname,
            Tree = rootNode.Subtree!.Value,
            Root = rootNode with { Subtree = null },
            Parent = _options.Parent?.ToString(),
            Partial = problems.Count > 0,
            Problems = problems,
            Tags = _options.Tags,
            Summary = new BackupSummary
            {
                Files = _files,
                Dirs = _dirs,
                Bytes = _bytes,
                FilesNew = _filesNew,
                FilesChanged = _filesChanged,
                FilesUnmodified = _filesUnmodified,
                DataAdded = _pipeline.DataAdded,
                DataAddedStored = _pipeline.StoredBytes,
                DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            },
        };
        vaultLock.EnsureValidForCommit();
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest, FormatJson.Default.Manifest);
        var id = await _vault.WriteObjectAsync(FormatIds.RecoveryPointsPrefix, json, Crypto.AssociatedData.Manifest.ToArray(), cancellationToken).ConfigureAwait(false);
        return new BackupResult(id, manifest);
    }

    /// <summary>Walks one directory; returns once every entry is scheduled, with a task for the finished node.</summary>
    private async Task<Task<TreeNode?>> WalkAsync(string path, string rel, TreeNode self, ParentTree? parent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _dirs);
        var names = ListNames(path, rel);
        var children = new List<Task<TreeNode?>>(names.Count);
        var previousTrees = new SubtreePrefetch(_vault.Reader, _index, parent?.Tree, cancellationToken);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var full = path + "/" + name;
            var childRel = rel.Length == 0 ? name : rel + "/" + name;
            if (Posix.LStat(full, out var st) != 0)
            {
                AddProblem(childRel, Tree.IsSafeName(name) && !name.Contains('\uFFFD', StringComparison.Ordinal) ? "vanished during backup" : "name is not valid UTF-8");
                continue;
            }

            if (NodeStat.TypeOf(st) is not { } type)
            {
                AddProblem(childRel, "unknown file type");
                continue;
            }

            var node = NodeStat.ToNode(name, type, st);
            var position = previousTrees.Find(name);
            children.Add(type switch
            {
                NodeType.Dir => await WalkSubdirectoryAsync(full, childRel, node, previousTrees.TakeAsync(position), cancellationToken).ConfigureAwait(false),
                NodeType.File => await ScheduleFileAsync(full, childRel, node, previousTrees.NodeAt(position), cancellationToken).ConfigureAwait(false),
                NodeType.Symlink => Task.FromResult(ReadLink(full, childRel, node)),
                _ => Task.FromResult<TreeNode?>(node),
            });
        }

        return FinishDirectoryAsync(self, children, parent, cancellationToken);
    }

    /// <summary>
    /// Walks a subdirectory beside the current walk when a walker is free, else in line (so the
    /// number of concurrent walks, and the memory they hold, stays bounded). Returns once the
    /// subdirectory is scheduled (in line) or handed over (beside), with a task for its finished node.
    /// </summary>
    private async Task<Task<TreeNode?>> WalkSubdirectoryAsync(string path, string rel, TreeNode node, Task<ParentTree?> parent, CancellationToken cancellationToken)
    {
        if (!_extraWalkers.Wait(0))
        {
            return await WalkAsync(path, rel, node, await parent.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        // Not cancellable before it starts: the walker slot must always be given back (see StopWalksAsync).
        var walk = Task.Run(async () =>
        {
            try
            {
                return await WalkAsync(path, rel, node, await parent.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _extraWalkers.Release();
            }
        });
        return walk.Unwrap();
    }

    /// <summary>
    /// On failure: stops the walks running beside the main one before the pipeline goes away. Each
    /// holds a walker slot until it stops, so taking every slot waits for the last of them.
    /// </summary>
    private async Task StopWalksAsync(CancellationTokenSource cancel)
    {
        await cancel.CancelAsync().ConfigureAwait(false);
        for (var i = 0; i < _extraWalkerCount; i++)
        {
            await _extraWalkers.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<TreeNode?> FinishDirectoryAsync(TreeNode self, List<Task<TreeNode?>> children, ParentTree? parent, CancellationToken cancellationToken)
    {
        var nodes = new List<TreeNode>(children.Count);
        foreach (var child in children)
        {
            if (await child.ConfigureAwait(false) is { } node)
            {
                nodes.Add(node);
            }
        }

        // An unchanged directory has the parent's tree, byte for byte: no need to encode and hash it again.
        if (parent is not null && nodes.SequenceEqual(parent.Tree.Nodes))
        {
            return self with { Subtree = parent.Id };
        }

        var id = await _pipeline.StoreTreeAsync(new Tree(nodes), cancellationToken).ConfigureAwait(false);
        return self with { Subtree = id };
    }

    private List<string> ListNames(string path, string rel)
    {
        try
        {
            var names = Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).ToList();
            names.Sort(StringComparer.Ordinal);
            return names!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AddProblem(rel.Length == 0 ? "." : rel, "cannot list directory: " + e.Message);
            return [];
        }
    }

    private TreeNode? ReadLink(string path, string rel, TreeNode node)
    {
        try
        {
            return node with { Target = new FileInfo(path).LinkTarget ?? string.Empty };
        }
        catch (IOException e)
        {
            AddProblem(rel, "cannot read link: " + e.Message);
            return null;
        }
    }

    private void AddProblem(string path, string reason) => _problems.Add(new Problem(path, reason));
}
