using System.Runtime.CompilerServices;
using Arca.Storage.Platform;

namespace Arca.Storage.Blobs;

/// <summary>
/// A blob store in a local directory. An object is written to a temporary file, fsynced, linked into
/// place (which fails if the key exists, giving an atomic conditional create) and its directory is
/// fsynced, so a crash leaves either nothing or the whole object.
/// </summary>
public sealed class LocalBlobStore : IBlobStore
{
    private const string TempDirectory = ".tmp";
    private const int PageSize = 4096;
    private const int DirectThreshold = 1 << 20;

    /// <summary>Temporary files are named host.pid.guid, so a later writer can tell a dead writer's leftovers.</summary>
    private static readonly string TempPrefix = $"{Environment.MachineName}.{Environment.ProcessId}.";
    private readonly string _root;
    private readonly string _temp;
    private readonly bool _durable;
    private volatile bool _direct = true;
    private int _swept;

    /// <param name="root">The store's directory; it must exist.</param>
    /// <param name="durable">False skips fsync (only for tests and scratch vaults).</param>
    public LocalBlobStore(string root, bool durable = true)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, TempDirectory);
        _durable = durable;
        if (!Directory.Exists(_root))
        {
            throw new BlobStoreException($"{_root} does not exist or is not a directory");
        }
    }

    public string Location => _root;

    public async ValueTask<bool> TryCreateAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(_temp);
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            SweepTemp();
        }

        var tmp = Path.Combine(_temp, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await WriteTempAsync(tmp, data, cancellationToken).ConfigureAwait(false);
            EnsureParent(path);
            // .NET's File.Move(overwrite: false) checks, then renames: two racing creators can both "win".
            if (!Posix.TryMoveNoReplace(tmp, path))
            {
                return false;
            }

            if (_durable)
            {
                Posix.FsyncDirectory(Path.GetDirectoryName(path)!);
            }

            return true;
        }
        catch (IOException e)
        {
            throw Classify(e, $"cannot write {key} in {_root}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BlobStoreException($"cannot write {key} in {_root}: {e.Message}", e);
        }
        finally
        {
            TryDelete(tmp);
        }
    }

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                if (_durable)
                {
                    Posix.FsyncDirectory(Path.GetDirectoryName(path)!);
                }
            }
        }
        catch (IOException e)
        {
            throw Classify(e, $"cannot delete {key} in {_root}");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            return ValueTask.FromResult(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException($"{key} not found in {_root}", e);
        }
        catch (IOException e)
        {
            throw Classify(e, $"cannot read {key} in {_root}");
        }
    }

    public ValueTask ReadRangeAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            using var handle = Posix.OpenRead(path, followSymlink: true);
            var done = 0;
            while (done < buffer.Length)
            {
                var n = RandomAccess.Read(handle, buffer.Span[done..], offset + done);
                if (n == 0)
                {
                    throw new BlobStoreException($"range {offset}+{buffer.Length} is outside {key} in {_root}");
                }

                done += n;
            }

            return ValueTask.CompletedTask;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException($"{key} not found in {_root}", e);
        }
        catch (IOException e)
        {
            throw Classify(e, $"cannot read {key} in {_root}");
        }
    }

    public void Prefetch(string key) => Posix.ReadAhead(PathOf(key));

    public ValueTask<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(PathOf(key));
        return ValueTask.FromResult(info.Exists ? info.Length : (long?)null);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Walk only the directory that can hold the prefix, then filter by the full prefix.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? _root : Path.Combine(_root, prefix[..slash]);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file.FullName).Replace('\\', '/');
            if (key.StartsWith(TempDirectory + "/", StringComparison.Ordinal) || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            yield return new BlobInfo(key, file.Length);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private string PathOf(string key)
    {
        BlobKeys.Validate(key);
        return Path.Combine(_root, key);
    }

    private async Task WriteTempAsync(string tmp, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_durable && data.Length >= DirectThreshold && _direct && IsPageAligned(data) && WriteDirect(tmp, data))
        {
            return;
        }

        using var handle = File.OpenHandle(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, data.Length);
        await RandomAccess.WriteAsync(handle, data, 0, cancellationToken).ConfigureAwait(false);
        if (_durable)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>
    /// Writes a large object with O_DIRECT: no copy into the page cache, which on this kind of
    /// machine costs more CPU than compressing the data. The unaligned tail goes through the page
    /// cache; one fsync makes both durable. False when the file system has no direct I/O.
    /// </summary>
    private bool WriteDirect(string tmp, ReadOnlyMemory<byte> data)
    {
        using var direct = Posix.CreateDirect(tmp);
        if (direct is null)
        {
            _direct = false;
            return false;
        }

        var aligned = data.Length & ~(PageSize - 1);
        RandomAccess.Write(direct, data.Span[..aligned], 0);
        if (aligned < data.Length)
        {
            using var tail = File.OpenHandle(tmp, FileMode.Open, FileAccess.Write);
            RandomAccess.Write(tail, data.Span[aligned..], aligned);
        }

        RandomAccess.FlushToDisk(direct);
        return true;
    }

    private static unsafe bool IsPageAligned(ReadOnlyMemory<byte> data)
    {
        using var pin = data.Pin();
        return ((nint)pin.Pointer & (PageSize - 1)) == 0;
    }

    private void EnsureParent(string path)
    {
        var parent = Path.GetDirectoryName(path)!;
        if (Directory.Exists(parent))
        {
            return;
        }

        Directory.CreateDirectory(parent);
        if (_durable)
        {
            // Make the new directories' names durable, up to the store's root.
            for (var dir = parent; dir.Length > _root.Length; dir = Path.GetDirectoryName(dir)!)
            {
                Posix.FsyncDirectory(Path.GetDirectoryName(dir)!);
            }
        }
    }

    /// <summary>
    /// Removes temporary files left by writers on this host whose process is gone (killed, or the
    /// machine lost power); a live writer's files, and other hosts' files, are left alone.
    /// </summary>
    private void SweepTemp()
    {
        foreach (var file in Directory.EnumerateFiles(_temp))
        {
            var name = Path.GetFileName(file);
            var last = name.LastIndexOf('.');
            var dot = last > 0 ? name.LastIndexOf('.', last - 1) : -1;
            if (dot > 0 && name[..dot] == Environment.MachineName && int.TryParse(name[(dot + 1)..last], out var pid) &&
                pid != Environment.ProcessId && !Posix.ProcessExists(pid))
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless; the next process that writes removes it.
        }
    }

    private static BlobStoreException Classify(IOException e, string what) =>
        e.HResult is 4 /* EINTR */ or 11 /* EAGAIN */ or 110 /* ETIMEDOUT */
            ? new TransientBlobStoreException($"{what}: {e.Message}", e)
            : new BlobStoreException($"{what}: {e.Message}", e);
}
