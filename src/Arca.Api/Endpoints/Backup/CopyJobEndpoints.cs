using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Control.Backup.Copies;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Copy jobs (restJson1): StartCopyJob, DescribeCopyJob, ListCopyJobs.</summary>
internal static class CopyJobEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("StartCopyJob", StartAsync);
        backup.Map("DescribeCopyJob", DescribeAsync);
        backup.Map("ListCopyJobs", ListAsync);
    }

    private static async Task<RestJsonResponse> StartAsync(RestJsonRequest request)
    {
        StartCopyJobBody body = request.Read(BackupJobWireJson.Default.StartCopyJobBody);
        StartCopyJobResult started = await Copies(request).StartAsync(
            request.Context.Caller,
            new StartCopyJobRequest
            {
                RecoveryPointArn = body.RecoveryPointArn,
                SourceBackupVaultName = body.SourceBackupVaultName,
                DestinationBackupVaultArn = body.DestinationBackupVaultArn,
                IamRoleArn = body.IamRoleArn,
                IdempotencyToken = body.IdempotencyToken,
                Lifecycle = body.Lifecycle is { } l ? new Lifecycle(l.MoveToColdStorageAfterDays, l.DeleteAfterDays, l.OptInToArchiveForSupportedResources) : null,
            },
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new StartCopyJobOutput(started.CopyJobId, started.CreationDate, started.IsParent), BackupJobWireJson.Default.StartCopyJobOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        CopyJobDetails job = await Copies(request).DescribeAsync(
            request.Context.Caller, BackupRequests.Label(request, "copyJobId"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new DescribeCopyJobOutput(Output(job) with { NumberOfChildJobs = 0 }), BackupJobWireJson.Default.DescribeCopyJobOutput);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        var filter = new CopyJobFilter
        {
            ByResourceArn = request.QueryValue("resourceArn"),
            ByState = request.QueryValue("state"),
            ByCreatedBefore = JobQueryValues.Time(request, "createdBefore", "ByCreatedBefore"),
            ByCreatedAfter = JobQueryValues.Time(request, "createdAfter", "ByCreatedAfter"),
            ByResourceType = request.QueryValue("resourceType"),
            ByDestinationVaultArn = request.QueryValue("destinationVaultArn"),
            ByAccountId = request.QueryValue("accountId"),
            ByCompleteBefore = JobQueryValues.Time(request, "completeBefore", "ByCompleteBefore"),
            ByCompleteAfter = JobQueryValues.Time(request, "completeAfter", "ByCompleteAfter"),
            ByParentJobId = request.QueryValue("parentJobId"),
            ByMessageCategory = request.QueryValue("messageCategory"),
            BySourceRecoveryPointArn = request.QueryValue("sourceRecoveryPointArn"),
            NextToken = request.QueryValue("nextToken"),
            MaxResults = BackupRequests.Int(request, "maxResults", "MaxResults"),
        };
        BackupPage<CopyJobDetails> page = await Copies(request).ListAsync(request.Context.Caller, filter, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListCopyJobsOutput([.. page.Items.Select(Output)], page.NextToken), BackupJobWireJson.Default.ListCopyJobsOutput);
    }

    private static CopyJobWire Output(CopyJobDetails j) => new(
        j.AccountId,
        j.CopyJobId,
        j.SourceBackupVaultArn,
        j.SourceRecoveryPointArn,
        j.DestinationBackupVaultArn,
        j.DestinationVaultType,
        j.DestinationVaultLockState,
        j.DestinationRecoveryPointArn,
        j.DestinationEncryptionKeyArn,
        BackupJobEndpoints.Wire(j.DestinationRecoveryPointLifecycle),
        j.ResourceArn,
        j.CreationDate,
        j.CompletionDate,
        j.State,
        j.StatusMessage,
        j.BackupSizeInBytes,
        j.IamRoleArn,
        Wire(j.CreatedBy),
        j.CreatedByBackupJobId,
        j.ResourceType,
        j.IsParent,
        null,
        j.ResourceName,
        j.MessageCategory);

    private static JobCreatorWire? Wire(RecoveryPointCreator? c) => c is null ? null : new(
        c.BackupPlanId, c.BackupPlanArn, c.BackupPlanName, c.BackupPlanVersion, c.BackupRuleId, c.BackupRuleName, c.BackupRuleCron, c.BackupRuleTimezone);

    private static CopyJobService Copies(RestJsonRequest request) => request.Context.Services.GetRequiredService<CopyJobService>();
}
