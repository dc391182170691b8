using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Maintenance;
using Arca.Storage.Repository;
using Arca.Storage.Restore;

namespace Arca.Storage.Resources.Internal;

/// <summary>
/// What the resource types share: tagging, backing up a staged tree (a copy or a dump in a scratch
/// directory) and restoring one, and checking that a recovery point is of the expected type.
/// </summary>
internal static class Staging
{
    private static readonly string[] ReservedTags =
    [
        ResourceTags.ResourceType, ResourceTags.SourcePath, ResourceTags.SqliteVersion, ResourceTags.Database,
        ResourceTags.ServerVersion, ResourceTags.Host, ResourceTags.Port, ResourceTags.Username,
    ];

    /// <summary>The options with the caller's tags plus <paramref name="own"/>; a caller tag may not use a reserved key.</summary>
    public static BackupOptions WithTags(BackupOptions options, IReadOnlyDictionary<string, string> own)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in options.Tags)
        {
            if (ReservedTags.Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException($"tag {key} is set by the resource type; choose another key", nameof(options));
            }

            tags[key] = value;
        }

        foreach (var (key, value) in own)
        {
            tags[key] = value;
        }

        return options with { Tags = tags, SourceLabel = options.SourceLabel ?? (own.TryGetValue(ResourceTags.SourcePath, out var source) ? source : null) };
    }

    /// <summary>Backs up a staged tree; a partial result is deleted again and reported, so no incomplete recovery point stays.</summary>
    public static async Task<BackupResult> BackupStagedAsync(Vault vault, string tree, BackupOptions options, string what, CancellationToken cancellationToken)
    {
        var result = await DirectoryBackup.RunAsync(vault, tree, options, cancellationToken).ConfigureAwait(false);
        if (result.Manifest.Partial)
        {
            await RecoveryPoints.DeleteAsync(vault, result.RecoveryPointId, CancellationToken.None).ConfigureAwait(false);
            var first = result.Manifest.Problems[0];
            throw new ResourceBackupException($"{what}: the staged copy could not be read completely ({first.Path}: {first.Reason})");
        }

        return result;
    }

    /// <summary>Restores a staged tree into the new directory <paramref name="into"/> and returns its resource.json.</summary>
    public static async Task<ResourceInfo> RestoreStagedAsync(VaultReader vault, BlobId recoveryPoint, string into, string type, CancellationToken cancellationToken)
    {
        RestoreResult result;
        try
        {
            result = await DirectoryRestore.RunAsync(vault, recoveryPoint, into, new RestoreOptions { RestoreOwners = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (RestoreException e)
        {
            throw new ResourceRestoreException($"recovery point {recoveryPoint.Short()}: {e.Message}", e);
        }

        ThrowOnErrors(result, recoveryPoint);
        return ResourceInfo.ReadFrom(into, type);
    }

    /// <summary>A restore that could not restore every entry is a failed restore.</summary>
    public static void ThrowOnErrors(RestoreResult result, BlobId recoveryPoint)
    {
        if (result.Errors.Count == 0)
        {
            return;
        }

        var shown = string.Join("; ", result.Errors.Take(3).Select(p => $"{p.Path}: {p.Reason}"));
        var more = result.Errors.Count > 3 ? $" (and {result.Errors.Count - 3} more)" : string.Empty;
        throw new ResourceRestoreException($"recovery point {recoveryPoint.Short()}: {result.Errors.Count} entries could not be restored: {shown}{more}");
    }

    /// <summary>The type recorded in a manifest's tags, or null for an untagged (plain directory) recovery point.</summary>
    public static string? TypeOf(Manifest manifest) =>
        manifest.Tags.TryGetValue(ResourceTags.ResourceType, out var type) ? type : null;

    /// <summary>Loads the manifest and refuses a recovery point of another type (untagged ones count as Directory).</summary>
    public static async Task<Manifest> LoadOfTypeAsync(VaultReader vault, BlobId recoveryPoint, string type, CancellationToken cancellationToken)
    {
        var manifest = await vault.LoadManifestAsync(recoveryPoint, cancellationToken).ConfigureAwait(false);
        var actual = TypeOf(manifest) ?? ResourceTypeNames.Directory;
        if (actual != type)
        {
            throw new ResourceRestoreException($"recovery point {recoveryPoint.Short()} holds a {actual} resource, not {type}");
        }

        return manifest;
    }

    /// <summary>For GetRestoreMetadata: a manifest of another type is the caller's mistake.</summary>
    public static void RequireType(Manifest manifest, string type)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var actual = TypeOf(manifest) ?? ResourceTypeNames.Directory;
        if (actual != type)
        {
            throw new ArgumentException($"the recovery point holds a {actual} resource, not {type}", nameof(manifest));
        }
    }

    /// <summary>Refuses a definition of another type (the registry dispatches by type; this is a programming error).</summary>
    public static void RequireType(ResourceDefinition definition, string type)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Type != type)
        {
            throw new ArgumentException($"a {definition.Type} definition was given to the {type} resource type", nameof(definition));
        }
    }
}
