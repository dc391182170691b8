using Arca.Storage.Format;

namespace Arca.Storage.Backup;

/// <summary>
/// The chunk ids of one file as workers finish them, in file order. The reader reserves a slot per
/// chunk, workers fill slots in any order, and <see cref="Completion"/> yields the list once the
/// reader is done and every slot is filled.
/// </summary>
internal sealed class FileChunks
{
    private readonly List<BlobId> _ids = [];
    private readonly TaskCompletionSource<IReadOnlyList<BlobId>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _pending;
    private bool _posted;
    private volatile bool _compresses;

    public Task<IReadOnlyList<BlobId>> Completion => _done.Task;

    /// <summary>
    /// True when the file's last stored chunk compressed: its next chunks are compressed without the
    /// probe (text files compress throughout; the probe would compress their first 64 KiB twice).
    /// </summary>
    public bool Compresses
    {
        get => _compresses;
        set => _compresses = value;
    }

    public int Reserve()
    {
        lock (_gate)
        {
            _ids.Add(default);
            _pending++;
            return _ids.Count - 1;
        }
    }

    public void Set(int slot, BlobId id)
    {
        lock (_gate)
        {
            _ids[slot] = id;
            _pending--;
            TryComplete();
        }
    }

    public void PostingDone()
    {
        lock (_gate)
        {
            _posted = true;
            TryComplete();
        }
    }

    public void Fail(Exception e) => _done.TrySetException(e);

    private void TryComplete()
    {
        if (_posted && _pending == 0)
        {
            _done.TrySetResult(_ids);
        }
    }
}
