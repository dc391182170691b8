using Arca.Storage.Format;
using Arca.Storage.Platform;
using Arca.Storage.Repository;
using Microsoft.Win32.SafeHandles;

namespace Arca.Storage.Restore;

/// <summary>The writing aspect: workers that fetch, check and write chunks, and metadata.</summary>
public sealed partial class DirectoryRestore
{
    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        var codec = _vault.RentCodec();
        var max = _vault.Config.Chunker.Max;
        var sealedBuffer = new byte[BlobCodec.SealedBound(max)];
        var plain = new byte[max];
        using var writer = new SegmentWriter();
        try
        {
            await foreach (var segment in _segments.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var job = segment.File;
                if (!job.HasFailed && job.EnsureCreated(_create, reason => AddError(job.Rel, reason)))
                {
                    await WriteSegmentAsync(segment, codec, writer, sealedBuffer, plain, cancellationToken).ConfigureAwait(false);
                }

                if (job.SegmentDone())
                {
                    FinishFile(job);
                }
            }
        }
        finally
        {
            _vault.ReturnCodec(codec);
        }
    }

    private async Task WriteSegmentAsync(Segment segment, BlobCodec codec, SegmentWriter writer, byte[] sealedBuffer, byte[] plain, CancellationToken cancellationToken)
    {
        var job = segment.File;
        writer.Begin(job.Handle!, job.Direct, segment.Start, segment.End);
        for (var i = 0; i < segment.Chunks.Length; i++)
        {
            var id = segment.Chunks[i];
            try
            {
                _vault.Index.TryFind(id, out _, out var entry);
                var data = plain.AsMemory(0, (int)entry.RawLength);
                await _vault.ReadBlobAsync(id, BlobKind.Data, codec, sealedBuffer, data, cancellationToken).ConfigureAwait(false);
                writer.Append(data.Span);

                _options.Progress.AddBytes(data.Length);
            }
            catch (Exception e) when (e is VaultCorruptionException or IOException)
            {
                if (job.Fail())
                {
                    AddError(job.Rel, e.Message);
                }

                return;
            }
        }
    }

    private void FinishFile(FileJob job)
    {
        job.Direct?.Dispose();
        if (job.Handle is not { } handle)
        {
            return; // never created: nothing of ours to finish or remove
        }

        using (handle)
        {
            if (!job.HasFailed)
            {
                try
                {
                    RandomAccess.SetLength(handle, job.Node.Size);
                    ApplyMetadata(job.Path, job.Node, job.Rel, handle);
                }
                catch (IOException e)
                {
                    job.Fail();
                    AddError(job.Rel, e.Message);
                }
            }
        }

        if (job.HasFailed)
        {
            // Never leave a file with unchecked or missing data behind.
            File.Delete(job.Path);
            return;
        }

        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, job.Node.Size);
        _options.Progress.AddFile();
    }

    private void RestoreLinks()
    {
        foreach (var (path, rel, existing) in _links)
        {
            if (!File.Exists(existing))
            {
                AddError(rel, "the file it is a hard link of was not restored");
                continue;
            }

            var rc = Posix.Link(existing, path);
            if (rc != 0)
            {
                AddError(rel, $"cannot create hard link (errno {rc})");
                continue;
            }

            _options.Progress.AddFile();
        }
    }

    /// <summary>
    /// Owner, permissions and modification time of an entry: through <paramref name="file"/> when it is
    /// still open (no path lookups), else by path without following a final symlink.
    /// </summary>
    private void ApplyMetadata(string path, TreeNode node, string rel, SafeFileHandle? file = null)
    {
        if (_setOwners && (file is null ? Posix.Lchown(path, node.Uid, node.Gid) : Posix.Chown(file, node.Uid, node.Gid)) is var rc && rc != 0)
        {
            AddWarning(rel, $"cannot set owner (errno {rc})");
        }

        if (node.Type != NodeType.Symlink)
        {
            var mode = (UnixFileMode)(node.Mode & NodeStat.PermissionBits);
            try
            {
                if (file is null)
                {
                    File.SetUnixFileMode(path, mode);
                }
                else
                {
                    File.SetUnixFileMode(file, mode);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                AddWarning(rel, "cannot set permissions: " + e.Message);
            }
        }

        if ((file is null ? Posix.SetTimes(path, node.Mtime) : Posix.SetTimes(file, node.Mtime)) is var trc && trc != 0)
        {
            AddWarning(rel, $"cannot set modification time (errno {trc})");
        }
    }
}
