using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// The resource inventory, Arca's own operations on the backup service (AWS has none): RegisterResource
/// (<c>PUT /arca/resources</c>), ListResources (<c>GET /arca/resources</c>, query <c>resourceType</c>,
/// <c>nextToken</c>, <c>maxResults</c>), DescribeResource (<c>GET /arca/resources/{resourceArn}</c>),
/// DeregisterResource (<c>DELETE /arca/resources/{resourceArn}</c>). Tags: TagResource/UntagResource/ListTags.
/// </summary>
internal static class ResourceInventoryEndpoints
{
    public static readonly RestOperation Register = new("RegisterResource", "PUT", "/arca/resources");
    public static readonly RestOperation List = new("ListResources", "GET", "/arca/resources");
    public static readonly RestOperation Describe = new("DescribeResource", "GET", "/arca/resources/{resourceArn}");
    public static readonly RestOperation Deregister = new("DeregisterResource", "DELETE", "/arca/resources/{resourceArn}");

    public static void Map(RestJsonService backup)
    {
        backup.Map(Register, RegisterAsync);
        backup.Map(List, ListAsync);
        backup.Map(Describe, DescribeAsync);
        backup.Map(Deregister, DeregisterAsync);
    }

    private static async Task<RestJsonResponse> RegisterAsync(RestJsonRequest request)
    {
        RegisterResourceBody body = request.Read(BackupWireJson.Default.RegisterResourceBody);
        InventoryResource resource = await Inventory(request).RegisterAsync(
            request.Context.Caller,
            new RegisterResourceRequest(body.Type, body.Name, body.Path, body.ConnectionString, body.Tags),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(Output(resource), BackupWireJson.Default.ResourceOutput);
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        BackupPage<InventoryResource> page = await Inventory(request).ListAsync(
            request.Context.Caller,
            request.QueryValue("resourceType"),
            request.QueryValue("nextToken"),
            BackupRequests.Int(request, "maxResults", "MaxResults"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(new ListResourcesOutput([.. page.Items.Select(Output)], page.NextToken), BackupWireJson.Default.ListResourcesOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        InventoryResource resource = await Inventory(request).DescribeAsync(
            request.Context.Caller, BackupRequests.Label(request, "resourceArn"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(Output(resource), BackupWireJson.Default.ResourceOutput);
    }

    private static async Task<RestJsonResponse> DeregisterAsync(RestJsonRequest request)
    {
        await Inventory(request).DeregisterAsync(request.Context.Caller, BackupRequests.Label(request, "resourceArn"), request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static ResourceOutput Output(InventoryResource r) =>
        new(r.ResourceArn, r.ResourceType, r.ResourceName, r.Path, r.ConnectionString, r.Tags, r.CreationDate);

    private static ResourceInventoryService Inventory(RestJsonRequest request) => request.Context.Services.GetRequiredService<ResourceInventoryService>();
}
