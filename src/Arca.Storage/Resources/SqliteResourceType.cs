using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Platform;
using Arca.Storage.Repository;
using Arca.Storage.Resources.Internal;
using Microsoft.Data.Sqlite;

namespace Arca.Storage.Resources;

/// <summary>
/// A SQLite database file (<see cref="ResourceTypeNames.Sqlite"/>). Backup takes an online, consistent
/// copy with SQLite's backup API while other connections may keep writing (WAL or rollback journal) into
/// a private scratch directory and backs up <c>database.sqlite</c> plus <c>resource.json</c>; the copy is
/// removed afterwards, also on failure. Restore metadata: <c>TargetPath</c> (absolute path of the database
/// file to create) and <c>Overwrite</c> ("true" replaces an existing file and removes its stale
/// <c>-wal</c>, <c>-shm</c> and <c>-journal</c>). The restored file appears at TargetPath only after
/// <c>PRAGMA integrity_check</c> said ok.
/// </summary>
public sealed partial class SqliteResourceType(ResourceTypeOptions? options = null) : IResourceType
{
    private static readonly string[] Keys = [RestoreMetadataKeys.TargetPath, RestoreMetadataKeys.Overwrite];
    private readonly ResourceTypeOptions _options = options ?? new ResourceTypeOptions();

    public string Name => ResourceTypeNames.Sqlite;

    public IReadOnlyList<string> MetadataKeys => Keys;

    public Task ValidateAsync(ResourceDefinition definition, CancellationToken cancellationToken = default)
    {
        Check(definition);
        return Task.CompletedTask;
    }

    public async Task<BackupResult> BackupAsync(Vault vault, ResourceDefinition definition, BackupOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(options);
        string path;
        try
        {
            path = Check(definition);
        }
        catch (ResourceValidationException e)
        {
            throw new ResourceBackupException($"SQLite backup failed: {e.Message}", e);
        }

        using var scratch = ScratchDirectory.Create(_options.ScratchDirectory, "arca-sqlite-");
        var tree = scratch.Sub("tree");
        Directory.CreateDirectory(tree);
        var copy = Path.Combine(tree, SqliteFiles.DataFile);
        (string JournalMode, string Version) copied;
        try
        {
            copied = await Task.Run(() => SqliteFiles.Copy(path, copy), cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new ResourceBackupException($"SQLite backup of {path} failed: {e.Message}", e);
        }

        var stat = StatOf(path);
        new ResourceInfo
        {
            Version = ResourceInfo.CurrentVersion,
            Type = Name,
            File = SqliteFiles.DataFile,
            Size = new FileInfo(copy).Length,
            SourcePath = path,
            SqliteVersion = copied.Version,
            JournalMode = copied.JournalMode,
            Mode = stat?.Mode,
            Uid = stat?.Uid,
            Gid = stat?.Gid,
        }.WriteTo(tree);
        var tagged = Staging.WithTags(options, new Dictionary<string, string>
        {
            [ResourceTags.ResourceType] = Name,
            [ResourceTags.SourcePath] = path,
            [ResourceTags.SqliteVersion] = copied.Version,
        });
        return await Staging.BackupStagedAsync(vault, tree, tagged, $"SQLite backup of {path}", cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyDictionary<string, string> GetRestoreMetadata(Manifest manifest)
    {
        Staging.RequireType(manifest, Name);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RestoreMetadataKeys.TargetPath] = manifest.Tags.GetValueOrDefault(ResourceTags.SourcePath) ?? string.Empty,
            [RestoreMetadataKeys.Overwrite] = "false",
        };
    }

    private string Check(ResourceDefinition definition)
    {
        Staging.RequireType(definition, Name);
        if (definition.ConnectionString is not null)
        {
            throw new ResourceValidationException(nameof(ResourceDefinition.ConnectionString), "is not used by SQLite resources", null);
        }

        const string field = nameof(ResourceDefinition.Path);
        var path = Paths.Absolute(definition.Path, field);
        if (!File.Exists(path))
        {
            throw new ResourceValidationException(field, Directory.Exists(path) ? $"{path} is a directory, not a database file" : $"{path} does not exist", null);
        }

        try
        {
            SqliteFiles.Probe(path);
        }
        catch (SqliteException e)
        {
            throw new ResourceValidationException(field, $"{path} is not a readable SQLite database: {e.Message}", e);
        }

        return path;
    }

    /// <summary>Permission bits and owner of the database file (following a symlink), or null when it cannot be read.</summary>
    private static (int Mode, uint Uid, uint Gid)? StatOf(string path)
    {
        var real = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        return Posix.LStat(real, out var st) == 0 ? (st.Mode & 0xFFF, st.Uid, st.Gid) : null;
    }
}
