using System.Text.Json;
using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Plans;
using Arca.Domain.Scheduling;

namespace Arca.Control.Backup.Jobs;

/// <summary>
/// On-demand backup jobs (docs/design/backup-service.md §4): StartBackupJob and StopBackupJob here, DescribeBackupJob
/// and ListBackupJobs in <c>BackupJobService.Queries.cs</c>. A started job is a <see cref="JobRecord"/> on the region's
/// backup queue; the region's <see cref="JobEngine"/> runs it with <see cref="BackupJobRunner"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s naming the member. Checked at once: the members'
/// shapes, the caller's permissions (<c>backup:StartBackupJob</c> on the vault, <c>iam:PassRole</c> on the role), that
/// the role exists and trusts backup.amazonaws.com, that the vault exists and that the resource is registered. Checked
/// when the job runs (it fails with the reason): the vault's key, its lock's retention range, reading the resource.
/// IdempotencyToken: the same token with the same request returns the first job; with another request it is refused
/// (InvalidRequestException).
/// </remarks>
public sealed partial class BackupJobService(
    RegionJobs jobs,
    RegionSet regions,
    Authorizer authorizer,
    RoleService roles,
    IVaultCatalog vaults,
    ResourceInventoryService inventory,
    IJobVisibility visibility,
    PageTokens tokens,
    TimeProvider time)
{
    private const string StartOperation = "StartBackupJob";

    public async Task<StartBackupJobResult> StartAsync(CallerIdentity caller, StartBackupJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        string vaultName = JobInputs.VaultName(request.BackupVaultName, "BackupVaultName");
        Arn resourceArn = ResourceArn(caller, request.ResourceArn);
        BackupRoles.CheckShape(caller.AccountId, request.IamRoleArn, "IamRoleArn");
        string? token = JobInputs.Token(request.IdempotencyToken);
        long start = JobInputs.Window(request.StartWindowMinutes, "StartWindowMinutes", BackupWindow.MinStartWindowMinutes, BackupWindow.DefaultStartWindowMinutes);
        long complete = JobInputs.Window(request.CompleteWindowMinutes, "CompleteWindowMinutes", 1, BackupWindow.DefaultCompletionWindowMinutes);
        if (LifecycleRules.FirstProblem(request.Lifecycle, "Lifecycle") is { } problem)
        {
            throw BackupErrors.From(problem);
        }

        IReadOnlyDictionary<string, string> tags = TagRules.Validate(request.RecoveryPointTags, "RecoveryPointTags");
        string vaultArn = Arn.BackupVault(caller.Region, caller.AccountId, vaultName).ToString();
        await authorizer.AuthorizeAsync(caller, "backup:StartBackupJob", vaultArn, cancellationToken: cancellationToken).ConfigureAwait(false);
        await authorizer.AuthorizeAsync(caller, "iam:PassRole", request.IamRoleArn!, cancellationToken: cancellationToken).ConfigureAwait(false);
        string roleArn = await BackupRoles.RequireAsync(roles, caller.AccountId, request.IamRoleArn, "IamRoleArn", cancellationToken).ConfigureAwait(false);
        if (!await vaults.ExistsAsync(caller.AccountId, caller.Region, vaultName, cancellationToken).ConfigureAwait(false))
        {
            throw BackupErrors.ResourceNotFound($"BackupVaultName: backup vault {vaultName} does not exist in account {caller.AccountId} and region {caller.Region}");
        }

        InventoryResource resource = (await inventory.GetDefinitionAsync(caller.AccountId, caller.Region, resourceArn.ToString(), cancellationToken).ConfigureAwait(false))?.Resource
            ?? throw BackupErrors.ResourceNotFound(
                $"ResourceArn: resource {resourceArn} is not registered in account {caller.AccountId} and region {caller.Region} (register it with arca resource register)");
        IReadOnlyDictionary<string, string>? options = JobInputs.BackupOptions(request.BackupOptions, resource.ResourceType);
        string fingerprint = ClientTokens.Fingerprint(
            vaultName, resource.ResourceArn, roleArn, start.ToString(System.Globalization.CultureInfo.InvariantCulture),
            complete.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Lifecycle is null ? string.Empty : JsonSerializer.Serialize(request.Lifecycle, BackupJobsJson.Default.Lifecycle),
            ClientTokens.Canonical(tags), ClientTokens.Canonical(options ?? new Dictionary<string, string>()));

        DateTimeOffset now = time.GetUtcNow();
        var window = BackupWindow.For(now, start, complete);
        var spec = new BackupJobSpec
        {
            Region = caller.Region,
            BackupVaultName = vaultName,
            BackupVaultArn = vaultArn,
            ResourceArn = resource.ResourceArn,
            ResourceType = resource.ResourceType,
            ResourceName = resource.ResourceName,
            IamRoleArn = roleArn,
            RecoveryPointArn = Arn.RecoveryPoint(caller.Region, caller.AccountId, Guid.NewGuid().ToString()).ToString(),
            Lifecycle = request.Lifecycle,
            RecoveryPointTags = tags,
            BackupOptions = options,
            Fingerprint = fingerprint,
        };
        var job = new JobRecord
        {
            JobId = Guid.CreateVersion7(now).ToString(),
            Kind = JobKind.Backup,
            AccountId = caller.AccountId,
            State = JobKindProfile.Backup.Waiting,
            CreationDate = now,
            StartAfter = now,
            StartBy = window.StartBy,
            CompleteBy = window.CompleteBy,
            IdempotencyToken = token,
            Spec = JobDocuments.ToElement(spec),
        };
        JobRecord stored = await IdempotentEnqueue.EnqueueAsync(regions.Get(caller.Region).Store, jobs.Backup(caller.Region).Jobs, caller.AccountId, StartOperation, "backup", job, token, fingerprint, cancellationToken).ConfigureAwait(false);
        if (stored.JobId == job.JobId)
        {
            jobs.Wake(caller.Region);
        }

        return new StartBackupJobResult(stored.JobId, stored.CreationDate);
    }

    /// <summary>StopBackupJob: a waiting job ends ABORTED at once; a running one goes ABORTING, then ABORTED when its runner stops.</summary>
    public async Task StopAsync(CallerIdentity caller, string? backupJobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = string.IsNullOrEmpty(backupJobId) ? throw BackupErrors.Missing("BackupJobId") : backupJobId;
        await authorizer.AuthorizeAsync(caller, "backup:StopBackupJob", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        JobQueue queue = jobs.Backup(caller.Region);
        JobRecord? job = await queue.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null || job.AccountId != caller.AccountId)
        {
            throw NotFound(id);
        }

        JobRecord? stopping;
        try
        {
            stopping = await queue.RequestStopAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            JobRecord? now = await queue.GetAsync(id, cancellationToken).ConfigureAwait(false);
            throw BackupErrors.InvalidRequest($"Backup job {id} is {now?.State ?? job.State} and cannot be stopped; only CREATED, PENDING and RUNNING jobs can");
        }

        if (stopping?.State == JobKindProfile.Backup.Stopping)
        {
            jobs.StopRunning(caller.Region, id);
        }
    }

    internal static Errors.AwsServiceException NotFound(string jobId) => BackupErrors.ResourceNotFound($"Backup job {jobId} not found");

    private static Arn ResourceArn(CallerIdentity caller, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw BackupErrors.Missing("ResourceArn");
        }

        if (!Arn.TryParse(text, out Arn? arn, out _) || arn.Kind != ArnKind.ArcaResource)
        {
            throw BackupErrors.InvalidParameterValue(
                $"ResourceArn: '{JobInputs.Cut(text)}' is not the ARN of an Arca resource (arn:aws:arca:REGION:ACCOUNT:directory/NAME, sqlite/NAME or postgresql/NAME)");
        }

        if (arn.Account != caller.AccountId)
        {
            throw BackupErrors.InvalidParameterValue($"ResourceArn: {arn} belongs to account {arn.Account}; a backup job backs up resources of the caller's account {caller.AccountId}");
        }

        if (arn.Region != caller.Region)
        {
            throw BackupErrors.InvalidParameterValue($"ResourceArn: {arn} is in region {arn.Region}; start the job in that region (this request is for {caller.Region})");
        }

        return arn;
    }
}
