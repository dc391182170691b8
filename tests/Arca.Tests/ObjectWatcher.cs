namespace Arca.Tests;

/// <summary>
/// Completes <see cref="Fired"/> when the n-th vault object (a file named by 64 hex digits) appears in,
/// or disappears from, a directory of a vault: an event to act on instead of a sleep.
/// </summary>
internal sealed class ObjectWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly TaskCompletionSource _fired = new();
    private readonly int _nth;
    private int _seen;

    public ObjectWatcher(string directory, WatcherChangeTypes change, int nth)
    {
        _nth = nth;
        _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName };
        if (change == WatcherChangeTypes.Deleted)
        {
            _watcher.Deleted += OnChange;
        }
        else
        {
            // A store links a finished object into place from its temporary directory: a rename or a create.
            _watcher.Created += OnChange;
            _watcher.Renamed += OnChange;
        }

        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Completes, on the watcher's thread, when the awaited change has happened.</summary>
    public Task Fired => _fired.Task;

    public void Dispose() => _watcher.Dispose();

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var name = Path.GetFileName(e.FullPath);
        if (name.Length == 64 && name.All(char.IsAsciiHexDigitLower) && Interlocked.Increment(ref _seen) == _nth)
        {
            _fired.TrySetResult();
        }
    }
}
