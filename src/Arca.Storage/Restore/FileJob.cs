using Arca.Storage.Format;
using Microsoft.Win32.SafeHandles;

namespace Arca.Storage.Restore;

/// <summary>
/// A file being restored: its handles and how many of its segments are still being written. The
/// file is created by the first worker that writes to it (<see cref="EnsureCreated"/>), so creating
/// thousands of inodes runs on every worker rather than on the walk alone.
/// </summary>
internal sealed class FileJob(string path, string rel, TreeNode node, int segments)
{
    private readonly Lock _gate = new();
    private int _remaining = segments;
    private int _failed;
    private bool _attempted;

    public string Path { get; } = path;

    public string Rel { get; } = rel;

    public TreeNode Node { get; } = node;

    /// <summary>The file, once created; null before or when creating it failed.</summary>
    public SafeFileHandle? Handle { get; private set; }

    /// <summary>A second handle opened with O_DIRECT for whole aligned blocks, or null.</summary>
    public SafeFileHandle? Direct { get; private set; }

    public bool HasFailed => Volatile.Read(ref _failed) != 0;

    /// <summary>
    /// Creates the file once (whoever calls first) with <paramref name="create"/>, which returns the
    /// handles or throws. False when creating it failed; the first failure is reported to
    /// <paramref name="onError"/>.
    /// </summary>
    public bool EnsureCreated(Func<FileJob, (SafeFileHandle Handle, SafeFileHandle? Direct)> create, Action<string> onError)
    {
        lock (_gate)
        {
            if (!_attempted)
            {
                _attempted = true;
                try
                {
                    (Handle, Direct) = create(this);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or RestoreException)
                {
                    if (Fail())
                    {
                        onError(e.Message);
                    }
                }
            }

            return Handle is not null;
        }
    }

    /// <summary>Marks one segment done; true for the caller that finished the last one.</summary>
    public bool SegmentDone() => Interlocked.Decrement(ref _remaining) == 0;

    /// <summary>Records a failure; true for the first caller.</summary>
    public bool Fail() => Interlocked.Exchange(ref _failed, 1) == 0;
}
