using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using J = Arca.Api.Endpoints.Organizations.OrganizationPoliciesJson;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>Organizations' policies (awsJson1.1): CreatePolicy, UpdatePolicy, DescribePolicy, DeletePolicy, ListPolicies.</summary>
internal static class PolicyEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("CreatePolicy", J.Default.CreatePolicyInput, J.Default.PolicyOutput, async (context, input) => Output(
            await Service(context).CreatePolicyAsync(context.Caller, new CreatePolicyRequest
            {
                Content = input.Content,
                Description = input.Description,
                Name = input.Name,
                Type = input.Type,
                Tags = W.Tags(input.Tags),
            }, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("UpdatePolicy", J.Default.UpdatePolicyInput, J.Default.PolicyOutput, async (context, input) => Output(
            await Service(context).UpdatePolicyAsync(context.Caller, new UpdatePolicyRequest
            {
                PolicyId = input.PolicyId,
                Name = input.Name,
                Description = input.Description,
                Content = input.Content,
            }, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("DescribePolicy", J.Default.PolicyIdInput, J.Default.PolicyOutput, async (context, input) => Output(
            await Service(context).DescribePolicyAsync(context.Caller, input.PolicyId, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("DeletePolicy", async request =>
        {
            PolicyIdInput input = request.Read(J.Default.PolicyIdInput);
            await Service(request.Context).DeletePolicyAsync(request.Context.Caller, input.PolicyId, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("ListPolicies", J.Default.ListPoliciesInput, J.Default.ListPoliciesOutput, async (context, input) =>
        {
            OrganizationPage<OrganizationPolicySummary> page = await Service(context).ListPoliciesAsync(
                context.Caller, input.Filter, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
            return new ListPoliciesOutput([.. page.Items.Select(Summary)], page.NextToken);
        });
    }

    public static PolicySummaryWire Summary(OrganizationPolicySummary s) => new(s.Id, s.Arn, s.Name, s.Description, s.Type, s.AwsManaged);

    private static PolicyOutput Output(OrganizationPolicy policy) => new(new PolicyWire(Summary(policy.Summary), policy.Content));

    private static PolicyService Service(AwsRequestContext context) => context.Services.GetRequiredService<PolicyService>();
}
