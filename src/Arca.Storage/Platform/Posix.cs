using System.Runtime.InteropServices;

namespace Arca.Storage.Platform;

/// <summary>The few POSIX calls .NET does not expose (Linux, glibc). Errors come back as errno values.</summary>
internal static partial class Posix
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int StatxBasicStats = 0x07ff;
    public const int ENOENT = 2;
    public const int EPERM = 1;
    public const int EEXIST = 17;
    public const int ESRCH = 3;
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;
    private const int OCloexec = 0x80000;
    private const int ORdWr = 2;
    private const int OCreat = 0x40;
    private const int OExcl = 0x80;
    private const int ONoFollow = 0x20000;
    private const int ENOTDIR = 20;
    private const int EACCES = 13;
    private const int ELOOP = 40;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(int dirfd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LchownNative(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UtimensatNative(int dirfd, string path, [In] Timespec[] times, int flags);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int FadviseNative(SafeHandle fd, long offset, long length, int advice);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static partial int FchownNative(SafeHandle fd, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "futimens", SetLastError = true)]
    private static partial int FutimensNative(SafeHandle fd, [In] Timespec[] times);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkNative(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2Native(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "mknod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MknodNative(string path, uint mode, ulong dev);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenModeNative(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncNative(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuidNative();

    /// <summary>lstat-like: never follows a final symlink. Returns 0 or an errno.</summary>
    public static int LStat(string path, out StatxBuffer buffer)
    {
        var rc = StatxNative(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, out buffer);
        return rc == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    public static int Chown(SafeHandle file, uint uid, uint gid) =>
        FchownNative(file, uid, gid) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public static int Lchown(string path, uint uid, uint gid) =>
        LchownNative(path, uid, gid) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Sets access and modification time (ns since the epoch) without following symlinks.</summary>
    public static int SetTimes(string path, long mtimeNs)
    {
        var ts = new Timespec { Seconds = FloorDiv(mtimeNs, 1_000_000_000), Nanoseconds = FloorMod(mtimeNs, 1_000_000_000) };
        return UtimensatNative(AtFdCwd, path, [ts, ts], AtSymlinkNoFollow) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Sets the access and modification times of an open file. Returns 0 or an errno.</summary>
    public static int SetTimes(SafeHandle file, long mtimeNs)
    {
        var ts = new Timespec { Seconds = FloorDiv(mtimeNs, 1_000_000_000), Nanoseconds = FloorMod(mtimeNs, 1_000_000_000) };
        return FutimensNative(file, [ts, ts]) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    public static int Link(string existing, string newPath) =>
        LinkNative(existing, newPath) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>
    /// Moves <paramref name="from"/> to <paramref name="to"/> only if nothing is at <paramref name="to"/>, atomically
    /// (renameat2 with RENAME_NOREPLACE). Returns false when <paramref name="to"/> exists.
    /// </summary>
    public static bool TryMoveNoReplace(string from, string to)
    {
        if (RenameAt2Native(AtFdCwd, from, AtFdCwd, to, 1 /* RENAME_NOREPLACE */) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
        {
            return false;
        }

        if (errno is 22 /* EINVAL: no RENAME_NOREPLACE on this file system */ or 38 /* ENOSYS */)
        {
            // Fall back to link + unlink, which is atomic and fails with EEXIST too.
            var rc = Link(from, to);
            if (rc == 0)
            {
                File.Delete(from);
                return true;
            }

            return rc == EEXIST ? false : throw new IOException($"cannot move {from} to {to} (errno {rc})", rc);
        }

        throw new IOException($"cannot move {from} to {to} (errno {errno})", errno);
    }

    public static int Mknod(string path, uint mode, ulong dev) =>
        MknodNative(path, mode, dev) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>
    /// Opens an existing file for reading; never through a final symlink unless
    /// <paramref name="followSymlink"/>. Unlike <see cref="File.OpenHandle"/> it takes no advisory lock
    /// (flock): a backup must neither hold locks on the files it reads nor fail on a file another
    /// process has locked, and the reads of a restore or a store need none. Errors come as the
    /// exceptions .NET's own open throws.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle OpenRead(string path, bool followSymlink = false) =>
        Opened(OpenNative(path, ORdOnly | (followSymlink ? 0 : ONoFollow) | OCloexec), path);

    /// <summary>
    /// Creates a new file (O_EXCL: never over or through an existing entry) for reading and writing,
    /// readable by its owner only until its mode is set. No advisory lock, as <see cref="OpenRead"/>.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle CreateNew(string path) =>
        Opened(OpenModeNative(path, ORdWr | OCreat | OExcl | ONoFollow | OCloexec, 0x180 /* 0600 */), path);

    /// <summary>Asks the kernel to start reading a whole file into the page cache (POSIX_FADV_WILLNEED); best effort.</summary>
    public static void ReadAhead(string path)
    {
        var fd = OpenNative(path, ORdOnly | OCloexec);
        if (fd >= 0)
        {
            using var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
            _ = FadviseNative(handle, 0, 0, 3 /* POSIX_FADV_WILLNEED */);
        }
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle Opened(int fd, string path)
    {
        if (fd >= 0)
        {
            return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        }

        var errno = Marshal.GetLastPInvokeError();
        throw errno switch
        {
            ENOENT => new FileNotFoundException($"{path} does not exist", path),
            ENOTDIR => new DirectoryNotFoundException($"a directory on the way to {path} is gone"),
            EACCES or EPERM => new UnauthorizedAccessException($"cannot open {path}: permission denied"),
            EEXIST => new IOException($"{path} already exists", errno),
            ELOOP => new IOException($"{path} is a symbolic link", errno),
            _ => new IOException($"cannot open {path} (errno {errno})", errno),
        };
    }

    /// <summary>Makes a directory's entries durable (after a create, rename or delete in it).</summary>
    public static void FsyncDirectory(string path)
    {
        var fd = OpenNative(path, ORdOnly | ODirectory | OCloexec);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {path} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (FsyncNative(fd) != 0)
            {
                throw new IOException($"fsync of directory {path} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = CloseNative(fd);
        }
    }

    /// <summary>
    /// Creates a new file (O_EXCL) for direct I/O, bypassing the page cache. Returns null when the
    /// file system does not support O_DIRECT (tmpfs, some network file systems).
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? CreateDirect(string path)
    {
        const int flags = 1 /* O_WRONLY */ | 64 /* O_CREAT */ | 128 /* O_EXCL */ | 0x4000 /* O_DIRECT */ | OCloexec;
        var fd = OpenModeNative(path, flags, 0x1A4 /* 0644 */);
        if (fd >= 0)
        {
            return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == 22 /* EINVAL */ ? null : throw new IOException($"cannot create {path} (errno {errno})", errno);
    }

    /// <summary>Opens an existing file for direct-I/O writes; null when the file system does not support O_DIRECT.</summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? OpenDirect(string path)
    {
        const int flags = 1 /* O_WRONLY */ | 0x4000 /* O_DIRECT */ | OCloexec;
        var fd = OpenModeNative(path, flags, 0);
        if (fd >= 0)
        {
            return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == 22 /* EINVAL */ ? null : throw new IOException($"cannot open {path} (errno {errno})", errno);
    }

    /// <summary>True when a process with this id exists (it may belong to another user).</summary>
    public static bool ProcessExists(int pid) =>
        KillNative(pid, 0) == 0 || Marshal.GetLastPInvokeError() != ESRCH;

    public static bool IsRoot => GetEuidNative() == 0;

    public static ulong MakeDev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) |
        ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : ((a + 1) / b) - 1;

    private static long FloorMod(long a, long b) => a - (FloorDiv(a, b) * b);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
