using System.Text.Json;
using Arca.Api.Client;
using Arca.Control.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server;

/// <summary>Organizations over awsJson1.1 on the real listener: shapes, errors and who may call what.</summary>
public sealed class OrganizationsEndpointTests : IAsyncLifetime
{
    private const string Prefix = "AWSOrganizationsV20161128.";
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_structure_operations_answer_in_the_models_shapes()
    {
        JsonElement organization = (await OkAsync("CreateOrganization", """{"FeatureSet":"ALL"}""")).GetProperty("Organization");
        string orgId = organization.GetProperty("Id").GetString()!;
        Assert.Matches("^o-[a-z0-9]{10}$", orgId);
        Assert.Equal(("ALL", _server.AccountId, $"arn:aws:organizations::{_server.AccountId}:account/{orgId}/{_server.AccountId}"),
            (organization.GetProperty("FeatureSet").GetString(), organization.GetProperty("MasterAccountId").GetString(),
                organization.GetProperty("MasterAccountArn").GetString()));
        Assert.EndsWith("@example.com", organization.GetProperty("MasterAccountEmail").GetString(), StringComparison.Ordinal);
        Assert.Equal(organization.GetRawText(), (await OkAsync("DescribeOrganization", "")).GetProperty("Organization").GetRawText());

        JsonElement root = (await OkAsync("ListRoots", "{}")).GetProperty("Roots")[0];
        string rootId = root.GetProperty("Id").GetString()!;
        Assert.Equal("""[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"}]""", root.GetProperty("PolicyTypes").GetRawText());
        Assert.Equal(("Root", $"arn:aws:organizations::{_server.AccountId}:root/{orgId}/{rootId}"),
            (root.GetProperty("Name").GetString(), root.GetProperty("Arn").GetString()));

        JsonElement ou = (await OkAsync("CreateOrganizationalUnit", $$"""{"ParentId":"{{rootId}}","Name":"prod","Tags":[{"Key":"k","Value":"v"}]}"""))
            .GetProperty("OrganizationalUnit");
        string ouId = ou.GetProperty("Id").GetString()!;
        Assert.Equal($"{orgId}/{rootId}/{ouId}/", ou.GetProperty("Path").GetString());

        JsonElement status = (await OkAsync("CreateAccount", """{"Email":"source@example.com","AccountName":"SourceAccount"}""")).GetProperty("CreateAccountStatus");
        Assert.Equal("SUCCEEDED", status.GetProperty("State").GetString());
        Assert.Equal(JsonValueKind.Number, status.GetProperty("RequestedTimestamp").ValueKind);
        Assert.Equal(TestServer.T0.ToUnixTimeSeconds(), status.GetProperty("CompletedTimestamp").GetDouble());
        Assert.False(status.TryGetProperty("FailureReason", out _));
        string member = status.GetProperty("AccountId").GetString()!;
        Assert.Equal(status.GetRawText(), (await OkAsync("DescribeCreateAccountStatus",
            $$"""{"CreateAccountRequestId":"{{status.GetProperty("Id").GetString()}}"}""")).GetProperty("CreateAccountStatus").GetRawText());
        Assert.Single((await OkAsync("ListCreateAccountStatus", """{"States":["SUCCEEDED"]}""")).GetProperty("CreateAccountStatuses").EnumerateArray());

        Assert.Equal("{}", (await OkAsync("MoveAccount", $$"""{"AccountId":"{{member}}","SourceParentId":"{{rootId}}","DestinationParentId":"{{ouId}}"}""")).GetRawText());
        JsonElement account = (await OkAsync("DescribeAccount", $$"""{"AccountId":"{{member}}"}""")).GetProperty("Account");
        Assert.Equal(("SourceAccount", "source@example.com", "ACTIVE", "ACTIVE", "CREATED", $"{orgId}/{rootId}/{ouId}/{member}/"),
            (account.GetProperty("Name").GetString(), account.GetProperty("Email").GetString(), account.GetProperty("Status").GetString(),
                account.GetProperty("State").GetString(), account.GetProperty("JoinedMethod").GetString(), account.GetProperty("Paths")[0].GetString()));
        Assert.Equal(2, (await OkAsync("ListAccounts", "{}")).GetProperty("Accounts").GetArrayLength());
        Assert.Equal($$"""[{"Id":"{{member}}","Type":"ACCOUNT"}]""",
            (await OkAsync("ListChildren", $$"""{"ParentId":"{{ouId}}","ChildType":"ACCOUNT"}""")).GetProperty("Children").GetRawText());
        Assert.Equal($$"""[{"Id":"{{ouId}}","Type":"ORGANIZATIONAL_UNIT"}]""",
            (await OkAsync("ListParents", $$"""{"ChildId":"{{member}}"}""")).GetProperty("Parents").GetRawText());
        Assert.Equal(ouId, (await OkAsync("ListOrganizationalUnitsForParent", $$"""{"ParentId":"{{rootId}}"}""")).GetProperty("OrganizationalUnits")[0]
            .GetProperty("Id").GetString());
        Assert.Equal(member, (await OkAsync("ListAccountsForParent", $$"""{"ParentId":"{{ouId}}","MaxResults":1}""")).GetProperty("Accounts")[0]
            .GetProperty("Id").GetString());
        Assert.Equal("web", (await OkAsync("UpdateOrganizationalUnit", $$"""{"OrganizationalUnitId":"{{ouId}}","Name":"web"}""")).GetProperty("OrganizationalUnit")
            .GetProperty("Name").GetString());
        Assert.Equal("web", (await OkAsync("DescribeOrganizationalUnit", $$"""{"OrganizationalUnitId":"{{ouId}}"}""")).GetProperty("OrganizationalUnit")
            .GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Trusted_access_and_delegated_administrators_round_trip()
    {
        await OkAsync("CreateOrganization", "{}");
        string member = (await OkAsync("CreateAccount", """{"Email":"d@example.com","AccountName":"D"}""")).GetProperty("CreateAccountStatus")
            .GetProperty("AccountId").GetString()!;

        await OkAsync("EnableAWSServiceAccess", """{"ServicePrincipal":"backup.amazonaws.com"}""");
        JsonElement enabled = (await OkAsync("ListAWSServiceAccessForOrganization", "{}")).GetProperty("EnabledServicePrincipals");
        Assert.Equal("backup.amazonaws.com", enabled[0].GetProperty("ServicePrincipal").GetString());
        Assert.Equal(TestServer.T0.ToUnixTimeSeconds(), enabled[0].GetProperty("DateEnabled").GetDouble());

        await OkAsync("RegisterDelegatedAdministrator", $$"""{"AccountId":"{{member}}","ServicePrincipal":"backup.amazonaws.com"}""");
        JsonElement admin = (await OkAsync("ListDelegatedAdministrators", """{"ServicePrincipal":"backup.amazonaws.com"}""")).GetProperty("DelegatedAdministrators")[0];
        Assert.Equal((member, "D", "ACTIVE"), (admin.GetProperty("Id").GetString(), admin.GetProperty("Name").GetString(), admin.GetProperty("Status").GetString()));
        Assert.Equal(JsonValueKind.Number, admin.GetProperty("DelegationEnabledDate").ValueKind);
        Assert.Equal("backup.amazonaws.com", (await OkAsync("ListDelegatedServicesForAccount", $$"""{"AccountId":"{{member}}"}"""))
            .GetProperty("DelegatedServices")[0].GetProperty("ServicePrincipal").GetString());
        await ErrorAsync("RemoveAccountFromOrganization", $$"""{"AccountId":"{{member}}"}""", 409, "ConstraintViolationException", "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR");
        await OkAsync("DeregisterDelegatedAdministrator", $$"""{"AccountId":"{{member}}","ServicePrincipal":"backup.amazonaws.com"}""");
        await OkAsync("DisableAWSServiceAccess", """{"ServicePrincipal":"backup.amazonaws.com"}""");
        Assert.Empty((await OkAsync("ListAWSServiceAccessForOrganization", "{}")).GetProperty("EnabledServicePrincipals").EnumerateArray());

        await ErrorAsync("DeleteOrganization", "{}", 409, "OrganizationNotEmptyException", "member accounts");
        await OkAsync("RemoveAccountFromOrganization", $$"""{"AccountId":"{{member}}"}""");
        await OkAsync("DeleteOrganization", "{}");
        await ErrorAsync("DescribeOrganization", "{}", 404, "AWSOrganizationsNotInUseException", "not a member of an organization");
    }

    [Fact]
    public async Task Members_may_describe_the_organization_only_and_outsiders_nothing()
    {
        await OkAsync("CreateOrganization", "{}");
        JsonElement status = (await OkAsync("CreateAccount", """{"Email":"m@example.com","AccountName":"M"}""")).GetProperty("CreateAccountStatus");
        AccountService accounts = _server.Server.Services.GetRequiredService<AccountService>();
        IssuedAccessKey key = await accounts.CreateRootAccessKeyAsync(status.GetProperty("AccountId").GetString()!);
        var member = new AwsCredentials(key.AccessKeyId, key.SecretAccessKey);

        Assert.Equal(_server.AccountId, (await OkAsync("DescribeOrganization", "{}", member)).GetProperty("Organization").GetProperty("MasterAccountId").GetString());
        foreach ((string operation, string body) in new[]
        {
            ("ListAccounts", "{}"), ("ListRoots", "{}"), ("CreateAccount", """{"Email":"x@example.com","AccountName":"X"}"""),
            ("EnableAWSServiceAccess", """{"ServicePrincipal":"backup.amazonaws.com"}"""), ("DeleteOrganization", "{}"),
        })
        {
            await ErrorAsync(operation, body, 403, "AccessDeniedException", operation, member);
        }

        (_, AwsCredentials outsider) = await _server.NewAccountAsync("outsider");
        await ErrorAsync("ListAccounts", "{}", 404, "AWSOrganizationsNotInUseException", "not a member", outsider);
        await ErrorAsync("CreateOrganization", "{}", 409, "AlreadyInOrganizationException", "already a member", member);
    }

    [Fact]
    public async Task A_duplicate_email_is_a_failed_request_not_an_error()
    {
        await OkAsync("CreateOrganization", "{}");
        await OkAsync("CreateAccount", """{"Email":"same@example.com","AccountName":"one"}""");
        JsonElement failed = (await OkAsync("CreateAccount", """{"Email":"same@example.com","AccountName":"two"}""")).GetProperty("CreateAccountStatus");
        Assert.Equal(("FAILED", "EMAIL_ALREADY_EXISTS"), (failed.GetProperty("State").GetString(), failed.GetProperty("FailureReason").GetString()));
        Assert.False(failed.TryGetProperty("AccountId", out _));
    }

    public static TheoryData<string, string, int, string, string> BadInputs => new()
    {
        { "CreateOrganization", """{"FeatureSet":"SOME"}""", 400, "InvalidInputException", "FeatureSet" },
        { "CreateOrganization", """{"FeatureSet":5}""", 400, "SerializationException", "FeatureSet" },
        { "ListRoots", """{"MaxResults":0}""", 400, "InvalidInputException", "MaxResults" },
        { "ListRoots", """{"MaxResults":"x"}""", 400, "SerializationException", "MaxResults" },
        { "ListRoots", """{"NextToken":"forged"}""", 400, "InvalidInputException", "NextToken" },
        { "CreateOrganizationalUnit", """{"Name":"x"}""", 400, "InvalidInputException", "ParentId" },
        { "CreateOrganizationalUnit", """{"ParentId":"r-ab12"}""", 400, "InvalidInputException", "Name" },
        { "CreateOrganizationalUnit", """{"ParentId":"r-ab12","Name":"x","Tags":[null]}""", 400, "InvalidInputException", "Tags.Key" },
        { "CreateOrganizationalUnit", """{"ParentId":"r-zzzz","Name":"x"}""", 404, "ParentNotFoundException", "r-zzzz" },
        { "DescribeOrganizationalUnit", "{}", 400, "InvalidInputException", "OrganizationalUnitId" },
        { "DescribeOrganizationalUnit", """{"OrganizationalUnitId":"ou-zzzz-zzzzzzzz"}""", 404, "OrganizationalUnitNotFoundException", "ou-zzzz-zzzzzzzz" },
        { "UpdateOrganizationalUnit", """{"OrganizationalUnitId":"ou-x"}""", 400, "InvalidInputException", "OrganizationalUnitId" },
        { "DeleteOrganizationalUnit", """{"OrganizationalUnitId":"ou-zzzz-zzzzzzzz"}""", 404, "OrganizationalUnitNotFoundException", "ou-zzzz-zzzzzzzz" },
        { "ListOrganizationalUnitsForParent", "{}", 400, "InvalidInputException", "ParentId" },
        { "ListChildren", """{"ParentId":"r-zzzz"}""", 400, "InvalidInputException", "ChildType" },
        { "ListChildren", """{"ParentId":"r-zzzz","ChildType":"POLICY"}""", 400, "InvalidInputException", "ChildType" },
        { "ListParents", """{"ChildId":"r-zzzz"}""", 400, "InvalidInputException", "ChildId" },
        { "ListParents", """{"ChildId":"111111111111"}""", 404, "ChildNotFoundException", "111111111111" },
        { "CreateAccount", """{"AccountName":"x"}""", 400, "InvalidInputException", "Email" },
        { "CreateAccount", """{"Email":"x@example.com"}""", 400, "InvalidInputException", "AccountName" },
        { "CreateAccount", """{"Email":"x@example.com","AccountName":"x","RoleName":"a b"}""", 400, "InvalidInputException", "RoleName" },
        { "CreateAccount", """{"Email":"x@example.com","AccountName":"x","IamUserAccessToBilling":"MAYBE"}""", 400, "InvalidInputException", "IamUserAccessToBilling" },
        { "CreateAccount", """{"Email":"x@example.com","AccountName":"x","Tags":{}}""", 400, "SerializationException", "Tags" },
        { "DescribeCreateAccountStatus", "{}", 400, "InvalidInputException", "CreateAccountRequestId" },
        { "DescribeCreateAccountStatus", """{"CreateAccountRequestId":"car-0000000000"}""", 404, "CreateAccountStatusNotFoundException", "car-0000000000" },
        { "ListCreateAccountStatus", """{"States":["DONE"]}""", 400, "InvalidInputException", "States" },
        { "ListCreateAccountStatus", """{"States":[null]}""", 400, "InvalidInputException", "States" },
        { "ListAccounts", """{"MaxResults":21}""", 400, "InvalidInputException", "MaxResults" },
        { "ListAccountsForParent", """{"ParentId":"ou-zzzz-zzzzzzzz"}""", 404, "ParentNotFoundException", "ou-zzzz-zzzzzzzz" },
        { "DescribeAccount", """{"AccountId":"12"}""", 400, "InvalidInputException", "AccountId" },
        { "DescribeAccount", """{"AccountId":"111111111111"}""", 404, "AccountNotFoundException", "111111111111" },
        { "MoveAccount", """{"AccountId":"111111111111","SourceParentId":"r-zzzz"}""", 400, "InvalidInputException", "DestinationParentId" },
        { "MoveAccount", """{"AccountId":"111111111111","SourceParentId":"r-zzzz","DestinationParentId":"r-zzzz"}""", 404, "AccountNotFoundException", "111111111111" },
        { "RemoveAccountFromOrganization", "{}", 400, "InvalidInputException", "AccountId" },
        { "EnableAWSServiceAccess", "{}", 400, "InvalidInputException", "ServicePrincipal" },
        { "DisableAWSServiceAccess", """{"ServicePrincipal":"not a principal"}""", 400, "InvalidInputException", "ServicePrincipal" },
        { "RegisterDelegatedAdministrator", """{"AccountId":"111111111111"}""", 400, "InvalidInputException", "ServicePrincipal" },
        { "RegisterDelegatedAdministrator", """{"AccountId":"111111111111","ServicePrincipal":"backup.amazonaws.com"}""", 404, "AccountNotFoundException", "111111111111" },
        { "DeregisterDelegatedAdministrator", """{"ServicePrincipal":"backup.amazonaws.com"}""", 400, "InvalidInputException", "AccountId" },
        { "ListDelegatedAdministrators", """{"ServicePrincipal":""}""", 400, "InvalidInputException", "ServicePrincipal" },
        { "ListDelegatedServicesForAccount", """{"AccountId":"x"}""", 400, "InvalidInputException", "AccountId" },
        { "ListAWSServiceAccessForOrganization", "[]", 400, "SerializationException", "" },
        { "DescribeOrganization", "{", 400, "SerializationException", "" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_the_aws_error_naming_the_field(string operation, string body, int status, string code, string named)
    {
        await OkAsync("CreateOrganization", "{}");
        await ErrorAsync(operation, body, status, code, named);
    }

    private async Task<JsonElement> OkAsync(string operation, string body, AwsCredentials? credentials = null)
    {
        (int status, JsonElement json, _) = await CallAsync(operation, body, credentials);
        Assert.True(status == 200, $"{operation}: {status} {json.GetRawText()}");
        return json;
    }

    private async Task ErrorAsync(string operation, string body, int status, string code, string named, AwsCredentials? credentials = null)
    {
        (int actual, JsonElement json, string? header) = await CallAsync(operation, body, credentials);
        Assert.True(actual == status && json.GetProperty("__type").GetString() == code, $"{operation}: {actual} {json.GetRawText()}");
        Assert.Equal(code, header);
        Assert.Contains(named, json.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    private async Task<(int Status, JsonElement Json, string? ErrorType)> CallAsync(string operation, string body, AwsCredentials? credentials)
    {
        using HttpResponseMessage response = await _server.Client(credentials).PostJsonAsync("organizations", Prefix + operation, body);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? values) ? values.Single() : null;
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), errorType);
    }
}
