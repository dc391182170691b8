using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Jobs;
using Arca.Domain.Plans;
using Arca.Storage.Backup;
using Arca.Storage.Crypto;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources;

namespace Arca.Control.Backup.Jobs;

/// <summary>
/// Runs backup jobs (docs/design/backup-service.md §4): opens the vault, checks its lock's retention range, resolves the
/// resource, backs it up through its resource type into the engine vault (a Directory against the resource's latest
/// recovery point in that vault, so unchanged files are not read again), with the manifest tags of
/// the manifest tags of <c>JobManifestTags</c>, then adds the catalog entry. Progress follows the data plane's counters.
/// </summary>
/// <remarks>
/// <para>The engine manifest is the commit point: a crash before it leaves no recovery point; a crash after it is
/// recognised by the next attempt (the reserved ARN is in the manifest) and only the catalog entry is added. A catalog
/// entry that cannot be added removes the engine recovery point again, so none is left without an entry.</para>
/// <para>A Directory recovery point with problems (files that changed or vanished while read) is committed and the job
/// ends COMPLETED with a status message listing them and category <c>PartialBackup</c>: AWS's "completed with issues",
/// a COMPLETED job with a status message (the job state PARTIAL is AWS's for composite jobs whose children failed,
/// which Arca does not have). The recovery point's status is PARTIAL with the same message, as the catalog rebuilder
/// reads a partial manifest.</para>
/// </remarks>
public sealed class BackupJobRunner(
    IBackupVaults vaults,
    IRecoveryPointCatalog catalog,
    ResourceInventoryService inventory,
    BackupResourceTypes resourceTypes,
    RoleService roles,
    TimeProvider time,
    Copies.CopyActions? copyActions = null) : IJobRunner
{
    private const int ProblemsShown = 3;

    public JobKindProfile Profile => JobKindProfile.Backup;

    public async Task<JobOutcome> RunAsync(JobRecord job, JobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        BackupJobSpec spec = JobDocuments.BackupSpec(job);
        try
        {
            await BackupRoles.RequireAsync(roles, job.AccountId, spec.IamRoleArn, "IamRoleArn", cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Failed($"Arca could not assume the job's IAM role to back up the resource: {e.Message}", JobMessages.AccessDenied, new BackupJobResult());
        }

        OpenedBackupVault vault;
        try
        {
            vault = await vaults.OpenAsync(job.AccountId, spec.Region, spec.BackupVaultName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Failed(e.Message, JobMessages.CategoryOf(e), new BackupJobResult());
        }

        var result = new BackupJobResult { EncryptionKeyArn = vault.EncryptionKeyArn, VaultLockState = vault.Lock is null ? "UNLOCKED" : "LOCKED" };
        VaultLockRetention? retention = vault.Lock is { } lockSettings ? new VaultLockRetention(lockSettings.MinRetentionDays, lockSettings.MaxRetentionDays) : null;
        if (LifecycleRules.VaultLockProblem(spec.Lifecycle, retention) is { } lockProblem)
        {
            return Failed($"{JobMessages.VaultLockRetention} {lockProblem}", JobMessages.InvalidParameters, result);
        }

        var resource = await inventory.GetDefinitionAsync(job.AccountId, spec.Region, spec.ResourceArn, cancellationToken).ConfigureAwait(false);
        if (resource is not { Definition: var definition })
        {
            return Failed($"Resource {spec.ResourceArn} is no longer registered in account {job.AccountId} and region {spec.Region}; it was deregistered after the job was created.", JobMessages.ResourceNotFound, result);
        }

        if (!resourceTypes.Registry.TryGet(definition.Type, out IResourceType? type))
        {
            return Failed($"Resource {spec.ResourceArn} is of type {definition.Type}, which this version of Arca cannot back up.", JobMessages.InvalidParameters, result);
        }

        try
        {
            if (job.Attempts > 1 && await EngineRecoveryPoints.FindAsync(vault.Vault.Reader, spec.RecoveryPointArn, cancellationToken).ConfigureAwait(false) is { } committed)
            {
                return await CompleteAsync(job, spec, vault, committed.Id, committed.Manifest, result, committedEarlier: true).ConfigureAwait(false);
            }

            var parent = type.Name == ResourceTypeNames.Directory
                ? await EngineRecoveryPoints.LatestOfAsync(vault.Vault.Reader, spec.ResourceArn, cancellationToken).ConfigureAwait(false)
                : null;
            if (parent?.Manifest.Tags.GetValueOrDefault(RecoveryPointManifestTags.RecoveryPointArn) is { } parentArn)
            {
                result = result with { ParentRecoveryPointArn = parentArn };
            }

            var counters = new BackupProgress();
            progress.Track(() => Snapshot(counters));
            var options = new BackupOptions { Parent = parent?.Id, Tags = JobManifestTags.For(job.JobId, spec), Progress = counters };
            BackupResult backup = await type.BackupAsync(vault.Vault, definition, options, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync(job, spec, vault, backup.RecoveryPointId, backup.Manifest, result, committedEarlier: false).ConfigureAwait(false);
        }
        catch (ResourceBackupException e)
        {
            return Failed(e.Message, JobMessages.ResourceUnreadable, result);
        }
        catch (AwsServiceException e)
        {
            return Failed(e.Message, JobMessages.CategoryOf(e), result);
        }
        catch (Exception e) when (e is VaultException or VaultCorruptionException or WrongKeyException or IOException or UnauthorizedAccessException)
        {
            return Failed($"The backup could not be written to backup vault {spec.BackupVaultName}: {e.Message}", JobMessages.VaultError, result);
        }
    }

    private async Task<JobOutcome> CompleteAsync(
        JobRecord job, BackupJobSpec spec, OpenedBackupVault vault, BlobId id, Manifest manifest, BackupJobResult result, bool committedEarlier)
    {
        // The engine committed: from here on nothing is cancelled, so the catalog entry follows the manifest.
        string? message = manifest.Partial ? PartialMessage(manifest) : null;
        if (await catalog.GetAsync(spec.Region, job.AccountId, spec.BackupVaultName, spec.RecoveryPointArn, CancellationToken.None).ConfigureAwait(false) is null)
        {
            var record = new RecoveryPointRecord
            {
                RecoveryPointArn = spec.RecoveryPointArn,
                AccountId = job.AccountId,
                Region = spec.Region,
                BackupVaultName = spec.BackupVaultName,
                BackupVaultArn = vault.Arn,
                EngineRecoveryPointId = id.ToString(),
                ResourceArn = spec.ResourceArn,
                ResourceType = spec.ResourceType,
                ResourceName = spec.ResourceName,
                Status = manifest.Partial ? "PARTIAL" : "COMPLETED",
                StatusMessage = message,
                CreationDate = manifest.Time,
                InitiationDate = job.InitiationDate,
                CompletionDate = time.GetUtcNow(),
                BackupSizeInBytes = manifest.Summary.Bytes,
                IamRoleArn = spec.IamRoleArn,
                CreatedBy = spec.CreatedBy,
                Lifecycle = spec.Lifecycle,
                EncryptionKeyArn = vault.EncryptionKeyArn,
                CreatedByJobId = job.JobId,
                Tags = spec.RecoveryPointTags,
            };
            try
            {
                await catalog.AddAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception) when (!committedEarlier)
            {
                await Storage.Maintenance.RecoveryPoints.DeleteAsync(vault.Vault, id, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        message = await StartCopyActionsAsync(job, spec, message).ConfigureAwait(false);
        var finished = result with { RecoveryPointArn = spec.RecoveryPointArn, EngineRecoveryPointId = id.ToString() };
        return new JobOutcome("COMPLETED", message, message is null ? JobMessages.Success : JobMessages.PartialBackup, JobDocuments.ToElement(finished))
        {
            BackupSizeInBytes = manifest.Summary.Bytes,
            BytesTransferred = manifest.Summary.DataAddedStored,
        };
    }

    /// <summary>
    /// A scheduled job's rule's copy actions (docs/design/backup-service.md §11), enqueued before the job is reported COMPLETED so
    /// a crash in between re-enqueues them on the next attempt (their ids are deterministic). A failure to enqueue does not undo
    /// the backup: the job completes with a status message saying so.
    /// </summary>
    private async Task<string?> StartCopyActionsAsync(JobRecord job, BackupJobSpec spec, string? message)
    {
        if (copyActions is null || spec.CreatedBy is null)
        {
            return message;
        }

        try
        {
            RecoveryPointRecord? point = await catalog.GetAsync(spec.Region, job.AccountId, spec.BackupVaultName, spec.RecoveryPointArn, CancellationToken.None).ConfigureAwait(false);
            if (point is not null)
            {
                await copyActions.StartAsync(job, point, spec.IamRoleArn, CancellationToken.None).ConfigureAwait(false);
            }

            return message;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string copies = $"The rule's copy actions could not be started ({e.Message}); start the copies with StartCopyJob.";
            return message is null ? copies : message + " " + copies;
        }
    }

    private static string PartialMessage(Manifest manifest)
    {
        IReadOnlyList<Problem> problems = manifest.Problems;
        string shown = string.Join("; ", problems.Take(ProblemsShown).Select(p => $"{p.Path}: {p.Reason}"));
        string more = problems.Count > ProblemsShown ? $" (and {problems.Count - ProblemsShown} more)" : string.Empty;
        return $"Backup completed with issues: {problems.Count} {(problems.Count == 1 ? "entry" : "entries")} could not be backed up consistently: {shown}{more}. Every other entry is in the recovery point.";
    }

    private static JobProgressSnapshot Snapshot(BackupProgress counters)
    {
        long total = counters.BytesTotal;
        long done = counters.BytesDone;
        double percent = total > 0 ? Math.Min(99.9, done * 100.0 / total) : 0;
        return new JobProgressSnapshot(percent, counters.BytesStored, total >= 0 ? total : done);
    }

    private static JobOutcome Failed(string message, string category, BackupJobResult result) =>
        new("FAILED", message, category, JobDocuments.ToElement(result));
}
