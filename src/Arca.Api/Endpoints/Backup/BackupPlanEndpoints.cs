using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// Backup plans (restJson1): CreateBackupPlan, GetBackupPlan, ListBackupPlans, UpdateBackupPlan, DeleteBackupPlan,
/// ListBackupPlanVersions, GetBackupPlanFromJSON, ExportBackupPlanTemplate.
/// </summary>
internal static class BackupPlanEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("CreateBackupPlan", CreateAsync);
        backup.Map("GetBackupPlan", GetAsync);
        backup.Map("ListBackupPlans", ListAsync);
        backup.Map("UpdateBackupPlan", UpdateAsync);
        backup.Map("DeleteBackupPlan", DeleteAsync);
        backup.Map("ListBackupPlanVersions", ListVersionsAsync);
        backup.Map("GetBackupPlanFromJSON", FromJsonAsync);
        backup.Map("ExportBackupPlanTemplate", ExportTemplateAsync);
    }

    private static async Task<RestJsonResponse> CreateAsync(RestJsonRequest request)
    {
        CreateBackupPlanBody body = request.Read(BackupWireJson.Default.CreateBackupPlanBody);
        BackupPlanDetails plan = await Plans(request).CreateAsync(
            request.Context.Caller,
            new CreateBackupPlanRequest(BackupRequests.Plan(body.BackupPlan), body.BackupPlanTags, body.CreatorRequestId),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(VersionOutput(plan), BackupWireJson.Default.PlanVersionOutput);
    }

    private static async Task<RestJsonResponse> GetAsync(RestJsonRequest request)
    {
        BackupPlanDetails plan = await Plans(request).GetAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupPlanId"),
            request.QueryValue("versionId"),
            BackupRequests.Int(request, "MaxScheduledRunsPreview", "MaxScheduledRunsPreview"),
            request.Context.CancellationToken).ConfigureAwait(false);
        var output = new GetPlanOutput(
            plan.BackupPlan,
            plan.BackupPlanId,
            plan.BackupPlanArn,
            plan.VersionId,
            plan.CreatorRequestId,
            plan.CreationDate,
            plan.DeletionDate,
            plan.LastExecutionDate,
            plan.BackupPlan.AdvancedBackupSettings,
            plan.ScheduledRunsPreview.Count == 0 ? null : [.. plan.ScheduledRunsPreview.Select(r => new ScheduledRunOutput(r.ExecutionTime, r.RuleId, r.RuleExecutionType))],
            plan.OrganizationManaged ? [.. plan.OrganizationFindings.Select(OrganizationFindingWire.From)] : null);
        return RestJsonResponse.From(output, BackupWireJson.Default.GetPlanOutput);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        BackupPage<BackupPlanDetails> page = await Plans(request).ListAsync(
            request.Context.Caller,
            BackupRequests.Bool(request, "includeDeleted", "IncludeDeleted"),
            request.QueryValue("nextToken"),
            BackupRequests.Int(request, "maxResults", "MaxResults"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListPlansOutput([.. page.Items.Select(Member)], page.NextToken), BackupWireJson.Default.ListPlansOutput);
    }

    private static async Task<RestJsonResponse> UpdateAsync(RestJsonRequest request)
    {
        UpdateBackupPlanBody body = request.Read(BackupWireJson.Default.UpdateBackupPlanBody);
        BackupPlanDetails plan = await Plans(request).UpdateAsync(
            request.Context.Caller, BackupRequests.Label(request, "backupPlanId"), BackupRequests.Plan(body.BackupPlan), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(VersionOutput(plan), BackupWireJson.Default.PlanVersionOutput);
    }

    private static async Task<RestJsonResponse> DeleteAsync(RestJsonRequest request)
    {
        BackupPlanDetails plan = await Plans(request).DeleteAsync(request.Context.Caller, BackupRequests.Label(request, "backupPlanId"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(
            new DeletePlanOutput(plan.BackupPlanId, plan.BackupPlanArn, plan.DeletionDate, plan.VersionId), BackupWireJson.Default.DeletePlanOutput);
    }

    private static async Task<RestJsonResponse> ListVersionsAsync(RestJsonRequest request)
    {
        BackupPage<BackupPlanDetails> page = await Plans(request).ListVersionsAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupPlanId"),
            request.QueryValue("nextToken"),
            BackupRequests.Int(request, "maxResults", "MaxResults"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListPlanVersionsOutput([.. page.Items.Select(Member)], page.NextToken), BackupWireJson.Default.ListPlanVersionsOutput);
    }

    private static Task<RestJsonResponse> FromJsonAsync(RestJsonRequest request)
    {
        PlanFromJsonBody body = request.Read(BackupWireJson.Default.PlanFromJsonBody);
        BackupPlanInput plan = BackupPlanService.FromJson(body.BackupPlanTemplateJson);
        return Task.FromResult(RestJsonResponse.From(new PlanFromJsonOutput(plan), BackupWireJson.Default.PlanFromJsonOutput));
    }

    private static async Task<RestJsonResponse> ExportTemplateAsync(RestJsonRequest request)
    {
        string template = await Plans(request).ExportTemplateAsync(request.Context.Caller, BackupRequests.Label(request, "backupPlanId"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(new ExportTemplateOutput(template), BackupWireJson.Default.ExportTemplateOutput);
    }

    private static PlanVersionOutput VersionOutput(BackupPlanDetails plan) =>
        new(plan.BackupPlanId, plan.BackupPlanArn, plan.CreationDate, plan.VersionId, plan.BackupPlan.AdvancedBackupSettings);

    private static PlanListMember Member(BackupPlanDetails plan) => new(
        plan.BackupPlanArn,
        plan.BackupPlanId,
        plan.CreationDate,
        plan.DeletionDate,
        plan.VersionId,
        plan.BackupPlan.BackupPlanName,
        plan.CreatorRequestId,
        plan.LastExecutionDate,
        plan.BackupPlan.AdvancedBackupSettings);

    private static BackupPlanService Plans(RestJsonRequest request) => request.Context.Services.GetRequiredService<BackupPlanService>();
}
