using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Kms;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Kms;

/// <summary>KMS aliases (awsJson1.1, TrentService): CreateAlias, UpdateAlias, DeleteAlias, ListAliases.</summary>
internal static class AliasEndpoints
{
    public static void Map(AwsJsonService kms)
    {
        KmsWireJson json = KmsWireJson.Default;
        kms.Map("CreateAlias", async request =>
        {
            AliasInput input = request.Read(json.AliasInput);
            await Aliases(request.Context).CreateAliasAsync(request.Context.Caller, input.AliasName, input.TargetKeyId, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("UpdateAlias", async request =>
        {
            AliasInput input = request.Read(json.AliasInput);
            await Aliases(request.Context).UpdateAliasAsync(request.Context.Caller, input.AliasName, input.TargetKeyId, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("DeleteAlias", async request =>
        {
            AliasInput input = request.Read(json.AliasInput);
            await Aliases(request.Context).DeleteAliasAsync(request.Context.Caller, input.AliasName, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("ListAliases", json.ListAliasesInput, json.ListAliasesOutput, async (context, input) =>
        {
            KmsPage<KmsAlias> page = await Aliases(context).ListAliasesAsync(context.Caller, input.KeyId, input.Limit, input.Marker, context.CancellationToken)
                .ConfigureAwait(false);
            return new ListAliasesOutput(
                [.. page.Items.Select(a => new WireAlias(
                    a.AliasName,
                    a.AliasArn,
                    a.TargetKeyId,
                    a.CreationDate is { } created ? WireTime.Of(created) : null,
                    a.LastUpdatedDate is { } updated ? WireTime.Of(updated) : null))],
                page.NextMarker,
                page.Truncated);
        });
    }

    private static AliasService Aliases(AwsRequestContext context) => context.Services.GetRequiredService<AliasService>();
}
