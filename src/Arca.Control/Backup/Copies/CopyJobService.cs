using System.Text.Json;
using Arca.Control.Backup.Copies.Internal;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Copies;

/// <summary>
/// On-demand copy jobs (docs/design/backup-service.md §11): StartCopyJob here, DescribeCopyJob and ListCopyJobs in
/// <c>CopyJobService.Queries.cs</c>. A started job is a <see cref="JobRecord"/> on the SOURCE region's copy queue, owned by
/// the source account (as on AWS); the region's engine runs it with <see cref="CopyJobRunner"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s naming the member. Checked at once (aws-api.md §5.4
/// 1–4): the members' shapes, the caller's permissions (<c>backup:StartCopyJob</c> on the recovery point,
/// <c>iam:PassRole</c> on the role), that the role exists and trusts backup.amazonaws.com, that the source vault exists and
/// holds the recovery point in a usable state, that the destination region is served. Everything AWS checks
/// asynchronously (organization, access policies, keys, vault lock, cold storage) fails the job instead.
/// IdempotencyToken: the same token with the same request returns the first job; with another request it is refused
/// (InvalidRequestException).
/// </remarks>
public sealed partial class CopyJobService(
    RegionJobs jobs,
    RegionSet regions,
    Authorizer authorizer,
    RoleService roles,
    IVaultCatalog vaults,
    IRecoveryPointCatalog catalog,
    IJobVisibility visibility,
    PageTokens tokens,
    TimeProvider time)
{
    private const string StartOperation = "StartCopyJob";

    public async Task<StartCopyJobResult> StartAsync(CallerIdentity caller, StartCopyJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        Arn pointArn = SourceRecoveryPointArn(caller, request.RecoveryPointArn);
        string vaultName = JobInputs.VaultName(request.SourceBackupVaultName, "SourceBackupVaultName");
        Arn destination = DestinationVaultArn(regions, request.DestinationBackupVaultArn, "DestinationBackupVaultArn");
        BackupRoles.CheckShape(caller.AccountId, request.IamRoleArn, "IamRoleArn");
        string? token = JobInputs.Token(request.IdempotencyToken);
        if (LifecycleRules.FirstProblem(request.Lifecycle, "Lifecycle") is { } problem)
        {
            throw BackupErrors.From(problem);
        }

        string sourceVaultArn = Arn.BackupVault(caller.Region, caller.AccountId, vaultName).ToString();
        if (destination.ToString() == sourceVaultArn)
        {
            throw BackupErrors.InvalidParameterValue($"DestinationBackupVaultArn: {destination} is the source vault; copy into another vault");
        }

        await authorizer.AuthorizeAsync(caller, "backup:StartCopyJob", pointArn.ToString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await authorizer.AuthorizeAsync(caller, "iam:PassRole", request.IamRoleArn!, cancellationToken: cancellationToken).ConfigureAwait(false);
        string roleArn = await BackupRoles.RequireAsync(roles, caller.AccountId, request.IamRoleArn, "IamRoleArn", cancellationToken).ConfigureAwait(false);
        if (!await vaults.ExistsAsync(caller.AccountId, caller.Region, vaultName, cancellationToken).ConfigureAwait(false))
        {
            throw BackupErrors.ResourceNotFound($"SourceBackupVaultName: backup vault {vaultName} does not exist in account {caller.AccountId} and region {caller.Region}");
        }

        RecoveryPointRecord point = await catalog.GetAsync(caller.Region, caller.AccountId, vaultName, pointArn.ToString(), cancellationToken).ConfigureAwait(false)
            ?? throw BackupErrors.ResourceNotFound($"RecoveryPointArn: recovery point {pointArn} not found in backup vault {vaultName}");
        if (point.Status is not (RecoveryPointCatalog.Completed or "PARTIAL" or "AVAILABLE"))
        {
            throw BackupErrors.InvalidRequest($"RecoveryPointArn: recovery point {pointArn} is {point.Status}; only a COMPLETED recovery point can be copied");
        }

        string fingerprint = ClientTokens.Fingerprint(
            pointArn.ToString(), vaultName, destination.ToString(), roleArn,
            request.Lifecycle is null ? string.Empty : JsonSerializer.Serialize(request.Lifecycle, CopyJobsJson.Default.Lifecycle));
        DateTimeOffset now = time.GetUtcNow();
        JobRecord job = NewJob(
            caller.AccountId, point, destination, roleArn, request.Lifecycle ?? point.Lifecycle, null, null, Guid.CreateVersion7(now).ToString(), now, token, fingerprint);
        JobRecord stored = await IdempotentEnqueue.EnqueueAsync(regions.Get(caller.Region).Store, jobs.Copy(caller.Region).Jobs, caller.AccountId, StartOperation, "copy", job, token, fingerprint, cancellationToken).ConfigureAwait(false);
        if (stored.JobId == job.JobId)
        {
            jobs.Wake(caller.Region);
        }

        return new StartCopyJobResult(stored.JobId, stored.CreationDate);
    }

    /// <summary>A copy job of <paramref name="point"/> (in its account and region) into <paramref name="destination"/>, waiting to run.</summary>
    internal static JobRecord NewJob(
        string accountId,
        RecoveryPointRecord point,
        Arn destination,
        string roleArn,
        Lifecycle? lifecycle,
        RecoveryPointCreator? createdBy,
        string? createdByBackupJobId,
        string jobId,
        DateTimeOffset now,
        string? token,
        string? fingerprint)
    {
        var spec = new CopyJobSpec
        {
            Region = point.Region,
            SourceBackupVaultName = point.BackupVaultName,
            SourceBackupVaultArn = point.BackupVaultArn,
            SourceRecoveryPointArn = point.RecoveryPointArn,
            DestinationBackupVaultArn = destination.ToString(),
            DestinationRecoveryPointArn = Arn.RecoveryPoint(destination.Region, destination.Account, Guid.CreateVersion7(now).ToString()).ToString(),
            IamRoleArn = roleArn,
            ResourceArn = point.ResourceArn,
            ResourceType = point.ResourceType,
            ResourceName = point.ResourceName,
            BackupSizeInBytes = point.BackupSizeInBytes,
            Lifecycle = lifecycle,
            CreatedBy = createdBy,
            CreatedByBackupJobId = createdByBackupJobId,
            Fingerprint = fingerprint,
        };
        return new JobRecord
        {
            JobId = jobId,
            Kind = JobKind.Copy,
            AccountId = accountId,
            State = JobKindProfile.Copy.Waiting,
            CreationDate = now,
            StartAfter = now,
            IdempotencyToken = token,
            Spec = CopyJobsJson.ToElement(spec),
        };
    }

    internal static Errors.AwsServiceException NotFound(string jobId) => BackupErrors.ResourceNotFound($"Copy job {jobId} not found");

    /// <summary>A backup vault ARN in a region this server serves (member <paramref name="field"/>).</summary>
    internal static Arn DestinationVaultArn(RegionSet regions, string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw BackupErrors.Missing(field);
        }

        if (!Arn.TryParse(text, out Arn? arn, out _) || arn.Kind != ArnKind.BackupVault)
        {
            throw BackupErrors.InvalidParameterValue($"{field}: '{JobInputs.Cut(text)}' is not a backup vault ARN (arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME)");
        }

        return regions.Serves(arn.Region)
            ? arn
            : throw BackupErrors.InvalidParameterValue($"{field}: region {arn.Region} is not served by this Arca deployment (it serves {string.Join(", ", regions.Names)})");
    }

    private static Arn SourceRecoveryPointArn(CallerIdentity caller, string? text)
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
            throw BackupErrors.InvalidParameterValue($"RecoveryPointArn: {arn} is in region {arn.Region}; start the copy job in that region (this request is for {caller.Region})");
        }

        return arn.Account == caller.AccountId
            ? arn
            : throw BackupErrors.InvalidParameterValue($"RecoveryPointArn: {arn} belongs to account {arn.Account}; a copy job copies recovery points of the caller's account {caller.AccountId}");
    }
}
