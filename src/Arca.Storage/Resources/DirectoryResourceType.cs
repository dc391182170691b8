using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources.Internal;
using Arca.Storage.Restore;

namespace Arca.Storage.Resources;

/// <summary>
/// A directory tree (<see cref="ResourceTypeNames.Directory"/>). Backup and restore are the engine's
/// <see cref="DirectoryBackup"/> and <see cref="DirectoryRestore"/>: files are read as they are, a file
/// changing during the backup is recorded as a problem and the recovery point marked partial (there is no
/// snapshot of a live directory). Restore metadata: <c>TargetPath</c> (absolute; a new or empty
/// directory) and <c>Overwrite</c> ("true" replaces entries the recovery point also has and keeps others).
/// </summary>
public sealed class DirectoryResourceType : IResourceType
{
    private static readonly string[] Keys = [RestoreMetadataKeys.TargetPath, RestoreMetadataKeys.Overwrite];

    public string Name => ResourceTypeNames.Directory;

    public IReadOnlyList<string> MetadataKeys => Keys;

    public Task ValidateAsync(ResourceDefinition definition, CancellationToken cancellationToken = default)
    {
        Check(definition);
        return Task.CompletedTask;
    }

    public async Task<BackupResult> BackupAsync(Vault vault, ResourceDefinition definition, BackupOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        string path;
        try
        {
            path = Check(definition);
        }
        catch (ResourceValidationException e)
        {
            throw new ResourceBackupException($"Directory backup failed: {e.Message}", e);
        }

        var tagged = Staging.WithTags(options, new Dictionary<string, string>
        {
            [ResourceTags.ResourceType] = Name,
            [ResourceTags.SourcePath] = path,
        });
        return await DirectoryBackup.RunAsync(vault, path, tagged, cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyDictionary<string, string> GetRestoreMetadata(Manifest manifest)
    {
        Staging.RequireType(manifest, Name);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RestoreMetadataKeys.TargetPath] = manifest.Tags.GetValueOrDefault(ResourceTags.SourcePath) ?? manifest.Source,
            [RestoreMetadataKeys.Overwrite] = "false",
        };
    }

    public async Task<ResourceRestoreResult> RestoreAsync(VaultReader vault, BlobId recoveryPointId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        RestoreMetadata.RejectUnknown(metadata, Name, Keys);
        var target = RestoreMetadata.AbsolutePath(metadata, RestoreMetadataKeys.TargetPath);
        var overwrite = RestoreMetadata.Overwrite(metadata);
        await Staging.LoadOfTypeAsync(vault, recoveryPointId, Name, cancellationToken).ConfigureAwait(false);
        if (!overwrite && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ResourceRestoreException($"{RestoreMetadataKeys.TargetPath}: {target} already exists and is not empty (set {RestoreMetadataKeys.Overwrite} to \"true\" to restore into it)");
        }

        RestoreResult result;
        try
        {
            result = await DirectoryRestore.RunAsync(vault, recoveryPointId, target, new RestoreOptions { Overwrite = overwrite }, cancellationToken).ConfigureAwait(false);
        }
        catch (RestoreException e)
        {
            throw new ResourceRestoreException($"{RestoreMetadataKeys.TargetPath}: {e.Message}", e);
        }

        Staging.ThrowOnErrors(result, recoveryPointId);
        return new ResourceRestoreResult(target, result.Warnings);
    }

    private string Check(ResourceDefinition definition)
    {
        Staging.RequireType(definition, Name);
        if (definition.ConnectionString is not null)
        {
            throw new ResourceValidationException(nameof(ResourceDefinition.ConnectionString), "is not used by Directory resources", null);
        }

        const string field = nameof(ResourceDefinition.Path);
        var path = Paths.Absolute(definition.Path, field);
        if (!Directory.Exists(path))
        {
            throw new ResourceValidationException(field, File.Exists(path) ? $"{path} is not a directory" : $"{path} does not exist", null);
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResourceValidationException(field, $"{path} cannot be read: {e.Message}", e);
        }

        return path;
    }
}
