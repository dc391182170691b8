using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>
/// Organizations (awsJson1.1, <c>AWSOrganizationsV20161128</c>): the organization and its root — CreateOrganization,
/// DescribeOrganization, DeleteOrganization, ListRoots. <see cref="MapAll"/> maps every Organizations endpoint class.
/// </summary>
internal static class OrganizationEndpoints
{
    /// <summary>Every implemented Organizations operation: the structure, then policies (backup policies), their attachments and
    /// types, effective policies and Arca's provenance extension.</summary>
    public static void MapAll(AwsJsonService organizations)
    {
        Map(organizations);
        OrganizationalUnitEndpoints.Map(organizations);
        AccountEndpoints.Map(organizations);
        AccountCreationEndpoints.Map(organizations);
        ServiceAccessEndpoints.Map(organizations);
        DelegatedAdministratorEndpoints.Map(organizations);
        PolicyEndpoints.Map(organizations);
        PolicyAttachmentEndpoints.Map(organizations);
        PolicyTypeEndpoints.Map(organizations);
        EffectivePolicyEndpoints.Map(organizations);
    }

    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("CreateOrganization", OrganizationsJson.Default.CreateOrganizationInput, OrganizationsJson.Default.OrganizationOutput,
            async (context, input) => Output(await Service(context).CreateOrganizationAsync(context.Caller, input.FeatureSet, context.CancellationToken)
                .ConfigureAwait(false)));
        organizations.Map("DescribeOrganization", OrganizationsJson.Default.EmptyInput, OrganizationsJson.Default.OrganizationOutput,
            async (context, _) => Output(await Service(context).DescribeOrganizationAsync(context.Caller, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("DeleteOrganization", async request =>
        {
            _ = request.Read(OrganizationsJson.Default.EmptyInput);
            await Service(request.Context).DeleteOrganizationAsync(request.Context.Caller, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("ListRoots", OrganizationsJson.Default.PageInput, OrganizationsJson.Default.ListRootsOutput, async (context, input) =>
        {
            OrganizationPage<OrganizationRoot> page = await Service(context).ListRootsAsync(
                context.Caller, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
            return new ListRootsOutput([.. page.Items.Select(r => new RootWire(r.Id, r.Arn, r.Name, W.Of(r.PolicyTypes)))], page.NextToken);
        });
    }

    private static OrganizationOutput Output(Organization o) => new(new OrganizationWire(
        o.Id, o.Arn, W.Of(o.FeatureSet), o.ManagementAccountArn, o.ManagementAccountId, o.ManagementAccountEmail, W.Of(o.AvailablePolicyTypes)));

    private static OrganizationService Service(AwsRequestContext context) => context.Services.GetRequiredService<OrganizationService>();
}
