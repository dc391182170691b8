using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Control.Backup.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// Restores (restJson1): GetRecoveryPointRestoreMetadata, StartRestoreJob, DescribeRestoreJob, ListRestoreJobs,
/// ListRestoreJobsByProtectedResource, GetRestoreJobMetadata.
/// </summary>
internal static class RestoreJobEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("GetRecoveryPointRestoreMetadata", RestoreMetadataAsync);
        backup.Map("StartRestoreJob", StartAsync);
        backup.Map("DescribeRestoreJob", DescribeAsync);
        backup.Map("ListRestoreJobs", ListAsync);
        backup.Map("ListRestoreJobsByProtectedResource", ListByResourceAsync);
        backup.Map("GetRestoreJobMetadata", JobMetadataAsync);
    }

    private static async Task<RestJsonResponse> RestoreMetadataAsync(RestJsonRequest request)
    {
        RecoveryPointRestoreMetadata metadata = await Restores(request).GetRecoveryPointRestoreMetadataAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupVaultName"),
            BackupRequests.Label(request, "recoveryPointArn"),
            request.QueryValue("backupVaultAccountId"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new RecoveryPointRestoreMetadataOutput(metadata.BackupVaultArn, metadata.RecoveryPointArn, metadata.RestoreMetadata, metadata.ResourceType),
            BackupJobWireJson.Default.RecoveryPointRestoreMetadataOutput);
    }

    private static async Task<RestJsonResponse> StartAsync(RestJsonRequest request)
    {
        StartRestoreJobBody body = request.Read(BackupJobWireJson.Default.StartRestoreJobBody);
        string id = await Restores(request).StartAsync(
            request.Context.Caller,
            new StartRestoreJobRequest
            {
                RecoveryPointArn = body.RecoveryPointArn,
                Metadata = body.Metadata,
                IamRoleArn = body.IamRoleArn,
                IdempotencyToken = body.IdempotencyToken,
                ResourceType = body.ResourceType,
                CopySourceTagsToRestoredResource = body.CopySourceTagsToRestoredResource,
            },
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new StartRestoreJobOutput(id), BackupJobWireJson.Default.StartRestoreJobOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        RestoreJobDetails job = await Restores(request).DescribeAsync(
            request.Context.Caller, BackupRequests.Label(request, "restoreJobId"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(Output(job), BackupJobWireJson.Default.RestoreJobWire);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        var filter = new RestoreJobFilter
        {
            ByAccountId = request.QueryValue("accountId"),
            ByResourceType = request.QueryValue("resourceType"),
            ByCreatedBefore = JobQueryValues.Time(request, "createdBefore", "ByCreatedBefore"),
            ByCreatedAfter = JobQueryValues.Time(request, "createdAfter", "ByCreatedAfter"),
            ByStatus = request.QueryValue("status"),
            ByCompleteBefore = JobQueryValues.Time(request, "completeBefore", "ByCompleteBefore"),
            ByCompleteAfter = JobQueryValues.Time(request, "completeAfter", "ByCompleteAfter"),
            ByRestoreTestingPlanArn = request.QueryValue("restoreTestingPlanArn"),
            ByParentJobId = request.QueryValue("parentJobId"),
            NextToken = request.QueryValue("nextToken"),
            MaxResults = BackupRequests.Int(request, "maxResults", "MaxResults"),
        };
        BackupPage<RestoreJobDetails> page = await Restores(request).ListAsync(request.Context.Caller, filter, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListRestoreJobsOutput([.. page.Items.Select(Output)], page.NextToken), BackupJobWireJson.Default.ListRestoreJobsOutput);
    }

    private static async Task<RestJsonResponse> ListByResourceAsync(RestJsonRequest request)
    {
        var filter = new RestoreJobFilter
        {
            ByStatus = request.QueryValue("status"),
            ByRecoveryPointCreationDateAfter = JobQueryValues.Time(request, "recoveryPointCreationDateAfter", "ByRecoveryPointCreationDateAfter"),
            ByRecoveryPointCreationDateBefore = JobQueryValues.Time(request, "recoveryPointCreationDateBefore", "ByRecoveryPointCreationDateBefore"),
            NextToken = request.QueryValue("nextToken"),
            MaxResults = BackupRequests.Int(request, "maxResults", "MaxResults"),
        };
        BackupPage<RestoreJobDetails> page = await Restores(request).ListByProtectedResourceAsync(
            request.Context.Caller, BackupRequests.Label(request, "resourceArn"), filter, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListRestoreJobsOutput([.. page.Items.Select(Output)], page.NextToken), BackupJobWireJson.Default.ListRestoreJobsOutput);
    }

    private static async Task<RestJsonResponse> JobMetadataAsync(RestJsonRequest request)
    {
        string id = BackupRequests.Label(request, "restoreJobId");
        IReadOnlyDictionary<string, string> metadata = await Restores(request).GetMetadataAsync(request.Context.Caller, id, request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new RestoreJobMetadataOutput(id, metadata), BackupJobWireJson.Default.RestoreJobMetadataOutput);
    }

    private static RestoreJobWire Output(RestoreJobDetails j) => new(
        j.AccountId,
        j.RestoreJobId,
        j.RecoveryPointArn,
        j.SourceResourceArn,
        j.BackupVaultArn,
        j.CreationDate,
        j.CompletionDate,
        j.Status,
        j.StatusMessage,
        BackupJobEndpoints.Percent(j.PercentDone),
        j.BackupSizeInBytes,
        j.IamRoleArn,
        j.CreatedResourceArn,
        j.ResourceType,
        j.RecoveryPointCreationDate,
        j.IsParent);

    private static RestoreJobService Restores(RestJsonRequest request) => request.Context.Services.GetRequiredService<RestoreJobService>();
}
