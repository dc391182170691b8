using Arca.Storage.Format;
using Microsoft.Win32.SafeHandles;

namespace Arca.Storage.Restore;

/// <summary>A file being restored: its open handle and how many of its segments are still being written.</summary>
internal sealed class FileJob(string path, string rel, TreeNode node, SafeFileHandle handle, SafeFileHandle? direct, int segments)
{
    private int _remaining = segments;
    private int _failed;

    public string Path { get; } = path;

    public string Rel { get; } = rel;

    public TreeNode Node { get; } = node;

    public SafeFileHandle Handle { get; } = handle;

    /// <summary>A second handle opened with O_DIRECT for whole aligned blocks, or null.</summary>
    public SafeFileHandle? Direct { get; } = direct;

    public bool HasFailed => Volatile.Read(ref _failed) != 0;

    /// <summary>Marks one segment done; true for the caller that finished the last one.</summary>
    public bool SegmentDone() => Interlocked.Decrement(ref _remaining) == 0;

    /// <summary>Records a failure; true for the first caller.</summary>
    public bool Fail() => Interlocked.Exchange(ref _failed, 1) == 0;
}
