using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>
/// Organizations' tree (awsJson1.1): Create/Describe/Update/DeleteOrganizationalUnit, ListOrganizationalUnitsForParent,
/// ListChildren, ListParents.
/// </summary>
internal static class OrganizationalUnitEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("CreateOrganizationalUnit", OrganizationsJson.Default.CreateOrganizationalUnitInput,
            OrganizationsJson.Default.OrganizationalUnitOutput, async (context, input) => Output(await Service(context).CreateOrganizationalUnitAsync(
                context.Caller, input.ParentId, input.Name, W.Tags(input.Tags), context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("DescribeOrganizationalUnit", OrganizationsJson.Default.OrganizationalUnitIdInput,
            OrganizationsJson.Default.OrganizationalUnitOutput, async (context, input) => Output(await Service(context).DescribeOrganizationalUnitAsync(
                context.Caller, input.OrganizationalUnitId, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("UpdateOrganizationalUnit", OrganizationsJson.Default.UpdateOrganizationalUnitInput,
            OrganizationsJson.Default.OrganizationalUnitOutput, async (context, input) => Output(await Service(context).UpdateOrganizationalUnitAsync(
                context.Caller, input.OrganizationalUnitId, input.Name, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("DeleteOrganizationalUnit", async request =>
        {
            OrganizationalUnitIdInput input = request.Read(OrganizationsJson.Default.OrganizationalUnitIdInput);
            await Service(request.Context).DeleteOrganizationalUnitAsync(request.Context.Caller, input.OrganizationalUnitId, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("ListOrganizationalUnitsForParent", OrganizationsJson.Default.ParentPageInput,
            OrganizationsJson.Default.ListOrganizationalUnitsOutput, async (context, input) =>
            {
                OrganizationPage<OrganizationalUnit> page = await Service(context).ListOrganizationalUnitsForParentAsync(
                    context.Caller, input.ParentId, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
                return new ListOrganizationalUnitsOutput([.. page.Items.Select(Wire)], page.NextToken);
            });
        organizations.Map("ListChildren", OrganizationsJson.Default.ListChildrenInput, OrganizationsJson.Default.ListChildrenOutput, async (context, input) =>
        {
            OrganizationPage<OrganizationChild> page = await Service(context).ListChildrenAsync(
                context.Caller, input.ParentId, input.ChildType, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
            return new ListChildrenOutput([.. page.Items.Select(c => new ChildWire(c.Id, W.Of(c.Type)))], page.NextToken);
        });
        organizations.Map("ListParents", OrganizationsJson.Default.ListParentsInput, OrganizationsJson.Default.ListParentsOutput, async (context, input) =>
        {
            OrganizationPage<OrganizationParent> page = await Service(context).ListParentsAsync(
                context.Caller, input.ChildId, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
            return new ListParentsOutput([.. page.Items.Select(p => new ParentWire(p.Id, W.Of(p.Type)))], page.NextToken);
        });
    }

    private static OrganizationalUnitWire Wire(OrganizationalUnit unit) => new(unit.Id, unit.Arn, unit.Name, unit.Path);

    private static OrganizationalUnitOutput Output(OrganizationalUnit unit) => new(Wire(unit));

    private static OrganizationalUnitService Service(AwsRequestContext context) => context.Services.GetRequiredService<OrganizationalUnitService>();
}
