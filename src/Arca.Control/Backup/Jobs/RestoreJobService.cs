using System.Text.Json;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Storage.Format;
using Arca.Storage.Resources;

namespace Arca.Control.Backup.Jobs;

/// <summary>
/// Restores (docs/design/backup-service.md §6): GetRecoveryPointRestoreMetadata and StartRestoreJob here; the reads
/// (DescribeRestoreJob, ListRestoreJobs, ListRestoreJobsByProtectedResource, GetRestoreJobMetadata) in
/// <c>RestoreJobService.Queries.cs</c>. A restore reads a recovery point of the caller's own account and region (AWS
/// cannot restore across accounts: copy first); <see cref="RestoreJobRunner"/> writes it back.
/// </summary>
/// <remarks>
/// Thread-safe. The metadata is checked for the recovery point's resource type before the job is queued (errors name
/// <c>Metadata.KEY</c>); it is stored sealed with the region's master key, and shown again without a password.
/// </remarks>
public sealed partial class RestoreJobService(
    RegionJobs jobs,
    RegionSet regions,
    Authorizer authorizer,
    RoleService roles,
    IBackupVaults vaults,
    IRecoveryPointCatalog catalog,
    BackupResourceTypes resourceTypes,
    IJobVisibility visibility,
    PageTokens tokens,
    TimeProvider time)
{
    private const string StartOperation = "StartRestoreJob";

    /// <summary>GetRecoveryPointRestoreMetadata: the metadata the recovery point's resource type suggests (its original location, Overwrite "false").</summary>
    public async Task<RecoveryPointRestoreMetadata> GetRecoveryPointRestoreMetadataAsync(
        CallerIdentity caller, string? backupVaultName, string? recoveryPointArn, string? backupVaultAccountId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string vaultName = JobInputs.VaultName(backupVaultName, "BackupVaultName");
        Arn arn = RecoveryPointArn(caller, recoveryPointArn);
        Vaults.Internal.VaultAccess.RefuseOtherAccount(caller, backupVaultAccountId, "backup:GetRecoveryPointRestoreMetadata", arn.ToString());
        await authorizer.AuthorizeAsync(caller, "backup:GetRecoveryPointRestoreMetadata", arn.ToString(), arn.Account, cancellationToken: cancellationToken).ConfigureAwait(false);
        RecoveryPointRecord point = await catalog.GetAsync(caller.Region, caller.AccountId, vaultName, arn.ToString(), cancellationToken).ConfigureAwait(false)
            ?? throw BackupErrors.ResourceNotFound($"RecoveryPointArn: recovery point {arn} not found in backup vault {vaultName}");
        OpenedBackupVault vault = await vaults.OpenAsync(caller.AccountId, caller.Region, vaultName, cancellationToken).ConfigureAwait(false);
        Manifest manifest = await vault.Vault.Reader.LoadManifestAsync(BlobId.Parse(point.EngineRecoveryPointId), cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, string> metadata = resourceTypes.Registry.ForRecoveryPoint(manifest).GetRestoreMetadata(manifest);
        return new RecoveryPointRestoreMetadata(point.BackupVaultArn, point.RecoveryPointArn, point.ResourceType, metadata);
    }

    public async Task<string> StartAsync(CallerIdentity caller, StartRestoreJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        Arn arn = RecoveryPointArn(caller, request.RecoveryPointArn);
        if (request.Metadata is null)
        {
            throw BackupErrors.Missing("Metadata");
        }

        if (request.IamRoleArn is not null)
        {
            BackupRoles.CheckShape(caller.AccountId, request.IamRoleArn, "IamRoleArn");
        }

        string? token = JobInputs.Token(request.IdempotencyToken);
        await authorizer.AuthorizeAsync(caller, "backup:StartRestoreJob", arn.ToString(), arn.Account, cancellationToken: cancellationToken).ConfigureAwait(false);
        string? roleArn = null;
        if (request.IamRoleArn is not null)
        {
            await authorizer.AuthorizeAsync(caller, "iam:PassRole", request.IamRoleArn, cancellationToken: cancellationToken).ConfigureAwait(false);
            roleArn = await BackupRoles.RequireAsync(roles, caller.AccountId, request.IamRoleArn, "IamRoleArn", cancellationToken).ConfigureAwait(false);
        }

        RecoveryPointRecord point = await catalog.FindAsync(caller.Region, arn.ToString(), cancellationToken).ConfigureAwait(false)
            ?? throw BackupErrors.ResourceNotFound($"RecoveryPointArn: recovery point {arn} not found in account {caller.AccountId} and region {caller.Region}");
        if (request.ResourceType is { } asked && asked != point.ResourceType)
        {
            throw BackupErrors.InvalidParameterValue($"ResourceType: the recovery point holds a {point.ResourceType} resource, not {JobInputs.Cut(asked)}");
        }

        if (!resourceTypes.Registry.TryGet(point.ResourceType, out IResourceType? type))
        {
            throw BackupErrors.InvalidRequest($"RecoveryPointArn: the recovery point holds a {point.ResourceType} resource, which this version of Arca cannot restore");
        }

        IReadOnlyDictionary<string, string> metadata = RestoreMetadataRules.Validate(type, request.Metadata);
        string metadataJson = JsonSerializer.Serialize(new Dictionary<string, string>(metadata), BackupJobsJson.Default.DictionaryStringString);
        string fingerprint = ClientTokens.Fingerprint(arn.ToString(), metadataJson, roleArn ?? string.Empty, (request.CopySourceTagsToRestoredResource ?? false).ToString());
        DateTimeOffset now = time.GetUtcNow();
        string jobId = Guid.CreateVersion7(now).ToString();
        Region region = regions.Get(caller.Region);
        var spec = new RestoreJobSpec
        {
            Region = caller.Region,
            RecoveryPointArn = point.RecoveryPointArn,
            BackupVaultName = point.BackupVaultName,
            BackupVaultArn = point.BackupVaultArn,
            SourceResourceArn = point.ResourceArn,
            ResourceType = point.ResourceType,
            ResourceName = point.ResourceName,
            IamRoleArn = roleArn,
            RecoveryPointCreationDate = point.CreationDate,
            BackupSizeInBytes = point.BackupSizeInBytes,
            Metadata = RestoreMetadataRules.Redacted(metadata),
            SealedMetadata = new SecretSealer(region.MasterKey).Seal(metadataJson, SealContext(jobId)),
            CopySourceTagsToRestoredResource = request.CopySourceTagsToRestoredResource ?? false,
            Fingerprint = fingerprint,
        };
        var job = new JobRecord
        {
            JobId = jobId,
            Kind = JobKind.Restore,
            AccountId = caller.AccountId,
            State = JobKindProfile.Restore.Waiting,
            CreationDate = now,
            StartAfter = now,
            IdempotencyToken = token,
            Spec = JobDocuments.ToElement(spec),
        };
        JobRecord stored = await IdempotentEnqueue.EnqueueAsync(region.Store, jobs.Restore(caller.Region).Jobs, caller.AccountId, StartOperation, "restore", job, token, fingerprint, cancellationToken).ConfigureAwait(false);
        if (stored.JobId == job.JobId)
        {
            jobs.Wake(caller.Region);
        }

        return stored.JobId;
    }

    /// <summary>The associated data that binds a restore job's sealed metadata to the job.</summary>
    internal static string SealContext(string jobId) => "arca/v1/restore-job-metadata:" + jobId;

    internal static Errors.AwsServiceException NotFound(string jobId) => BackupErrors.ResourceNotFound($"Restore job {jobId} not found");

    private static Arn RecoveryPointArn(CallerIdentity caller, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw BackupErrors.Missing("RecoveryPointArn");
        }

        if (!Arn.TryParse(text, out Arn? arn, out _) || arn.Kind != ArnKind.RecoveryPoint)
        {
            throw BackupErrors.InvalidParameterValue($"RecoveryPointArn: '{JobInputs.Cut(text)}' is not a recovery point ARN (arn:aws:backup:REGION:ACCOUNT:recovery-point:ID)");
        }

        if (arn.Region != caller.Region)
        {
            throw BackupErrors.InvalidParameterValue($"RecoveryPointArn: {arn} is in region {arn.Region}; send the request to that region (this request is for {caller.Region})");
        }

        return arn;
    }
}
