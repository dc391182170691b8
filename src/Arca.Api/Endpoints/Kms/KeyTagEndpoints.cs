using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Kms;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Kms;

/// <summary>KMS key tags (awsJson1.1, TrentService): TagResource, UntagResource, ListResourceTags.</summary>
internal static class KeyTagEndpoints
{
    public static void Map(AwsJsonService kms)
    {
        KmsWireJson json = KmsWireJson.Default;
        kms.Map("TagResource", async request =>
        {
            TagResourceInput input = request.Read(json.TagResourceInput);
            await Tags(request.Context).TagResourceAsync(request.Context.Caller, input.KeyId, KmsInputs.Tags(input.Tags), request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("UntagResource", async request =>
        {
            UntagResourceInput input = request.Read(json.UntagResourceInput);
            await Tags(request.Context).UntagResourceAsync(request.Context.Caller, input.KeyId, input.TagKeys, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("ListResourceTags", json.ListResourceTagsInput, json.ListResourceTagsOutput, async (context, input) =>
        {
            KmsPage<KmsTag> page = await Tags(context).ListResourceTagsAsync(context.Caller, input.KeyId, input.Limit, input.Marker, context.CancellationToken)
                .ConfigureAwait(false);
            return new ListResourceTagsOutput([.. page.Items.Select(t => new WireTagOutput(t.TagKey, t.TagValue))], page.NextMarker, page.Truncated);
        });
    }

    private static KeyTagService Tags(AwsRequestContext context) => context.Services.GetRequiredService<KeyTagService>();
}
