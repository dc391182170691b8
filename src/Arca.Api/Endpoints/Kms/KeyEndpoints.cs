using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Kms;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Kms;

/// <summary>KMS keys (awsJson1.1, TrentService): CreateKey, DescribeKey, ListKeys, Enable/DisableKey, Schedule/CancelKeyDeletion, UpdateKeyDescription.</summary>
internal static class KeyEndpoints
{
    public static void Map(AwsJsonService kms)
    {
        KmsWireJson json = KmsWireJson.Default;
        kms.Map("CreateKey", json.CreateKeyInput, json.KeyMetadataOutput, CreateKeyAsync);
        kms.Map("DescribeKey", json.KeyIdInput, json.KeyMetadataOutput, async (context, input) =>
            new KeyMetadataOutput(WireKeyMetadata.From(await Keys(context).DescribeKeyAsync(context.Caller, input.KeyId, input.GrantTokens, context.CancellationToken).ConfigureAwait(false))));
        kms.Map("ListKeys", json.ListInput, json.ListKeysOutput, ListKeysAsync);
        kms.Map("EnableKey", async request =>
        {
            KeyIdInput input = request.Read(json.KeyIdInput);
            await Keys(request.Context).EnableKeyAsync(request.Context.Caller, input.KeyId, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("DisableKey", async request =>
        {
            KeyIdInput input = request.Read(json.KeyIdInput);
            await Keys(request.Context).DisableKeyAsync(request.Context.Caller, input.KeyId, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("ScheduleKeyDeletion", json.ScheduleKeyDeletionInput, json.ScheduleKeyDeletionOutput, async (context, input) =>
        {
            KeyMetadata key = await Keys(context).ScheduleKeyDeletionAsync(context.Caller, input.KeyId, input.PendingWindowInDays, context.CancellationToken)
                .ConfigureAwait(false);
            return new ScheduleKeyDeletionOutput(key.Arn, key.DeletionDate is { } at ? WireTime.Of(at) : null, key.KeyState.ToString(), key.PendingDeletionWindowInDays);
        });
        kms.Map("CancelKeyDeletion", json.KeyIdInput, json.KeyIdOutput, async (context, input) =>
            new KeyIdOutput((await Keys(context).CancelKeyDeletionAsync(context.Caller, input.KeyId, context.CancellationToken).ConfigureAwait(false)).Arn));
        kms.Map("UpdateKeyDescription", async request =>
        {
            UpdateKeyDescriptionInput input = request.Read(json.UpdateKeyDescriptionInput);
            await Keys(request.Context).UpdateKeyDescriptionAsync(request.Context.Caller, input.KeyId, input.Description, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
    }

    private static async Task<KeyMetadataOutput> CreateKeyAsync(AwsRequestContext context, CreateKeyInput input)
    {
        var request = new CreateKeyRequest
        {
            Policy = input.Policy,
            Description = input.Description,
            KeyUsage = input.KeyUsage,
            KeySpec = input.KeySpec,
            CustomerMasterKeySpec = input.CustomerMasterKeySpec,
            Origin = input.Origin,
            CustomKeyStoreId = input.CustomKeyStoreId,
            XksKeyId = input.XksKeyId,
            MultiRegion = input.MultiRegion,
            BypassPolicyLockoutSafetyCheck = input.BypassPolicyLockoutSafetyCheck == true,
            Tags = KmsInputs.Tags(input.Tags),
        };
        KeyMetadata key = await Keys(context).CreateKeyAsync(context.Caller, request, context.CancellationToken).ConfigureAwait(false);
        return new KeyMetadataOutput(WireKeyMetadata.From(key));
    }

    private static async Task<ListKeysOutput> ListKeysAsync(AwsRequestContext context, ListInput input)
    {
        KmsPage<KeyMetadata> page = await Keys(context).ListKeysAsync(context.Caller, input.Limit, input.Marker, context.CancellationToken).ConfigureAwait(false);
        return new ListKeysOutput([.. page.Items.Select(k => new KeyListEntry(k.KeyId, k.Arn))], page.NextMarker, page.Truncated);
    }

    private static KeyService Keys(AwsRequestContext context) => context.Services.GetRequiredService<KeyService>();
}
