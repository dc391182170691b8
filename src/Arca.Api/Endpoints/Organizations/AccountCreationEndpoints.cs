using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>Organizations' CreateAccount requests (awsJson1.1): CreateAccount, DescribeCreateAccountStatus, ListCreateAccountStatus.</summary>
internal static class AccountCreationEndpoints
{
    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("CreateAccount", OrganizationsJson.Default.CreateAccountInput, OrganizationsJson.Default.CreateAccountStatusOutput,
            async (context, input) => new CreateAccountStatusOutput(Wire(await Service(context).CreateAccountAsync(context.Caller, new CreateAccountRequest
            {
                Email = input.Email,
                AccountName = input.AccountName,
                RoleName = input.RoleName,
                IamUserAccessToBilling = input.IamUserAccessToBilling,
                Tags = W.Tags(input.Tags),
            }, context.CancellationToken).ConfigureAwait(false))));
        organizations.Map("DescribeCreateAccountStatus", OrganizationsJson.Default.DescribeCreateAccountStatusInput,
            OrganizationsJson.Default.CreateAccountStatusOutput, async (context, input) => new CreateAccountStatusOutput(Wire(
                await Service(context).DescribeCreateAccountStatusAsync(context.Caller, input.CreateAccountRequestId, context.CancellationToken)
                    .ConfigureAwait(false))));
        organizations.Map("ListCreateAccountStatus", OrganizationsJson.Default.ListCreateAccountStatusInput,
            OrganizationsJson.Default.ListCreateAccountStatusOutput, async (context, input) =>
            {
                OrganizationPage<CreateAccountStatus> page = await Service(context).ListCreateAccountStatusAsync(
                    context.Caller, input.States, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
                return new ListCreateAccountStatusOutput([.. page.Items.Select(Wire)], page.NextToken);
            });
    }

    private static CreateAccountStatusWire Wire(CreateAccountStatus s) => new(
        s.Id, s.AccountName, W.Of(s.State), W.Epoch(s.RequestedTimestamp), s.CompletedTimestamp is { } done ? W.Epoch(done) : null, s.AccountId, s.FailureReason);

    private static AccountCreationService Service(AwsRequestContext context) => context.Services.GetRequiredService<AccountCreationService>();
}
