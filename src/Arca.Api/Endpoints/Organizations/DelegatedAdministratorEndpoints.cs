using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>
/// Organizations' delegated administrators (awsJson1.1): RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator,
/// ListDelegatedAdministrators, ListDelegatedServicesForAccount.
/// </summary>
internal static class DelegatedAdministratorEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("RegisterDelegatedAdministrator", async request =>
        {
            DelegatedAdministratorInput input = request.Read(OrganizationsJson.Default.DelegatedAdministratorInput);
            await Service(request.Context).RegisterDelegatedAdministratorAsync(
                request.Context.Caller, input.AccountId, input.ServicePrincipal, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("DeregisterDelegatedAdministrator", async request =>
        {
            DelegatedAdministratorInput input = request.Read(OrganizationsJson.Default.DelegatedAdministratorInput);
            await Service(request.Context).DeregisterDelegatedAdministratorAsync(
                request.Context.Caller, input.AccountId, input.ServicePrincipal, request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("ListDelegatedAdministrators", OrganizationsJson.Default.ListDelegatedAdministratorsInput,
            OrganizationsJson.Default.ListDelegatedAdministratorsOutput, async (context, input) =>
            {
                OrganizationPage<DelegatedAdministrator> page = await Service(context).ListDelegatedAdministratorsAsync(
                    context.Caller, input.ServicePrincipal, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
                return new ListDelegatedAdministratorsOutput([.. page.Items.Select(Wire)], page.NextToken);
            });
        organizations.Map("ListDelegatedServicesForAccount", OrganizationsJson.Default.ListDelegatedServicesInput,
            OrganizationsJson.Default.ListDelegatedServicesOutput, async (context, input) =>
            {
                OrganizationPage<DelegatedService> page = await Service(context).ListDelegatedServicesForAccountAsync(
                    context.Caller, input.AccountId, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
                return new ListDelegatedServicesOutput(
                    [.. page.Items.Select(s => new DelegatedServiceWire(s.ServicePrincipal, W.Epoch(s.DelegationEnabledDate)))], page.NextToken);
            });
    }

    private static DelegatedAdministratorWire Wire(DelegatedAdministrator d)
    {
        OrganizationAccount a = d.Account;
        return new(a.Id, a.Arn, a.Email, a.Name, W.Active, W.Active, W.Of(a.JoinedMethod), W.Epoch(a.JoinedTimestamp), W.Epoch(d.DelegationEnabledDate));
    }

    private static DelegatedAdministratorService Service(AwsRequestContext context) => context.Services.GetRequiredService<DelegatedAdministratorService>();
}
