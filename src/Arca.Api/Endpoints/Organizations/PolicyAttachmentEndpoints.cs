using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using J = Arca.Api.Endpoints.Organizations.OrganizationPoliciesJson;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>Where policies apply (awsJson1.1): AttachPolicy, DetachPolicy, ListPoliciesForTarget, ListTargetsForPolicy.</summary>
internal static class PolicyAttachmentEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("AttachPolicy", async request =>
        {
            PolicyTargetInput input = request.Read(J.Default.PolicyTargetInput);
            await Service(request.Context).AttachPolicyAsync(request.Context.Caller, input.PolicyId, input.TargetId, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("DetachPolicy", async request =>
        {
            PolicyTargetInput input = request.Read(J.Default.PolicyTargetInput);
            await Service(request.Context).DetachPolicyAsync(request.Context.Caller, input.PolicyId, input.TargetId, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("ListPoliciesForTarget", J.Default.ListPoliciesForTargetInput, J.Default.ListPoliciesOutput, async (context, input) =>
        {
            OrganizationPage<OrganizationPolicySummary> page = await Service(context).ListPoliciesForTargetAsync(
                context.Caller, input.TargetId, input.Filter, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
            return new ListPoliciesOutput([.. page.Items.Select(PolicyEndpoints.Summary)], page.NextToken);
        });
        organizations.Map("ListTargetsForPolicy", J.Default.ListTargetsForPolicyInput, J.Default.ListTargetsForPolicyOutput, async (context, input) =>
        {
            OrganizationPage<PolicyTarget> page = await Service(context).ListTargetsForPolicyAsync(
                context.Caller, input.PolicyId, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
            return new ListTargetsForPolicyOutput([.. page.Items.Select(t => new PolicyTargetWire(t.TargetId, t.Arn, t.Name, W.Of(t.Type)))], page.NextToken);
        });
    }

    private static PolicyAttachmentService Service(AwsRequestContext context) => context.Services.GetRequiredService<PolicyAttachmentService>();
}
