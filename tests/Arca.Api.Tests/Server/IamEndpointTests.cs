using System.Xml.Linq;

namespace Arca.Api.Tests.Server;

public sealed class IamEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;

    private string Trust => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{_server.AccountId}}"},"Action":"sts:AssumeRole"}]}""";

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Roles_round_trip_in_iams_shapes()
    {
        (int status, XElement created) = await _server.QueryAsync("iam", "CreateRole", null, ("RoleName", "cabrole"), ("Path", "/svc/"),
            ("AssumeRolePolicyDocument", Trust), ("Description", "d"), ("MaxSessionDuration", "7200"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "ops"));
        Assert.Equal(200, status);
        Assert.Equal(XName.Get("CreateRoleResponse", "https://iam.amazonaws.com/doc/2010-05-08/"), created.Name);
        Assert.Equal($"arn:aws:iam::{_server.AccountId}:role/svc/cabrole", TestServer.Value(created, "Arn"));
        Assert.Equal(Uri.EscapeDataString(Trust), TestServer.Value(created, "AssumeRolePolicyDocument"));
        Assert.Equal(("7200", "2026-11-26T06:00:00Z", "ops"), (TestServer.Value(created, "MaxSessionDuration"), TestServer.Value(created, "CreateDate"), TestServer.Value(created, "Value")));

        (_, XElement got) = await _server.QueryAsync("iam", "GetRole", null, ("RoleName", "cabrole"));
        Assert.Equal(TestServer.Value(created, "RoleId"), TestServer.Value(got, "RoleId"));

        (_, XElement list) = await _server.QueryAsync("iam", "ListRoles", null, ("PathPrefix", "/svc/"));
        Assert.Equal(["cabrole"], list.Descendants().Where(e => e.Name.LocalName == "RoleName").Select(e => e.Value));
        Assert.Equal("false", TestServer.Value(list, "IsTruncated"));

        Assert.Equal(200, (await _server.QueryAsync("iam", "PutRolePolicy", null, ("RoleName", "cabrole"), ("PolicyName", "p"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"backup:*","Resource":"*"}]}"""))).Status);
        (_, XElement names) = await _server.QueryAsync("iam", "ListRolePolicies", null, ("RoleName", "cabrole"));
        Assert.Equal("p", TestServer.Value(names, "member"));
        (_, XElement policy) = await _server.QueryAsync("iam", "GetRolePolicy", null, ("RoleName", "cabrole"), ("PolicyName", "p"));
        Assert.Contains("backup%3A%2A", TestServer.Value(policy, "PolicyDocument"));

        (status, XElement conflict) = await _server.QueryAsync("iam", "DeleteRole", null, ("RoleName", "cabrole"));
        Assert.Equal((409, "DeleteConflict"), (status, TestServer.Value(conflict, "Code")));
        Assert.Equal(200, (await _server.QueryAsync("iam", "DeleteRolePolicy", null, ("RoleName", "cabrole"), ("PolicyName", "p"))).Status);
        (status, XElement deleted) = await _server.QueryAsync("iam", "DeleteRole", null, ("RoleName", "cabrole"));
        Assert.Equal((200, "DeleteRoleResponse"), (status, deleted.Name.LocalName));
        Assert.Null(TestServer.Value(deleted, "DeleteRoleResult"));
    }

    [Fact]
    public async Task UpdateRole_and_UpdateRoleDescription_change_only_what_they_are_given()
    {
        await _server.QueryAsync("iam", "CreateRole", null, ("RoleName", "r"), ("AssumeRolePolicyDocument", Trust), ("Description", "first"));
        (int status, XElement updated) = await _server.QueryAsync("iam", "UpdateRole", null, ("RoleName", "r"), ("MaxSessionDuration", "7200"));
        Assert.Equal((200, "UpdateRoleResponse"), (status, updated.Name.LocalName));
        (_, XElement got) = await _server.QueryAsync("iam", "GetRole", null, ("RoleName", "r"));
        Assert.Equal(("first", "7200"), (TestServer.Value(got, "Description"), TestServer.Value(got, "MaxSessionDuration")));

        await _server.QueryAsync("iam", "UpdateRole", null, ("RoleName", "r"), ("Description", "second"));
        (_, got) = await _server.QueryAsync("iam", "GetRole", null, ("RoleName", "r"));
        Assert.Equal(("second", "7200"), (TestServer.Value(got, "Description"), TestServer.Value(got, "MaxSessionDuration")));

        (status, XElement described) = await _server.QueryAsync("iam", "UpdateRoleDescription", null, ("RoleName", "r"), ("Description", "third"));
        Assert.Equal((200, "UpdateRoleDescriptionResponse"), (status, described.Name.LocalName));
        Assert.Equal(("third", "r", "7200"), (TestServer.Value(described, "Description"), TestServer.Value(described, "RoleName"), TestServer.Value(described, "MaxSessionDuration")));

        await _server.QueryAsync("iam", "UpdateRoleDescription", null, ("RoleName", "r"), ("Description", string.Empty));
        (_, got) = await _server.QueryAsync("iam", "GetRole", null, ("RoleName", "r"));
        Assert.Null(TestServer.Value(got, "Description"));
    }

    [Theory]
    [InlineData("sts", "GetCallerIdentity", "Action=GetCallerIdentity", "NO_VERSION_SPECIFIED")]
    [InlineData("sts", "GetCallerIdentity", "Action=GetCallerIdentity&Version=2010-05-08", "2010-05-08")]
    [InlineData("iam", "ListRoles", "Action=ListRoles&Version=1999-01-01", "1999-01-01")]
    public async Task A_request_without_the_services_api_version_is_InvalidAction_as_on_AWS(string service, string action, string form, string named)
    {
        using HttpResponseMessage response = await _server.Client().SendAsync(
            service, "POST", "/", [new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], System.Text.Encoding.UTF8.GetBytes(form));
        XElement xml = await TestServer.XmlOf(response);
        Assert.Equal((400, "InvalidAction"), ((int)response.StatusCode, TestServer.Value(xml, "Code")));
        Assert.StartsWith($"Could not find operation {action} for version {named}", TestServer.Value(xml, "Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRoles_pages_with_markers()
    {
        for (int i = 0; i < 3; i++)
        {
            await _server.QueryAsync("iam", "CreateRole", null, ("RoleName", $"r{i}"), ("AssumeRolePolicyDocument", Trust));
        }

        (_, XElement first) = await _server.QueryAsync("iam", "ListRoles", null, ("MaxItems", "2"));
        Assert.Equal("true", TestServer.Value(first, "IsTruncated"));
        (_, XElement second) = await _server.QueryAsync("iam", "ListRoles", null, ("MaxItems", "2"), ("Marker", TestServer.Value(first, "Marker")!));
        Assert.Equal(["r2"], second.Descendants().Where(e => e.Name.LocalName == "RoleName").Select(e => e.Value));
    }

    public static TheoryData<string, string[], int, string, string> BadInputs => new()
    {
        { "CreateRole", ["AssumeRolePolicyDocument", "{}"], 400, "ValidationError", "roleName" },
        { "CreateRole", ["RoleName", "r"], 400, "ValidationError", "assumeRolePolicyDocument" },
        { "CreateRole", ["RoleName", "r/x", "AssumeRolePolicyDocument", "{}"], 400, "ValidationError", "roleName" },
        { "CreateRole", ["RoleName", "r", "AssumeRolePolicyDocument", "{\"Statement\":[]}"], 400, "MalformedPolicyDocument", "Statement" },
        { "CreateRole", ["RoleName", "r", "AssumeRolePolicyDocument", "nope"], 400, "MalformedPolicyDocument", "" },
        { "CreateRole", ["RoleName", "r", "AssumeRolePolicyDocument", "{}", "MaxSessionDuration", "x"], 400, "ValidationError", "maxSessionDuration" },
        { "CreateRole", ["RoleName", "r", "AssumeRolePolicyDocument", "{}", "Path", "x"], 400, "ValidationError", "path" },
        { "CreateRole", ["RoleName", "r", "AssumeRolePolicyDocument", "{}", "PermissionsBoundary", "arn:aws:iam::aws:policy/x"], 400, "ValidationError", "PermissionsBoundary" },
        { "GetRole", [], 400, "ValidationError", "roleName" },
        { "GetRole", ["RoleName", "missing"], 404, "NoSuchEntity", "missing" },
        { "ListRoles", ["MaxItems", "0"], 400, "ValidationError", "maxItems" },
        { "ListRoles", ["Marker", "forged"], 400, "ValidationError", "marker" },
        { "ListRoles", ["PathPrefix", "nope"], 400, "ValidationError", "pathPrefix" },
        { "DeleteRole", ["RoleName", "missing"], 404, "NoSuchEntity", "missing" },
        { "UpdateAssumeRolePolicy", ["RoleName", "missing"], 400, "ValidationError", "policyDocument" },
        { "UpdateAssumeRolePolicy", ["RoleName", "missing", "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}"], 404, "NoSuchEntity", "missing" },
        { "UpdateRole", [], 400, "ValidationError", "roleName" },
        { "UpdateRole", ["RoleName", "missing", "MaxSessionDuration", "60"], 400, "ValidationError", "maxSessionDuration" },
        { "UpdateRole", ["RoleName", "missing", "MaxSessionDuration", "x"], 400, "ValidationError", "maxSessionDuration" },
        { "UpdateRole", ["RoleName", "missing", "Description", "\u0001"], 400, "ValidationError", "description" },
        { "UpdateRole", ["RoleName", "missing", "Description", "d"], 404, "NoSuchEntity", "missing" },
        { "UpdateRoleDescription", ["RoleName", "missing"], 400, "ValidationError", "description" },
        { "UpdateRoleDescription", ["RoleName", "missing", "Description", new string('d', 1001)], 400, "ValidationError", "description" },
        { "UpdateRoleDescription", ["RoleName", "missing", "Description", "d"], 404, "NoSuchEntity", "missing" },
        { "PutRolePolicy", ["RoleName", "missing", "PolicyName", "p"], 400, "ValidationError", "policyDocument" },
        { "PutRolePolicy", ["RoleName", "missing", "PolicyDocument", "{}"], 400, "ValidationError", "policyName" },
        { "PutRolePolicy", ["RoleName", "missing", "PolicyName", "p", "PolicyDocument", "[1]"], 400, "MalformedPolicyDocument", "" },
        { "GetRolePolicy", ["RoleName", "missing", "PolicyName", "p"], 404, "NoSuchEntity", "missing" },
        { "ListRolePolicies", [], 400, "ValidationError", "roleName" },
        { "DeleteRolePolicy", ["RoleName", "missing"], 400, "ValidationError", "policyName" },
        { "CreateUser", ["UserName", "bob"], 400, "InvalidAction", "CreateUser" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_the_aws_error_and_a_message_naming_the_field(string action, string[] parameters, int status, string code, string named)
    {
        (string, string)[] pairs = [.. parameters.Chunk(2).Select(p => (p[0], p[1]))];
        (int actualStatus, XElement xml) = await _server.QueryAsync("iam", action, null, pairs);
        Assert.Equal((status, code), (actualStatus, TestServer.Value(xml, "Code")));
        Assert.Equal("ErrorResponse", xml.Name.LocalName);
        Assert.Contains(named, TestServer.Value(xml, "Message"));
    }

    [Fact]
    public async Task A_session_without_iam_permissions_is_denied_naming_action_and_resource()
    {
        await _server.QueryAsync("iam", "CreateRole", null, ("RoleName", "weak"), ("AssumeRolePolicyDocument", Trust));
        (_, XElement assumed) = await _server.QueryAsync("sts", "AssumeRole", null, ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/weak"), ("RoleSessionName", "s1"));
        var session = new Client.AwsCredentials(TestServer.Value(assumed, "AccessKeyId")!, TestServer.Value(assumed, "SecretAccessKey")!, TestServer.Value(assumed, "SessionToken"));

        (int status, XElement denied) = await _server.QueryAsync("iam", "CreateRole", session, ("RoleName", "escalate"), ("AssumeRolePolicyDocument", Trust));
        Assert.Equal((403, "AccessDenied"), (status, TestServer.Value(denied, "Code")));
        Assert.Equal(
            $"User: arn:aws:sts::{_server.AccountId}:assumed-role/weak/s1 is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::{_server.AccountId}:role/escalate because no identity-based policy allows the iam:CreateRole action",
            TestServer.Value(denied, "Message"));
    }
}
