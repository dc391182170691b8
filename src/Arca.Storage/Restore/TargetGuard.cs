using Arca.Storage.Platform;

namespace Arca.Storage.Restore;

/// <summary>
/// Keeps a restore inside its target: entries are created only under directories the restore itself
/// checked with lstat (never through a symlink), with exclusive creates; in overwrite mode whatever
/// is in the way is removed, never followed.
/// </summary>
internal sealed class TargetGuard(bool overwrite)
{
    /// <summary>Prepares the target directory itself; it must be new, or an empty real directory (or any real directory with overwrite).</summary>
    public static void PrepareRoot(string target, bool overwrite)
    {
        var rc = Posix.LStat(target, out var st);
        if (rc == Posix.ENOENT)
        {
            Directory.CreateDirectory(target);
            return;
        }

        if (rc != 0)
        {
            throw new RestoreException($"cannot use restore target {target} (errno {rc})");
        }

        if (st.FileType == 0xA000)
        {
            throw new RestoreException($"restore target {target} is a symlink; refusing to restore through it");
        }

        if (st.FileType != 0x4000)
        {
            throw new RestoreException($"restore target {target} exists and is not a directory");
        }

        if (!overwrite && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new RestoreException($"restore target {target} is not empty (allow replacing its contents with overwrite)");
        }
    }

    /// <summary>Makes <paramref name="path"/> a real directory (not a symlink to one).</summary>
    public void MakeDirectory(string path)
    {
        var rc = Posix.LStat(path, out var st);
        if (rc == 0)
        {
            if (st.FileType == 0x4000)
            {
                if (overwrite)
                {
                    return;
                }

                throw new RestoreException($"{path} already exists");
            }

            ClearWay(path, st);
        }

        Directory.CreateDirectory(path);
        if (Posix.LStat(path, out st) != 0 || st.FileType != 0x4000)
        {
            throw new RestoreException($"{path} is not a directory after creating it");
        }
    }

    /// <summary>Removes whatever is at <paramref name="path"/> when overwriting; otherwise an existing entry is an error.</summary>
    public void PrepareEntry(string path)
    {
        if (Posix.LStat(path, out var st) == 0)
        {
            ClearWay(path, st);
        }
    }

    private void ClearWay(string path, in StatxBuffer st)
    {
        if (!overwrite)
        {
            throw new RestoreException($"{path} already exists");
        }

        if (st.FileType == 0x4000)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
