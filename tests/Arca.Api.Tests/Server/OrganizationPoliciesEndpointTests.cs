using System.Text.Json;
using Arca.Api.Client;
using Arca.Control.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server;

/// <summary>Organizations' policy operations and Arca's provenance extension over awsJson1.1 on the real listener.</summary>
public sealed class OrganizationPoliciesEndpointTests : IAsyncLifetime
{
    private const string Prefix = "AWSOrganizationsV20161128.";
    private const string Provenance = "ArcaOrganizations.DescribeEffectivePolicyProvenance";

    private const string Cab = """
        {"plans":{"cabplan":{"regions":{"@@assign":["us-east-1","eu-west-1"]},
          "rules":{"cabrule":{"schedule_expression":{"@@assign":"cron(0 5 ? * * *)"},"target_backup_vault_name":{"@@assign":"cabvault"}}},
          "selections":{"tags":{"cabresources":{"iam_role_arn":{"@@assign":"arn:aws:iam::$account:role/cabrole"},
            "tag_key":{"@@assign":"backup"},"tag_value":{"@@assign":["cab"]}}}}}}}
        """;

    private TestServer _server = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await OkAsync("CreateOrganization", "{}");
        _root = (await OkAsync("ListRoots", "{}")).GetProperty("Roots")[0].GetProperty("Id").GetString()!;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_policy_operations_answer_in_the_models_shapes()
    {
        JsonElement root = (await OkAsync("EnablePolicyType", Body(new { RootId = _root, PolicyType = "BACKUP_POLICY" }))).GetProperty("Root");
        Assert.Equal("""[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"},{"Type":"BACKUP_POLICY","Status":"ENABLED"}]""",
            root.GetProperty("PolicyTypes").GetRawText());
        string member = (await OkAsync("CreateAccount", """{"Email":"s@example.com","AccountName":"SourceAccount"}""")).GetProperty("CreateAccountStatus")
            .GetProperty("AccountId").GetString()!;

        JsonElement policy = (await OkAsync("CreatePolicy", Body(new { Content = Cab, Description = "d", Name = "cabpolicy", Type = "BACKUP_POLICY" })))
            .GetProperty("Policy");
        JsonElement summary = policy.GetProperty("PolicySummary");
        string id = summary.GetProperty("Id").GetString()!;
        Assert.Equal((Cab, "cabpolicy", "BACKUP_POLICY", false), (policy.GetProperty("Content").GetString(), summary.GetProperty("Name").GetString(),
            summary.GetProperty("Type").GetString(), summary.GetProperty("AwsManaged").GetBoolean()));
        Assert.Matches($"^arn:aws:organizations::{_server.AccountId}:policy/o-[a-z0-9]{{10}}/backup_policy/{id}$", summary.GetProperty("Arn").GetString());
        Assert.Equal(policy.GetRawText(), (await OkAsync("DescribePolicy", Body(new { PolicyId = id }))).GetProperty("Policy").GetRawText());
        Assert.Equal(summary.GetRawText(), (await OkAsync("ListPolicies", """{"Filter":"BACKUP_POLICY"}""")).GetProperty("Policies")[0].GetRawText());

        _server.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("{}", (await OkAsync("AttachPolicy", Body(new { PolicyId = id, TargetId = member }))).GetRawText());
        Assert.Equal(id, (await OkAsync("ListPoliciesForTarget", Body(new { TargetId = member, Filter = "BACKUP_POLICY" }))).GetProperty("Policies")[0]
            .GetProperty("Id").GetString());
        JsonElement target = (await OkAsync("ListTargetsForPolicy", Body(new { PolicyId = id }))).GetProperty("Targets")[0];
        Assert.Equal((member, "SourceAccount", "ACCOUNT"), (target.GetProperty("TargetId").GetString(), target.GetProperty("Name").GetString(),
            target.GetProperty("Type").GetString()));

        JsonElement effective = (await OkAsync("DescribeEffectivePolicy", Body(new { PolicyType = "BACKUP_POLICY", TargetId = member })))
            .GetProperty("EffectivePolicy");
        Assert.Equal(JsonValueKind.String, effective.GetProperty("PolicyContent").ValueKind);
        JsonElement content = JsonDocument.Parse(effective.GetProperty("PolicyContent").GetString()!).RootElement;
        Assert.Equal("arn:aws:iam::$account:role/cabrole",
            content.GetProperty("plans").GetProperty("cabplan").GetProperty("selections").GetProperty("tags").GetProperty("cabresources")
                .GetProperty("iam_role_arn").GetString());
        Assert.Equal((TestServer.T0.AddMinutes(1).ToUnixTimeSeconds(), member, "BACKUP_POLICY"),
            ((long)effective.GetProperty("LastUpdatedTimestamp").GetDouble(), effective.GetProperty("TargetId").GetString(), effective.GetProperty("PolicyType").GetString()));

        JsonElement provenance = await OkAsync(Provenance, Body(new { TargetId = member }), extension: true);
        Assert.Equal(effective.GetProperty("PolicyContent").GetString(), provenance.GetProperty("EffectivePolicy").GetProperty("PolicyContent").GetString());
        Assert.Equal("ACCOUNT", provenance.GetProperty("TargetType").GetString());
        Assert.Equal($$"""[{"TargetId":"{{_root}}","Policies":[]},{"TargetId":"{{member}}","Policies":[{"PolicyId":"{{id}}","PolicyName":"cabpolicy"}]}]""",
            provenance.GetProperty("Levels").GetRawText());
        JsonElement regions = provenance.GetProperty("Provenance").EnumerateArray().First(p => p.GetProperty("Path").GetString() == "plans.cabplan.regions");
        Assert.Equal(("ELEMENT", "us-east-1", id, "cabpolicy", member), (regions.GetProperty("Kind").GetString(), regions.GetProperty("Value").GetString(),
            regions.GetProperty("PolicyId").GetString(), regions.GetProperty("PolicyName").GetString(), regions.GetProperty("TargetId").GetString()));
        Assert.Empty(provenance.GetProperty("Diagnostics").EnumerateArray());

        await ErrorAsync("DeletePolicy", Body(new { PolicyId = id }), 409, "PolicyInUseException", id);
        await OkAsync("DetachPolicy", Body(new { PolicyId = id, TargetId = member }));
        await OkAsync("UpdatePolicy", Body(new { PolicyId = id, Description = "new" }));
        Assert.Equal("{}", (await OkAsync("DeletePolicy", Body(new { PolicyId = id }))).GetRawText());
        Assert.Equal("""[{"Type":"SERVICE_CONTROL_POLICY","Status":"ENABLED"}]""",
            (await OkAsync("DisablePolicyType", Body(new { RootId = _root, PolicyType = "BACKUP_POLICY" }))).GetProperty("Root").GetProperty("PolicyTypes").GetRawText());
    }

    public static TheoryData<string, string, int, string, string> BadInputs => new()
    {
        { "EnablePolicyType", """{"PolicyType":"BACKUP_POLICY"}""", 400, "InvalidInputException", "RootId" },
        { "EnablePolicyType", """{"RootId":"r-zzzz"}""", 400, "InvalidInputException", "PolicyType" },
        { "EnablePolicyType", """{"RootId":"r-zzzz","PolicyType":"BACKUP"}""", 400, "InvalidInputException", "PolicyType" },
        { "EnablePolicyType", """{"RootId":"r-zzzz","PolicyType":"BACKUP_POLICY"}""", 404, "RootNotFoundException", "r-zzzz" },
        { "EnablePolicyType", """{"RootId":"ROOT","PolicyType":"TAG_POLICY"}""", 400, "InvalidInputException", "RootId" },
        { "DisablePolicyType", """{"RootId":"r-zzzz","PolicyType":"CHATBOT_POLICY"}""", 409, "PolicyTypeNotAvailableForOrganizationException", "CHATBOT_POLICY" },
        { "CreatePolicy", """{"Description":"d","Name":"n","Type":"BACKUP_POLICY"}""", 400, "InvalidInputException", "Content" },
        { "CreatePolicy", """{"Content":"{}","Name":"n","Type":"BACKUP_POLICY"}""", 400, "InvalidInputException", "Description" },
        { "CreatePolicy", """{"Content":"{}","Description":"d","Type":"BACKUP_POLICY"}""", 400, "InvalidInputException", "Name" },
        { "CreatePolicy", """{"Content":"{}","Description":"d","Name":"n"}""", 400, "InvalidInputException", "Type" },
        { "CreatePolicy", """{"Content":"{}","Description":"d","Name":"n","Type":"SERVICE_CONTROL_POLICY"}""", 409, "PolicyTypeNotAvailableForOrganizationException", "SERVICE_CONTROL_POLICY" },
        { "CreatePolicy", """{"Content":"{}","Description":"d","Name":"n","Type":"BACKUP_POLICY"}""", 400, "MalformedPolicyDocumentException", "plans" },
        { "CreatePolicy", """{"Content":"{\"plans\":{\"p\":{\"regions\":[\"us-east-1\"]}}}","Description":"d","Name":"n","Type":"BACKUP_POLICY"}""", 400, "MalformedPolicyDocumentException", "plans.p.regions" },
        { "CreatePolicy", """{"Content":"{\"plans\":{},\"plan\":{}}","Description":"d","Name":"n","Type":"BACKUP_POLICY"}""", 400, "MalformedPolicyDocumentException", "\"plan\"" },
        { "CreatePolicy", """{"Content":"{\"plans\":{}}","Description":"d","Name":"n","Type":"BACKUP_POLICY","Tags":[{"Key":"k"}]}""", 400, "InvalidInputException", "Tags.Value" },
        { "CreatePolicy", """{"Content":5,"Description":"d","Name":"n","Type":"BACKUP_POLICY"}""", 400, "SerializationException", "Content" },
        { "UpdatePolicy", """{"Name":"n"}""", 400, "InvalidInputException", "PolicyId" },
        { "UpdatePolicy", """{"PolicyId":"p-1"}""", 400, "InvalidInputException", "PolicyId" },
        { "UpdatePolicy", """{"PolicyId":"p-00000000","Name":""}""", 400, "InvalidInputException", "Name" },
        { "UpdatePolicy", """{"PolicyId":"p-00000000","Content":"[]"}""", 400, "MalformedPolicyDocumentException", "BACKUP_POLICY" },
        { "UpdatePolicy", """{"PolicyId":"p-00000000","Name":"n"}""", 404, "PolicyNotFoundException", "p-00000000" },
        { "DescribePolicy", "{}", 400, "InvalidInputException", "PolicyId" },
        { "DescribePolicy", """{"PolicyId":"p-00000000"}""", 404, "PolicyNotFoundException", "p-00000000" },
        { "DeletePolicy", """{"PolicyId":"p-00000000"}""", 404, "PolicyNotFoundException", "p-00000000" },
        { "ListPolicies", "{}", 400, "InvalidInputException", "Filter" },
        { "ListPolicies", """{"Filter":"BACKUP_POLICY","MaxResults":21}""", 400, "InvalidInputException", "MaxResults" },
        { "ListPolicies", """{"Filter":"BACKUP_POLICY","NextToken":"forged"}""", 400, "InvalidInputException", "NextToken" },
        { "AttachPolicy", """{"PolicyId":"p-00000000"}""", 400, "InvalidInputException", "TargetId" },
        { "AttachPolicy", """{"PolicyId":"p-00000000","TargetId":"ou-x"}""", 400, "InvalidInputException", "TargetId" },
        { "AttachPolicy", """{"PolicyId":"p-00000000","TargetId":"111111111111"}""", 404, "PolicyNotFoundException", "p-00000000" },
        { "DetachPolicy", """{"TargetId":"111111111111"}""", 400, "InvalidInputException", "PolicyId" },
        { "ListPoliciesForTarget", """{"TargetId":"111111111111"}""", 400, "InvalidInputException", "Filter" },
        { "ListPoliciesForTarget", """{"TargetId":"111111111111","Filter":"BACKUP_POLICY"}""", 404, "TargetNotFoundException", "111111111111" },
        { "ListTargetsForPolicy", """{"PolicyId":"p-00000000"}""", 404, "PolicyNotFoundException", "p-00000000" },
        { "DescribeEffectivePolicy", "{}", 400, "InvalidInputException", "PolicyType" },
        { "DescribeEffectivePolicy", """{"PolicyType":"SERVICE_CONTROL_POLICY"}""", 400, "InvalidInputException", "PolicyType" },
        { "DescribeEffectivePolicy", """{"PolicyType":"BACKUP_POLICY"}""", 400, "EffectivePolicyNotFoundException", "BACKUP_POLICY" },
        { "DescribeEffectivePolicy", """{"PolicyType":"BACKUP_POLICY","TargetId":"r-zzzz"}""", 400, "InvalidInputException", "TARGET_NOT_SUPPORTED" },
        { "DescribeEffectivePolicy", """{"PolicyType":"BACKUP_POLICY","TargetId":"111111111111"}""", 404, "TargetNotFoundException", "111111111111" },
        { Provenance, "{}", 400, "InvalidInputException", "TargetId" },
        { Provenance, """{"TargetId":"ou-zzzz-zzzzzzzz"}""", 404, "TargetNotFoundException", "ou-zzzz-zzzzzzzz" },
        { Provenance, "[]", 400, "SerializationException", "" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_the_aws_error_naming_the_field(string operation, string body, int status, string code, string named) =>
        await ErrorAsync(operation, body, status, code, named, extension: operation.StartsWith("Arca", StringComparison.Ordinal));

    [Fact]
    public async Task Members_read_their_own_effective_policy_and_nothing_else()
    {
        await OkAsync("EnablePolicyType", Body(new { RootId = _root, PolicyType = "BACKUP_POLICY" }));
        string id = (await OkAsync("CreatePolicy", Body(new { Content = Cab, Description = "", Name = "cab", Type = "BACKUP_POLICY" })))
            .GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        await OkAsync("AttachPolicy", Body(new { PolicyId = id, TargetId = _root }));
        string memberId = (await OkAsync("CreateAccount", """{"Email":"m@example.com","AccountName":"M"}""")).GetProperty("CreateAccountStatus")
            .GetProperty("AccountId").GetString()!;
        IssuedAccessKey key = await _server.Server.Services.GetRequiredService<AccountService>().CreateRootAccessKeyAsync(memberId);
        var member = new AwsCredentials(key.AccessKeyId, key.SecretAccessKey);

        Assert.Equal(memberId, (await OkAsync("DescribeEffectivePolicy", """{"PolicyType":"BACKUP_POLICY"}""", member)).GetProperty("EffectivePolicy")
            .GetProperty("TargetId").GetString());
        foreach ((string operation, string body) in new[]
        {
            ("DescribeEffectivePolicy", Body(new { PolicyType = "BACKUP_POLICY", TargetId = _server.AccountId })),
            ("CreatePolicy", Body(new { Content = Cab, Description = "", Name = "mine", Type = "BACKUP_POLICY" })),
            ("UpdatePolicy", Body(new { PolicyId = id, Name = "mine" })), ("DeletePolicy", Body(new { PolicyId = id })),
            ("DescribePolicy", Body(new { PolicyId = id })), ("ListPolicies", """{"Filter":"BACKUP_POLICY"}"""),
            ("AttachPolicy", Body(new { PolicyId = id, TargetId = memberId })), ("DetachPolicy", Body(new { PolicyId = id, TargetId = _root })),
            ("ListPoliciesForTarget", Body(new { TargetId = _root, Filter = "BACKUP_POLICY" })), ("ListTargetsForPolicy", Body(new { PolicyId = id })),
            ("EnablePolicyType", Body(new { RootId = _root, PolicyType = "BACKUP_POLICY" })),
            (Provenance, Body(new { TargetId = memberId })),
        })
        {
            await ErrorAsync(operation, body, 403, "AccessDeniedException", operation.Split('.')[^1], member, operation == Provenance);
        }

        (_, AwsCredentials outsider) = await _server.NewAccountAsync("outsider");
        await ErrorAsync("DescribeEffectivePolicy", """{"PolicyType":"BACKUP_POLICY"}""", 404, "AWSOrganizationsNotInUseException", "not a member", outsider);
    }

    [Fact]
    public async Task Hostile_values_in_any_member_of_the_provenance_extension_never_cause_a_500()
    {
        foreach (string value in new[] { "null", "\"\"", "-1", "[]", "{}", "\"" + new string('x', 140_000) + "\"", "\"r-abcd\"", "\"é\\ud800\"" })
        {
            (int status, JsonElement json, _) = await CallAsync(Provenance, $$"""{"TargetId":{{value}}}""", null, extension: true);
            Assert.True(status is >= 400 and < 500 && json.TryGetProperty("__type", out _), $"{value[..Math.Min(20, value.Length)]}: {status} {json.GetRawText()}");
        }
    }

    private static string Body<T>(T value) => JsonSerializer.Serialize(value);

    private async Task<JsonElement> OkAsync(string operation, string body, AwsCredentials? credentials = null, bool extension = false)
    {
        (int status, JsonElement json, _) = await CallAsync(operation, body, credentials, extension);
        Assert.True(status == 200, $"{operation}: {status} {json.GetRawText()}");
        return json;
    }

    private async Task ErrorAsync(string operation, string body, int status, string code, string named, AwsCredentials? credentials = null, bool extension = false)
    {
        (int actual, JsonElement json, string? header) = await CallAsync(operation, body, credentials, extension);
        Assert.True(actual == status && json.GetProperty("__type").GetString() == code, $"{operation}: {actual} {json.GetRawText()}");
        Assert.Equal(code, header);
        Assert.True(json.GetProperty("Message").GetString()!.Contains(named, StringComparison.Ordinal), $"{operation}: {json.GetRawText()}");
    }

    private async Task<(int Status, JsonElement Json, string? ErrorType)> CallAsync(string operation, string body, AwsCredentials? credentials, bool extension = false)
    {
        using HttpResponseMessage response = await _server.Client(credentials).PostJsonAsync("organizations", extension ? operation : Prefix + operation, body);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? values) ? values.Single() : null;
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), errorType);
    }
}
