using Arca.Control.Backup.Copies.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Jobs;
using Arca.Control.Kms;
using Arca.Domain.Arns;
using Arca.Domain.Copies;
using Arca.Storage.Copy;
using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Control.Backup.Copies;

/// <summary>
/// Runs copy jobs (docs/design/backup-service.md §11): the role must still exist; the source recovery point must still be in
/// the catalog; then the destination vault and the source (through <see cref="IRegionTransfer"/>) are opened, the facts
/// gathered (<see cref="CopyFactFinder"/>) and AWS's checks applied in AWS's order (<see cref="CopyChecks"/>): the first that
/// fails ends the job FAILED with AWS's status message. Then the engine's <see cref="VaultCopy"/> moves only the chunks the
/// destination lacks, re-encrypted under the destination vault's keys, and the catalog entry of the copy is added
/// (SourceBackupVaultArn, the source's CreationDate, the job's lifecycle).
/// </summary>
/// <remarks>
/// The engine manifest is the commit point: a crash before it leaves no recovery point in the destination (the chunks written
/// are unreferenced, and garbage collection removes them unless a retry reuses them); a crash after it is recognised by the
/// next attempt (the reserved destination ARN is in the manifest) and only the catalog entry is added. A catalog entry that
/// cannot be added removes the engine recovery point again.
/// </remarks>
public sealed class CopyJobRunner(
    IBackupVaults vaults,
    IRegionTransfer transfer,
    IRecoveryPointCatalog catalog,
    CopyFactFinder facts,
    RoleService roles,
    TimeProvider time) : IJobRunner
{
    public JobKindProfile Profile => JobKindProfile.Copy;

    public async Task<JobOutcome> RunAsync(JobRecord job, JobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        CopyJobSpec spec = CopyJobsJson.SpecOf(job);
        var result = new CopyJobResult();
        try
        {
            await BackupRoles.RequireAsync(roles, job.AccountId, spec.IamRoleArn, "IamRoleArn", cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Failed($"Arca could not assume the job's IAM role to copy the recovery point: {e.Message}", JobMessages.AccessDenied, result);
        }

        RecoveryPointRecord? point = await catalog.GetAsync(spec.Region, job.AccountId, spec.SourceBackupVaultName, spec.SourceRecoveryPointArn, cancellationToken).ConfigureAwait(false);
        if (point is null)
        {
            return Failed($"Copy job failed. The source recovery point {spec.SourceRecoveryPointArn} no longer exists in backup vault {spec.SourceBackupVaultName}.", JobMessages.ResourceNotFound, result);
        }

        Arn destination = Arn.Parse(spec.DestinationBackupVaultArn);
        OpenedBackupVault? target = null;
        bool destinationKeyUsable = true;
        try
        {
            target = await vaults.OpenByArnAsync(spec.DestinationBackupVaultArn, cancellationToken).ConfigureAwait(false);
            result = result with { DestinationEncryptionKeyArn = target.EncryptionKeyArn, DestinationVaultLockState = target.Lock is null ? "UNLOCKED" : "LOCKED" };
        }
        catch (KmsKeyUnavailableException)
        {
            destinationKeyUsable = false;
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            // The checks below refuse the copy (an access denial across accounts, as AWS shows it; a clear message within one).
        }

        try
        {
            if (job.Attempts > 1 && target is not null
                && await EngineRecoveryPoints.FindAsync(target.Vault.Reader, spec.DestinationRecoveryPointArn, cancellationToken).ConfigureAwait(false) is { } committed)
            {
                return await CompleteAsync(job, spec, point, target, committed.Id, committed.Manifest, result, 0, committedEarlier: true).ConfigureAwait(false);
            }

            CopySource? source = null;
            try
            {
                source = await transfer.OpenSourceAsync(job.AccountId, spec.Region, spec.SourceBackupVaultName, cancellationToken).ConfigureAwait(false);
            }
            catch (KmsKeyUnavailableException)
            {
                // SourceKeyUsable is false: the checks fail the job with AWS's message.
            }

            try
            {
                return await CheckAndCopyAsync(job, spec, point, destination, target, destinationKeyUsable, source, result, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (source is not null)
                {
                    await source.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (AwsServiceException e)
        {
            return Failed(e.Message, JobMessages.CategoryOf(e), result);
        }
        catch (Exception e) when (e is VaultException or VaultCorruptionException or WrongKeyException or IOException or UnauthorizedAccessException)
        {
            return Failed($"The copy could not be written to backup vault {spec.DestinationBackupVaultArn}: {e.Message}", JobMessages.VaultError, result);
        }
    }

    private async Task<JobOutcome> CheckAndCopyAsync(
        JobRecord job,
        CopyJobSpec spec,
        RecoveryPointRecord point,
        Arn destination,
        OpenedBackupVault? target,
        bool destinationKeyUsable,
        CopySource? source,
        CopyJobResult result,
        JobProgress progress,
        CancellationToken cancellationToken)
    {
        bool exists = target is not null || !destinationKeyUsable;
        CopyCheckResult check;
        if (exists || destination.Account != job.AccountId)
        {
            (CopyFacts found, string? reason) = await GatherAsync(job, spec, point, target, destinationKeyUsable, source is not null, cancellationToken).ConfigureAwait(false);
            check = CopyChecks.Evaluate(found);
            result = result with { DenialReason = reason };
        }
        else
        {
            check = new CopyCheckResult($"Copy job failed. The destination backup vault {spec.DestinationBackupVaultArn} does not exist.", JobMessages.ResourceNotFound);
        }

        if (!check.Ok)
        {
            return Failed(check.StatusMessage!, check.MessageCategory!, result);
        }

        if (target is null || source is null)
        {
            // Unreachable when the checks passed (they refuse a missing vault and unusable keys); fail rather than guess.
            return Failed(CopyChecks.AccessDenied, JobMessages.AccessDenied, result);
        }

        var counters = new CopyProgress();
        progress.Track(() => Snapshot(counters, spec.BackupSizeInBytes));
        RecoveryPointRecord copy = Record(job, spec, point, target, BlobId.Parse(point.EngineRecoveryPointId), partial: false);
        var options = new CopyOptions { Tags = CopyManifestTags.For(copy), KeepSourceTag = CopyManifestTags.KeepFromSource, Progress = counters };
        CopyResult copied = await VaultCopy.RunAsync(source.Source, BlobId.Parse(point.EngineRecoveryPointId), target.Vault, options, cancellationToken).ConfigureAwait(false);
        return await CompleteAsync(job, spec, point, target, copied.RecoveryPointId, copied.Manifest, result, copied.BytesTransferred, committedEarlier: false).ConfigureAwait(false);
    }

    private async Task<(CopyFacts Facts, string? Reason)> GatherAsync(
        JobRecord job, CopyJobSpec spec, RecoveryPointRecord point, OpenedBackupVault? target, bool destinationKeyUsable, bool sourceOpened, CancellationToken cancellationToken)
    {
        var request = new CopyFactsRequest
        {
            SourceAccountId = job.AccountId,
            SourceRegion = spec.Region,
            SourceBackupVaultName = spec.SourceBackupVaultName,
            SourceRecoveryPointArn = spec.SourceRecoveryPointArn,
            SourceEncryptionKeyArn = point.EncryptionKeyArn,
            SourceStorageClass = point.StorageClass,
            SourceVaultOpened = sourceOpened,
            DestinationBackupVaultArn = spec.DestinationBackupVaultArn,
            DestinationKeyUsable = destinationKeyUsable,
            DestinationLock = target?.Lock,
            IamRoleArn = spec.IamRoleArn,
            RetentionDays = spec.Lifecycle?.DeleteAfterDays,
        };
        return await facts.GatherAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JobOutcome> CompleteAsync(
        JobRecord job,
        CopyJobSpec spec,
        RecoveryPointRecord point,
        OpenedBackupVault target,
        BlobId id,
        Manifest manifest,
        CopyJobResult result,
        long transferred,
        bool committedEarlier)
    {
        // The engine committed: from here on nothing is cancelled, so the catalog entry follows the manifest.
        if (await catalog.GetAsync(target.Region, target.AccountId, target.Name, spec.DestinationRecoveryPointArn, CancellationToken.None).ConfigureAwait(false) is null)
        {
            RecoveryPointRecord copy = Record(job, spec, point, target, id, manifest.Partial);
            try
            {
                await catalog.AddAsync(copy, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception) when (!committedEarlier)
            {
                await Storage.Maintenance.RecoveryPoints.DeleteAsync(target.Vault, id, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        var finished = result with { DestinationRecoveryPointArn = spec.DestinationRecoveryPointArn, EngineRecoveryPointId = id.ToString() };
        return new JobOutcome("COMPLETED", null, JobMessages.Success, CopyJobsJson.ToElement(finished))
        {
            BackupSizeInBytes = spec.BackupSizeInBytes,
            BytesTransferred = committedEarlier ? null : transferred,
        };
    }

    /// <summary>The copy's catalog entry: the source's data and creation date, the destination's vault and key, the job's lifecycle.</summary>
    private RecoveryPointRecord Record(JobRecord job, CopyJobSpec spec, RecoveryPointRecord point, OpenedBackupVault target, BlobId id, bool partial) => new()
    {
        RecoveryPointArn = spec.DestinationRecoveryPointArn,
        AccountId = target.AccountId,
        Region = target.Region,
        BackupVaultName = target.Name,
        BackupVaultArn = target.Arn,
        EngineRecoveryPointId = id.ToString(),
        ResourceArn = point.ResourceArn,
        ResourceType = point.ResourceType,
        ResourceName = point.ResourceName,
        Status = partial ? "PARTIAL" : RecoveryPointCatalog.Completed,
        StatusMessage = partial ? point.StatusMessage : null,
        CreationDate = point.CreationDate,
        InitiationDate = job.InitiationDate,
        CompletionDate = time.GetUtcNow(),
        BackupSizeInBytes = point.BackupSizeInBytes,
        IamRoleArn = spec.IamRoleArn,
        CreatedBy = spec.CreatedBy,
        Lifecycle = spec.Lifecycle,
        EncryptionKeyArn = target.EncryptionKeyArn,
        SourceBackupVaultArn = spec.SourceBackupVaultArn,
        CreatedByJobId = job.JobId,
        Tags = point.Tags,
    };

    private static JobProgressSnapshot Snapshot(CopyProgress counters, long size)
    {
        long total = counters.BlobsTotal;
        double percent = total > 0 ? Math.Min(99.9, counters.BlobsDone * 100.0 / total) : 0;
        return new JobProgressSnapshot(percent, counters.BytesTransferred, size);
    }

    private static JobOutcome Failed(string message, string category, CopyJobResult result) =>
        new("FAILED", message, category, CopyJobsJson.ToElement(result));
}
