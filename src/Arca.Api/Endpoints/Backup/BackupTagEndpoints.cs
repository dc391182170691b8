using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Tags of Backup resources by ARN (restJson1): TagResource, UntagResource, ListTags.</summary>
internal static class BackupTagEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("TagResource", TagAsync);
        backup.Map("UntagResource", UntagAsync);
        backup.Map("ListTags", ListAsync);
    }

    private static async Task<RestJsonResponse> TagAsync(RestJsonRequest request)
    {
        TagResourceBody body = request.Read(BackupWireJson.Default.TagResourceBody);
        await Tags(request).TagResourceAsync(request.Context.Caller, BackupRequests.Label(request, "resourceArn"), body.Tags, request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static async Task<RestJsonResponse> UntagAsync(RestJsonRequest request)
    {
        UntagResourceBody body = request.Read(BackupWireJson.Default.UntagResourceBody);
        await Tags(request).UntagResourceAsync(request.Context.Caller, BackupRequests.Label(request, "resourceArn"), body.TagKeyList, request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static async Task<RestJsonResponse> ListAsync(RestJsonRequest request)
    {
        IReadOnlyDictionary<string, string> tags = await Tags(request).ListTagsAsync(
            request.Context.Caller, BackupRequests.Label(request, "resourceArn"), BackupRequests.Int(request, "maxResults", "MaxResults"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(new ListTagsOutput(tags, null), BackupWireJson.Default.ListTagsOutput);
    }

    private static BackupTagService Tags(RestJsonRequest request) => request.Context.Services.GetRequiredService<BackupTagService>();
}
