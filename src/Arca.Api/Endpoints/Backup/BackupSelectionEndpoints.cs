using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Backup selections (restJson1): CreateBackupSelection, GetBackupSelection, ListBackupSelections, DeleteBackupSelection.</summary>
internal static class BackupSelectionEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("CreateBackupSelection", CreateAsync);
        backup.Map("GetBackupSelection", GetAsync);
        backup.Map("ListBackupSelections", ListAsync);
        backup.Map("DeleteBackupSelection", DeleteAsync);
    }

    private static async Task<RestJsonResponse> CreateAsync(RestJsonRequest request)
    {
        CreateSelectionBody body = request.Read(BackupWireJson.Default.CreateSelectionBody);
        BackupSelectionDetails created = await Selections(request).CreateAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupPlanId"),
            new CreateBackupSelectionRequest(BackupRequests.Selection(body.BackupSelection), body.CreatorRequestId),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new CreateSelectionOutput(created.SelectionId, created.BackupPlanId, created.CreationDate), BackupWireJson.Default.CreateSelectionOutput);
    }

    private static async Task<RestJsonResponse> GetAsync(RestJsonRequest request)
    {
        BackupSelectionDetails s = await Selections(request).GetAsync(
            request.Context.Caller, BackupRequests.Label(request, "backupPlanId"), BackupRequests.Label(request, "selectionId"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(
            new GetSelectionOutput(s.BackupSelection, s.SelectionId, s.BackupPlanId, s.CreationDate, s.CreatorRequestId), BackupWireJson.Default.GetSelectionOutput);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        BackupPage<BackupSelectionDetails> page = await Selections(request).ListAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupPlanId"),
            request.QueryValue("nextToken"),
            BackupRequests.Int(request, "maxResults", "MaxResults"),
            request.Context.CancellationToken).ConfigureAwait(false);
        List<SelectionListMember> members = [.. page.Items.Select(s => new SelectionListMember(
            s.SelectionId, s.BackupSelection.SelectionName, s.BackupPlanId, s.CreationDate, s.CreatorRequestId, s.BackupSelection.IamRoleArn))];
        return RestJsonResponse.From(new ListSelectionsOutput(members, page.NextToken), BackupWireJson.Default.ListSelectionsOutput);
    }

    private static async Task<RestJsonResponse> DeleteAsync(RestJsonRequest request)
    {
        await Selections(request).DeleteAsync(
            request.Context.Caller, BackupRequests.Label(request, "backupPlanId"), BackupRequests.Label(request, "selectionId"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static BackupSelectionService Selections(RestJsonRequest request) => request.Context.Services.GetRequiredService<BackupSelectionService>();
}
