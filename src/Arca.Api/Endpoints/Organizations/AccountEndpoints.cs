using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>Organizations' accounts (awsJson1.1): ListAccounts, ListAccountsForParent, DescribeAccount, MoveAccount, RemoveAccountFromOrganization.</summary>
internal static class AccountEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("ListAccounts", OrganizationsJson.Default.PageInput, OrganizationsJson.Default.ListAccountsOutput, async (context, input) =>
            Output(await Service(context).ListAccountsAsync(context.Caller, input.NextToken, input.MaxResults, context.CancellationToken)
                .ConfigureAwait(false)));
        organizations.Map("ListAccountsForParent", OrganizationsJson.Default.ParentPageInput, OrganizationsJson.Default.ListAccountsOutput,
            async (context, input) => Output(await Service(context).ListAccountsForParentAsync(
                context.Caller, input.ParentId, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false)));
        organizations.Map("DescribeAccount", OrganizationsJson.Default.AccountIdInput, OrganizationsJson.Default.DescribeAccountOutput,
            async (context, input) => new DescribeAccountOutput(W.Account(
                await Service(context).DescribeAccountAsync(context.Caller, input.AccountId, context.CancellationToken).ConfigureAwait(false))));
        organizations.Map("MoveAccount", async request =>
        {
            MoveAccountInput input = request.Read(OrganizationsJson.Default.MoveAccountInput);
            await Service(request.Context).MoveAccountAsync(request.Context.Caller, input.AccountId, input.SourceParentId, input.DestinationParentId,
                request.Context.CancellationToken).ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
        organizations.Map("RemoveAccountFromOrganization", async request =>
        {
            AccountIdInput input = request.Read(OrganizationsJson.Default.AccountIdInput);
            await Service(request.Context).RemoveAccountFromOrganizationAsync(request.Context.Caller, input.AccountId, request.Context.CancellationToken)
                .ConfigureAwait(false);
            return AwsJsonResponse.Empty;
        });
    }

    private static ListAccountsOutput Output(OrganizationPage<OrganizationAccount> page) => new([.. page.Items.Select(W.Account)], page.NextToken);

    private static OrganizationAccountService Service(AwsRequestContext context) => context.Services.GetRequiredService<OrganizationAccountService>();
}
