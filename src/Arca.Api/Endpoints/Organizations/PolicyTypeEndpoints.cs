using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using J = Arca.Api.Endpoints.Organizations.OrganizationPoliciesJson;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>The root's policy types (awsJson1.1): EnablePolicyType, DisablePolicyType; both answer the root.</summary>
internal static class PolicyTypeEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("EnablePolicyType", J.Default.PolicyTypeInput, J.Default.RootOutput, async (context, input) => Output(
            await Service(context).EnablePolicyTypeAsync(context.Caller, input.RootId, input.PolicyType, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("DisablePolicyType", J.Default.PolicyTypeInput, J.Default.RootOutput, async (context, input) => Output(
            await Service(context).DisablePolicyTypeAsync(context.Caller, input.RootId, input.PolicyType, context.CancellationToken).ConfigureAwait(false)));
    }

    private static RootOutput Output(OrganizationRoot root) => new(new RootWire(root.Id, root.Arn, root.Name, W.Of(root.PolicyTypes)));

    private static PolicyTypeService Service(AwsRequestContext context) => context.Services.GetRequiredService<PolicyTypeService>();
}
