using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Kms;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Kms;

/// <summary>KMS key policies (awsJson1.1, TrentService): GetKeyPolicy, PutKeyPolicy, ListKeyPolicies.</summary>
internal static class KeyPolicyEndpoints
{
    public static void Map(AwsJsonService kms)
    {
        KmsWireJson json = KmsWireJson.Default;
        kms.Map("GetKeyPolicy", json.GetKeyPolicyInput, json.GetKeyPolicyOutput, async (context, input) =>
            new GetKeyPolicyOutput(
                await Policies(context).GetKeyPolicyAsync(context.Caller, input.KeyId, input.PolicyName, context.CancellationToken).ConfigureAwait(false),
                "default"));
        kms.Map("PutKeyPolicy", async request =>
        {
            PutKeyPolicyInput input = request.Read(json.PutKeyPolicyInput);
            await Policies(request.Context).PutKeyPolicyAsync(
                request.Context.Caller, input.KeyId, input.PolicyName, input.Policy, input.BypassPolicyLockoutSafetyCheck == true, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        kms.Map("ListKeyPolicies", json.ListKeyPoliciesInput, json.ListKeyPoliciesOutput, async (context, input) =>
        {
            KmsPage<string> page = await Policies(context).ListKeyPoliciesAsync(context.Caller, input.KeyId, input.Limit, input.Marker, context.CancellationToken)
                .ConfigureAwait(false);
            return new ListKeyPoliciesOutput(page.Items, page.NextMarker, page.Truncated);
        });
    }

    private static KeyPolicyService Policies(AwsRequestContext context) => context.Services.GetRequiredService<KeyPolicyService>();
}
