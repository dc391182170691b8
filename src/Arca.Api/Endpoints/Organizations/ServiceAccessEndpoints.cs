using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>Organizations' trusted access (awsJson1.1): EnableAWSServiceAccess, DisableAWSServiceAccess, ListAWSServiceAccessForOrganization.</summary>
internal static class ServiceAccessEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("EnableAWSServiceAccess", async request =>
        {
            ServicePrincipalInput input = request.Read(OrganizationsJson.Default.ServicePrincipalInput);
            await Service(request.Context).EnableAwsServiceAccessAsync(request.Context.Caller, input.ServicePrincipal, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("DisableAWSServiceAccess", async request =>
        {
            ServicePrincipalInput input = request.Read(OrganizationsJson.Default.ServicePrincipalInput);
            await Service(request.Context).DisableAwsServiceAccessAsync(request.Context.Caller, input.ServicePrincipal, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("ListAWSServiceAccessForOrganization", OrganizationsJson.Default.PageInput, OrganizationsJson.Default.ListAwsServiceAccessOutput,
            async (context, input) =>
            {
                OrganizationPage<EnabledServicePrincipal> page = await Service(context).ListAwsServiceAccessForOrganizationAsync(
                    context.Caller, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
                return new ListAwsServiceAccessOutput(
                    [.. page.Items.Select(s => new EnabledServicePrincipalWire(s.ServicePrincipal, W.Epoch(s.DateEnabled)))], page.NextToken);
            });
    }

    private static ServiceAccessService Service(AwsRequestContext context) => context.Services.GetRequiredService<ServiceAccessService>();
}
