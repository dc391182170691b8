using System.Data.Common;
using System.Text.Json;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Regions;
using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources;

namespace Arca.Control.Backup.Jobs;

/// <summary>
/// Runs restore jobs (docs/design/backup-service.md §6): opens the recovery point's vault, restores through the resource
/// type (Directory and SQLite to <c>TargetPath</c>, PostgreSQL to a new database <c>DatabaseName</c>), which refuses an
/// existing, non-empty target unless Overwrite is "true", and registers the restored resource in the account's
/// inventory (AWS creates a new resource too): its ARN is the job's <c>CreatedResourceArn</c>. Restoring onto a
/// registered resource's own location (Overwrite) names that resource instead of registering a second one.
/// </summary>
/// <remarks>
/// The restored resource gets no tags unless <c>CopySourceTagsToRestoredResource</c> was set (then the source's current
/// tags), so tag-based selections do not start backing it up by surprise. The data plane reports no restore progress
/// yet: PercentDone stays 0 until the job completes (100). The catalog interface has no way to set a recovery point's
/// LastRestoreTime yet.
/// </remarks>
public sealed class RestoreJobRunner(
    IBackupVaults vaults, IRecoveryPointCatalog catalog, ResourceInventoryService inventory, BackupResourceTypes resourceTypes, RegionSet regions) : IJobRunner
{
    public JobKindProfile Profile => JobKindProfile.Restore;

    public async Task<JobOutcome> RunAsync(JobRecord job, JobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        RestoreJobSpec spec = JobDocuments.RestoreSpec(job);
        string retried = job.Attempts > 1 ? "The restore was interrupted by a restart of Arca and started again, and then failed: " : string.Empty;
        RecoveryPointRecord? point = await catalog.FindAsync(spec.Region, spec.RecoveryPointArn, cancellationToken).ConfigureAwait(false);
        if (point is null)
        {
            return Failed($"Recovery point {spec.RecoveryPointArn} no longer exists; it was deleted after the restore job was started.", JobMessages.ResourceNotFound);
        }

        try
        {
            OpenedBackupVault vault = await vaults.OpenAsync(job.AccountId, spec.Region, point.BackupVaultName, cancellationToken).ConfigureAwait(false);
            IResourceType type = resourceTypes.Registry.Get(point.ResourceType);
            IReadOnlyDictionary<string, string> metadata = OpenMetadata(job, spec);
            ResourceRestoreResult restored = await type.RestoreAsync(vault.Vault.Reader, BlobId.Parse(point.EngineRecoveryPointId), metadata, cancellationToken).ConfigureAwait(false);

            IReadOnlyDictionary<string, string> tags = spec.CopySourceTagsToRestoredResource
                ? (await inventory.GetDefinitionAsync(job.AccountId, spec.Region, spec.SourceResourceArn, CancellationToken.None).ConfigureAwait(false))?.Resource.Tags
                    ?? point.Tags
                : new Dictionary<string, string>();
            string created = await inventory.RegisterRestoredAsync(
                job.AccountId, spec.Region, Definition(type, metadata, restored), spec.ResourceName ?? Name(spec.SourceResourceArn), job.JobId[^12..], tags, CancellationToken.None)
                .ConfigureAwait(false);
            string? warnings = restored.Warnings.Count == 0 ? null
                : $"Restored to {restored.RestoredTo} with {restored.Warnings.Count} warnings: {string.Join("; ", restored.Warnings.Take(3).Select(w => $"{w.Path}: {w.Reason}"))}";
            var result = new RestoreJobResult { CreatedResourceArn = created, RestoredTo = restored.RestoredTo };
            return new JobOutcome("COMPLETED", warnings, JobMessages.Success, JobDocuments.ToElement(result)) { BackupSizeInBytes = point.BackupSizeInBytes };
        }
        catch (ResourceValidationException e)
        {
            return Failed(retried + e.Message, JobMessages.InvalidParameters);
        }
        catch (ResourceRestoreException e)
        {
            return Failed(retried + e.Message, JobMessages.RestoreFailed);
        }
        catch (AwsServiceException e)
        {
            return Failed(retried + e.Message, JobMessages.CategoryOf(e));
        }
        catch (Exception e) when (e is VaultException or VaultCorruptionException or WrongKeyException or IOException or UnauthorizedAccessException)
        {
            return Failed($"{retried}The recovery point could not be restored from backup vault {point.BackupVaultName}: {e.Message}", JobMessages.RestoreFailed);
        }
    }

    private IReadOnlyDictionary<string, string> OpenMetadata(JobRecord job, RestoreJobSpec spec)
    {
        string json = new SecretSealer(regions.Get(spec.Region).MasterKey).Unseal(spec.SealedMetadata, RestoreJobService.SealContext(job.JobId));
        return JsonSerializer.Deserialize(json, BackupJobsJson.Default.DictionaryStringString) ?? [];
    }

    /// <summary>The restored resource as the inventory keeps it: a path, or the connection string of the new database.</summary>
    private static ResourceDefinition Definition(IResourceType type, IReadOnlyDictionary<string, string> metadata, ResourceRestoreResult restored)
    {
        if (!metadata.TryGetValue(RestoreMetadataKeys.ConnectionString, out string? connection))
        {
            return new ResourceDefinition { Type = type.Name, Path = restored.RestoredTo };
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connection };
        foreach (string key in new[] { "Database", "DB" })
        {
            builder.Remove(key);
        }

        builder["Database"] = restored.RestoredTo;
        return new ResourceDefinition { Type = type.Name, ConnectionString = builder.ConnectionString };
    }

    private static string Name(string resourceArn) => resourceArn[(resourceArn.LastIndexOf('/') + 1)..];

    private static JobOutcome Failed(string message, string category) => new("FAILED", message, category);
}
