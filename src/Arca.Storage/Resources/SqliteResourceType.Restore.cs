using Arca.Storage.Format;
using Arca.Storage.Platform;
using Arca.Storage.Repository;
using Arca.Storage.Resources.Internal;

namespace Arca.Storage.Resources;

/// <summary>The restore aspect: stage beside the target, check integrity, then move into place.</summary>
public sealed partial class SqliteResourceType
{
    public async Task<ResourceRestoreResult> RestoreAsync(VaultReader vault, BlobId recoveryPointId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        RestoreMetadata.RejectUnknown(metadata, Name, Keys);
        var target = RestoreMetadata.AbsolutePath(metadata, RestoreMetadataKeys.TargetPath);
        var overwrite = RestoreMetadata.Overwrite(metadata);
        await Staging.LoadOfTypeAsync(vault, recoveryPointId, Name, cancellationToken).ConfigureAwait(false);
        RefuseExisting(target, overwrite);

        // Stage in the target's directory, so the final step is a rename within one filesystem.
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        using var scratch = ScratchDirectory.Create(parent, ".arca-restore-");
        var tree = scratch.Sub("tree");
        var info = await Staging.RestoreStagedAsync(vault, recoveryPointId, tree, Name, cancellationToken).ConfigureAwait(false);
        var staged = Path.Combine(tree, info.File);
        if (!File.Exists(staged))
        {
            throw new ResourceRestoreException($"recovery point {recoveryPointId.Short()} has no {info.File}");
        }

        if (SqliteFiles.IntegrityProblems(staged) is { } problems)
        {
            throw new ResourceRestoreException($"recovery point {recoveryPointId.Short()}: the restored database fails PRAGMA integrity_check: {problems}");
        }

        using (var file = new FileStream(staged, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Flush(flushToDisk: true);
        }

        var warnings = new List<Problem>();
        ApplyOwnership(staged, info, warnings);

        MoveIntoPlace(staged, target, overwrite);
        return new ResourceRestoreResult(target, warnings);
    }

    private static void RefuseExisting(string target, bool overwrite)
    {
        if (Directory.Exists(target))
        {
            throw new ResourceRestoreException($"{RestoreMetadataKeys.TargetPath}: {target} is a directory; name the database file to create");
        }

        if (overwrite)
        {
            return;
        }

        foreach (var path in SqliteFiles.Sidecars.Select(s => target + s).Prepend(target))
        {
            if (Posix.LStat(path, out _) == 0)
            {
                throw new ResourceRestoreException($"{RestoreMetadataKeys.TargetPath}: {path} already exists (set {RestoreMetadataKeys.Overwrite} to \"true\" to replace it)");
            }
        }
    }

    private static void MoveIntoPlace(string staged, string target, bool overwrite)
    {
        if (overwrite)
        {
            // A stale journal or WAL would be applied to the new file by the next opener.
            foreach (var sidecar in SqliteFiles.Sidecars)
            {
                File.Delete(target + sidecar);
            }
        }

        try
        {
            // Without overwrite, File.Move links then unlinks, so an existing target is never replaced.
            File.Move(staged, target, overwrite);
        }
        catch (IOException e) when (!overwrite && File.Exists(target))
        {
            throw new ResourceRestoreException($"{RestoreMetadataKeys.TargetPath}: {target} already exists (set {RestoreMetadataKeys.Overwrite} to \"true\" to replace it)", e);
        }

        Posix.FsyncDirectory(Path.GetDirectoryName(target)!);
    }

    private static void ApplyOwnership(string path, ResourceInfo info, List<Problem> warnings)
    {
        if (info.Mode is { } mode)
        {
            File.SetUnixFileMode(path, (UnixFileMode)(mode & 0xFFF));
        }

        if (Posix.IsRoot && info.Uid is { } uid && info.Gid is { } gid && Posix.Lchown(path, uid, gid) is var rc && rc != 0)
        {
            warnings.Add(new Problem(info.File, $"cannot set owner (errno {rc})"));
        }
    }
}
