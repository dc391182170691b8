using Arca.Storage.Format;
using Arca.Storage.Platform;

namespace Arca.Storage.Backup;

/// <summary>The file aspect: deciding whether a file must be read, reading it, hard links.</summary>
public sealed partial class DirectoryBackup
{
    private async Task<Task<TreeNode?>> ScheduleFileAsync(string path, string rel, TreeNode node, TreeNode? previous, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, node.Size);
        if (previous is { Type: NodeType.File, Content: { } content } && previous.Size == node.Size &&
            previous.Mtime == node.Mtime && previous.Ctime == node.Ctime && previous.Inode == node.Inode && content.All(_index.Contains))
        {
            Interlocked.Increment(ref _filesUnmodified);
            _options.Progress.AddFile();
            _options.Progress.AddBytes(node.Size);
            return Task.FromResult<TreeNode?>(node with { Content = content });
        }

        Interlocked.Increment(ref previous is null ? ref _filesNew : ref _filesChanged);
        if (node.Links > 1)
        {
            var first = new TaskCompletionSource<TreeNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var existing = _hardLinks.GetOrAdd((node.Dev, node.Inode), first.Task);
            if (existing != first.Task)
            {
                _options.Progress.AddFile();
                return CopyContentAsync(existing, node);
            }

            var task = await StartReadAsync(path, rel, node, cancellationToken).ConfigureAwait(false);
            _ = task.ContinueWith(t => first.TrySetFromTask(t), TaskScheduler.Default);
            return task;
        }

        return await StartReadAsync(path, rel, node, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<TreeNode?> CopyContentAsync(Task<TreeNode?> first, TreeNode node) =>
        await first.ConfigureAwait(false) is { } done ? node with { Content = done.Content, Size = done.Size } : null;

    private async Task<Task<TreeNode?>> StartReadAsync(string path, string rel, TreeNode node, CancellationToken cancellationToken)
    {
        if (node.Size == 0)
        {
            _options.Progress.AddFile();
            return Task.FromResult<TreeNode?>(node with { Content = [] });
        }

        await _fileSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Task.Run(
            async () =>
            {
                try
                {
                    return await ReadFileAsync(path, rel, node, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _fileSlots.Release();
                    _options.Progress.AddFile();
                }
            },
            cancellationToken);
    }

    private async Task<TreeNode?> ReadFileAsync(string path, string rel, TreeNode node, CancellationToken cancellationToken)
    {
        var reader = _readers.TryTake(out var r) ? r : new SourceFileReader(_chunker);
        try
        {
            var chunks = new FileChunks();
            long read;
            try
            {
                using var handle = Posix.OpenRead(path);
                try
                {
                    read = await reader.ReadAsync(handle, _pipeline, chunks, _options.Progress, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    chunks.PostingDone();
                }
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                AddProblem(rel, "vanished during backup");
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                AddProblem(rel, "cannot read: permission denied");
                return null;
            }
            catch (IOException e)
            {
                AddProblem(rel, "read error: " + e.Message);
                return null;
            }

            var content = await chunks.Completion.ConfigureAwait(false);
            _options.AfterFileRead?.Invoke(rel);
            if (Posix.LStat(path, out var after) != 0 || after.MtimeNs != node.Mtime || after.CtimeNs != node.Ctime || (long)after.Size != node.Size || read != node.Size)
            {
                AddProblem(rel, "changed during backup");
            }

            return node with { Content = content, Size = read };
        }
        finally
        {
            _readers.Add(reader);
        }
    }
}
