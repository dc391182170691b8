using System.Globalization;
using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Backup jobs (restJson1): StartBackupJob, DescribeBackupJob, ListBackupJobs, StopBackupJob.</summary>
internal static class BackupJobEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("StartBackupJob", StartAsync);
        backup.Map("DescribeBackupJob", DescribeAsync);
        backup.Map("ListBackupJobs", ListAsync);
        backup.Map("StopBackupJob", StopAsync);
    }

    /// <summary>AWS prints PercentDone as a string with one decimal ("0.0", "37.5", "100.0").</summary>
    public static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static JobLifecycleWire? Wire(Lifecycle? lifecycle) =>
        lifecycle is null ? null : new JobLifecycleWire(lifecycle.MoveToColdStorageAfterDays, lifecycle.DeleteAfterDays, lifecycle.OptInToArchiveForSupportedResources);

    private static async Task<RestJsonResponse> StartAsync(RestJsonRequest request)
    {
        StartBackupJobBody body = request.Read(BackupJobWireJson.Default.StartBackupJobBody);
        if (body.LogicallyAirGappedBackupVaultArn is not null)
        {
            throw BackupErrors.InvalidParameterValue("LogicallyAirGappedBackupVaultArn: Arca has no logically air-gapped vaults; leave it out");
        }

        if (body.Index is { ValueKind: not System.Text.Json.JsonValueKind.Null } index && !(index.ValueKind == System.Text.Json.JsonValueKind.String && index.GetString() == "DISABLED"))
        {
            throw BackupErrors.InvalidParameterValue("Index: Arca does not index recovery points; leave it out or use \"DISABLED\"");
        }

        StartBackupJobResult started = await Jobs(request).StartAsync(
            request.Context.Caller,
            new StartBackupJobRequest
            {
                BackupVaultName = body.BackupVaultName,
                ResourceArn = body.ResourceArn,
                IamRoleArn = body.IamRoleArn,
                IdempotencyToken = body.IdempotencyToken,
                StartWindowMinutes = body.StartWindowMinutes,
                CompleteWindowMinutes = body.CompleteWindowMinutes,
                Lifecycle = body.Lifecycle is { } l ? new Lifecycle(l.MoveToColdStorageAfterDays, l.DeleteAfterDays, l.OptInToArchiveForSupportedResources) : null,
                RecoveryPointTags = body.RecoveryPointTags,
                BackupOptions = body.BackupOptions,
            },
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new StartBackupJobOutput(started.BackupJobId, started.CreationDate, started.IsParent), BackupJobWireJson.Default.StartBackupJobOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        BackupJobDetails job = await Jobs(request).DescribeAsync(
            request.Context.Caller, BackupRequests.Label(request, "backupJobId"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(Output(job) with { NumberOfChildJobs = 0 }, BackupJobWireJson.Default.BackupJobWire);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        var filter = new BackupJobFilter
        {
            ByResourceArn = request.QueryValue("resourceArn"),
            ByState = request.QueryValue("state"),
            ByBackupVaultName = request.QueryValue("backupVaultName"),
            ByCreatedBefore = JobQueryValues.Time(request, "createdBefore", "ByCreatedBefore"),
            ByCreatedAfter = JobQueryValues.Time(request, "createdAfter", "ByCreatedAfter"),
            ByResourceType = request.QueryValue("resourceType"),
            ByAccountId = request.QueryValue("accountId"),
            ByCompleteBefore = JobQueryValues.Time(request, "completeBefore", "ByCompleteBefore"),
            ByCompleteAfter = JobQueryValues.Time(request, "completeAfter", "ByCompleteAfter"),
            ByParentJobId = request.QueryValue("parentJobId"),
            ByMessageCategory = request.QueryValue("messageCategory"),
            NextToken = request.QueryValue("nextToken"),
            MaxResults = BackupRequests.Int(request, "maxResults", "MaxResults"),
        };
        BackupPage<BackupJobDetails> page = await Jobs(request).ListAsync(request.Context.Caller, filter, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListBackupJobsOutput([.. page.Items.Select(Output)], page.NextToken), BackupJobWireJson.Default.ListBackupJobsOutput);
    }

    private static async Task<RestJsonResponse> StopAsync(RestJsonRequest request)
    {
        await Jobs(request).StopAsync(request.Context.Caller, BackupRequests.Label(request, "backupJobId"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static BackupJobWire Output(BackupJobDetails j) => new(
        j.AccountId,
        j.BackupJobId,
        j.BackupVaultName,
        j.BackupVaultArn,
        j.VaultType,
        j.VaultLockState,
        j.RecoveryPointArn,
        Wire(j.RecoveryPointLifecycle),
        j.EncryptionKeyArn,
        j.IsEncrypted,
        j.ResourceArn,
        j.CreationDate,
        j.CompletionDate,
        j.State,
        j.StatusMessage,
        Percent(j.PercentDone),
        j.BackupSizeInBytes,
        j.IamRoleArn,
        Wire(j.CreatedBy),
        j.ExpectedCompletionDate,
        j.StartBy,
        j.ResourceType,
        j.BytesTransferred,
        j.BackupOptions,
        j.IsParent,
        j.ResourceName,
        j.InitiationDate,
        j.MessageCategory,
        null);

    private static JobCreatorWire? Wire(RecoveryPointCreator? c) => c is null ? null : new(
        c.BackupPlanId, c.BackupPlanArn, c.BackupPlanName, c.BackupPlanVersion, c.BackupRuleId, c.BackupRuleName, c.BackupRuleCron, c.BackupRuleTimezone);

    private static BackupJobService Jobs(RestJsonRequest request) => request.Context.Services.GetRequiredService<BackupJobService>();
}
