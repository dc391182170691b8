using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Protected resources (restJson1): ListProtectedResources, DescribeProtectedResource.</summary>
internal static class ProtectedResourceEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("ListProtectedResources", ListAsync);
        backup.Map("DescribeProtectedResource", DescribeAsync);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        BackupPage<ProtectedResource> page = await Resources(request).ListAsync(
            request.Context.Caller, request.QueryValue("nextToken"), BackupRequests.Int(request, "maxResults", "MaxResults"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(new ListProtectedResourcesOutput([.. page.Items.Select(Output)], page.NextToken), VaultWireJson.Default.ListProtectedResourcesOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        ProtectedResource resource = await Resources(request).DescribeAsync(
            request.Context.Caller, BackupRequests.Label(request, "resourceArn"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(Output(resource), VaultWireJson.Default.ProtectedResourceOutput);
    }

    private static ProtectedResourceOutput Output(ProtectedResource r) =>
        new(r.ResourceArn, r.ResourceType, r.LastBackupTime, r.ResourceName, r.LastBackupVaultArn, r.LastRecoveryPointArn);

    private static ProtectedResourceService Resources(RestJsonRequest request) => request.Context.Services.GetRequiredService<ProtectedResourceService>();
}
