using Arca.Storage.Platform;

namespace Arca.Storage.Backup;

/// <summary>Counts a source's files and bytes ahead of the backup, so progress can show a total and an ETA.</summary>
internal static class SourceScanner
{
    public static void Scan(string root, BackupProgress progress, CancellationToken cancellationToken)
    {
        long files = 0, bytes = 0;
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.TryPop(out var dir))
        {
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Posix.LStat(entry, out var st) != 0)
                {
                    continue;
                }

                if (st.FileType == 0x4000)
                {
                    pending.Push(entry);
                }
                else if (st.FileType == 0x8000)
                {
                    files++;
                    bytes += (long)st.Size;
                }
            }
        }

        progress.SetTotals(files, bytes);
    }
}
