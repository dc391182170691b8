using System.Text.Json;
using System.Xml.Linq;
using Arca.Api.Client;
using Arca.Api.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>
/// Organization-managed plans on the real listener: materialized in the background after AttachPolicy, read by the member through
/// the Backup API (with Arca's <c>ArcaFindings</c>), refused to every change — also to the management account acting in the member
/// through OrganizationAccountAccessRole — and <c>ArcaOrganizations.DescribeBackupPlanStatus</c> with its bad input.
/// </summary>
public sealed class OrganizationPlanEndpointTests : IAsyncLifetime
{
    private const string Prefix = "AWSOrganizationsV20161128.";
    private const string Status = "ArcaOrganizations.DescribeBackupPlanStatus";

    private TestServer _server = null!;
    private BackupApi _api = null!;
    private string _source = null!;
    private string _destination = null!;
    private AwsCredentials _asSource = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _api = new BackupApi(_server);
        await CallAsync(Prefix + "CreateOrganization", "{}");
        string root = (await CallAsync(Prefix + "ListRoots", "{}")).GetProperty("Roots")[0].GetProperty("Id").GetString()!;
        await CallAsync(Prefix + "EnablePolicyType", $$"""{"RootId":"{{root}}","PolicyType":"BACKUP_POLICY"}""");
        _source = await CreateAccountAsync("SourceAccount");
        _destination = await CreateAccountAsync("DestinationAccount");
        string policy = (await CallAsync(Prefix + "CreatePolicy", JsonSerializer.Serialize(new
        {
            Name = "cabpolicy",
            Description = "",
            Type = "BACKUP_POLICY",
            Content = CabPolicy(_destination),
        }))).GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        await CallAsync(Prefix + "AttachPolicy", $$"""{"PolicyId":"{{policy}}","TargetId":"{{_source}}"}""");
        await Host.WhenIdleAsync();
        _asSource = await AssumeAccessRoleAsync(_source);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OrganizationPlanMaterializerHost Host => _server.Server.Services.GetRequiredService<OrganizationPlanMaterializerHost>();

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public async Task The_member_lists_and_reads_its_organization_managed_plan_in_each_region(string region)
    {
        JsonElement listed = Assert.Single((await _api.OkAsync("GET", "/backup/plans/", credentials: _asSource, region: region)).GetProperty("BackupPlansList").EnumerateArray());
        string id = listed.GetProperty("BackupPlanId").GetString()!;
        Assert.StartsWith("orgs/", id, StringComparison.Ordinal);
        Assert.Equal(("cabplan", $"arn:aws:backup:{region}:{_source}:backup-plan:{id}"), (listed.GetProperty("BackupPlanName").GetString(), listed.GetProperty("BackupPlanArn").GetString()));
        Assert.False(listed.TryGetProperty("CreatorRequestId", out _));

        JsonElement plan = await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(id)}/", credentials: _asSource, region: region);
        Assert.Equal(listed.GetProperty("VersionId").GetString(), plan.GetProperty("VersionId").GetString());
        JsonElement rule = plan.GetProperty("BackupPlan").GetProperty("Rules")[0];
        Assert.Equal(("cabrule", "cabvault", "cron(0 5 ? * * *)", 480, 10080), (rule.GetProperty("RuleName").GetString(), rule.GetProperty("TargetBackupVaultName").GetString(),
            rule.GetProperty("ScheduleExpression").GetString(), rule.GetProperty("StartWindowMinutes").GetInt32(), rule.GetProperty("CompletionWindowMinutes").GetInt32()));
        Assert.Equal($"arn:aws:backup:eu-west-1:{_destination}:backup-vault:cabvault", rule.GetProperty("CopyActions")[0].GetProperty("DestinationBackupVaultArn").GetString());
        Assert.Equal(["TARGET_VAULT_MISSING", "COPY_DESTINATION_MISSING", "ROLE_MISSING"],
            plan.GetProperty("ArcaFindings").EnumerateArray().Select(f => f.GetProperty("Kind").GetString()));

        Assert.Single((await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(id)}/versions/", credentials: _asSource, region: region))
            .GetProperty("BackupPlanVersionsList").EnumerateArray());
        JsonElement selection = Assert.Single((await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(id)}/selections/", credentials: _asSource, region: region))
            .GetProperty("BackupSelectionsList").EnumerateArray());
        Assert.Equal(("cabresources", $"arn:aws:iam::{_source}:role/cabrole"), (selection.GetProperty("SelectionName").GetString(), selection.GetProperty("IamRoleArn").GetString()));
        JsonElement full = await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(id)}/selections/{selection.GetProperty("SelectionId").GetString()}", credentials: _asSource, region: region);
        Assert.Equal("""[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"cab"}]""", full.GetProperty("BackupSelection").GetProperty("ListOfTags").GetRawText());
    }

    [Fact]
    public async Task Neither_the_member_nor_the_management_account_acting_in_it_can_change_the_plan()
    {
        (string id, string arn, string selection) = await PlanAsync();
        string path = $"/backup/plans/{BackupApi.Escape(id)}";
        string refused = $"Backup plan cabplan ({id}) is managed by AWS Organizations and cannot be changed; change the organization's backup policy instead";
        (string keyId, string secret) = await MemberRootKeyAsync(_source);
        foreach (AwsCredentials member in new[] { _asSource, new AwsCredentials(keyId, secret) })
        {
            await RefusedAsync("POST", path, """{"BackupPlan":{"BackupPlanName":"cabplan","Rules":[{"RuleName":"mine","TargetBackupVaultName":"cabvault"}]}}""", member, refused);
            await RefusedAsync("DELETE", path, null, member, refused);
            await RefusedAsync("PUT", path + "/selections/", """{"BackupSelection":{"SelectionName":"more","IamRoleArn":"arn:aws:iam::SOURCE:role/cabrole"}}""".Replace("SOURCE", _source, StringComparison.Ordinal), member, refused);
            await RefusedAsync("DELETE", $"{path}/selections/{selection}", null, member, refused);
            await RefusedAsync("POST", $"/tags/{BackupApi.Escape(arn)}", """{"Tags":{"k":"v"}}""", member, refused);
        }

        BackupApi.Reply foreign = await _api.SendAsync("GET", path + "/");
        Assert.Equal((400, "ResourceNotFoundException"), (foreign.Status, foreign.Code));
        Assert.Single((await _api.OkAsync("GET", "/backup/plans/", credentials: _asSource)).GetProperty("BackupPlansList").EnumerateArray());
    }

    [Fact]
    public async Task The_status_extension_lists_each_region_with_its_findings_until_they_are_created()
    {
        JsonElement[] plans = [.. (await CallAsync(Status, "{}")).GetProperty("BackupPlans").EnumerateArray()];

        Assert.Equal(["us-east-1", "eu-west-1"], plans.Select(p => p.GetProperty("Region").GetString()));
        Assert.All(plans, p => Assert.Equal((_source, "cabplan", "INCOMPLETE"), (p.GetProperty("AccountId").GetString(),
            p.GetProperty("BackupPlanName").GetString(), p.GetProperty("Status").GetString())));
        Assert.Contains(plans[0].GetProperty("Findings").EnumerateArray(), f => f.GetProperty("Kind").GetString() == "ROLE_MISSING"
            && f.GetProperty("Detail").GetString() == $"Selection cabresources: the IAM role cabrole does not exist in account {_source}; create it there, trusting backup.amazonaws.com");

        await _api.AddVaultAsync("cabvault", _source, "us-east-1");
        await _api.AddVaultAsync("cabvault", _source, "eu-west-1");
        await _api.AddVaultAsync("cabvault", _destination, "eu-west-1");
        await _api.CreateRoleAsync("cabrole", _asSource);
        JsonElement current = await CallAsync(Status, $$"""{"AccountId":"{{_source}}"}""");

        Assert.All(current.GetProperty("BackupPlans").EnumerateArray(), p => Assert.Equal("CURRENT", p.GetProperty("Status").GetString()));
        Assert.Empty((await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(plans[0].GetProperty("BackupPlanId").GetString()!)}/", credentials: _asSource))
            .GetProperty("ArcaFindings").EnumerateArray());
    }

    [Fact]
    public async Task Findings_clear_at_the_periodic_sweep_once_the_vaults_and_role_exist()
    {
        (string id, _, _) = await PlanAsync();
        await _api.AddVaultAsync("cabvault", _source, "us-east-1");
        await _api.AddVaultAsync("cabvault", _destination, "eu-west-1");
        await _api.CreateRoleAsync("cabrole", _asSource);

        Task swept = Host.WhenSweptAsync();
        _server.Time.Advance(OrganizationPlanMaterializerHost.SweepInterval);
        await swept;

        Assert.Empty((await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(id)}/", credentials: _asSource)).GetProperty("ArcaFindings").EnumerateArray());
        Assert.Equal(["TARGET_VAULT_MISSING"], (await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(id)}/", credentials: _asSource, region: "eu-west-1"))
            .GetProperty("ArcaFindings").EnumerateArray().Select(f => f.GetProperty("Kind").GetString()));
    }

    [Theory]
    [InlineData("""{"AccountId":"12345"}""", "InvalidInputException", "AccountId 12345")]
    [InlineData("""{"MaxResults":0}""", "InvalidInputException", "MaxResults")]
    [InlineData("""{"MaxResults":21}""", "InvalidInputException", "MaxResults")]
    [InlineData("""{"NextToken":"forged"}""", "InvalidInputException", "NextToken")]
    [InlineData("""{"AccountId":5}""", "SerializationException", "AccountId")]
    [InlineData("""{"MaxResults":"many"}""", "SerializationException", "MaxResults")]
    [InlineData("""[1]""", "SerializationException", "")]
    [InlineData("""{"AccountId":""", "SerializationException", "")]
    public async Task Bad_input_to_the_status_extension_is_a_400_naming_the_member(string body, string code, string named)
    {
        (int status, JsonElement json, string? header) = await SendAsync(Status, body, null);

        Assert.True(status == 400 && header == code, $"{status} {header} {json.GetRawText()}");
        Assert.Contains(named, json.GetProperty("Message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_outside_the_organization_is_not_found()
    {
        (int status, JsonElement json, string? header) = await SendAsync(Status, """{"AccountId":"999999999999"}""", null);

        Assert.Equal((404, "AccountNotFoundException"), (status, header));
        Assert.Contains("999999999999", json.GetProperty("Message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_and_accounts_outside_an_organization_may_not_ask_for_the_status()
    {
        (string keyId, string secret) = await MemberRootKeyAsync(_source);
        (int status, _, string? code) = await SendAsync(Status, "{}", new AwsCredentials(keyId, secret));
        Assert.Equal((403, "AccessDeniedException"), (status, code));
        (_, AwsCredentials outsider) = await _server.NewAccountAsync("outsider");
        (status, _, code) = await SendAsync(Status, "{}", outsider);
        Assert.Equal("AWSOrganizationsNotInUseException", code);
    }

    private static string CabPolicy(string destination) => """
        {"plans":{"cabplan":{"regions":{"@@assign":["us-east-1","eu-west-1"]},
          "rules":{"cabrule":{"schedule_expression":{"@@assign":"cron(0 5 ? * * *)"},"target_backup_vault_name":{"@@assign":"cabvault"},
            "copy_actions":{"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault":{
              "target_backup_vault_arn":{"@@assign":"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault"}}}}},
          "selections":{"tags":{"cabresources":{"iam_role_arn":{"@@assign":"arn:aws:iam::$account:role/cabrole"},
            "tag_key":{"@@assign":"backup"},"tag_value":{"@@assign":["cab"]}}}}}}}
        """.Replace("DESTINATION", destination, StringComparison.Ordinal);

    private async Task<(string Id, string Arn, string Selection)> PlanAsync()
    {
        JsonElement plan = (await _api.OkAsync("GET", "/backup/plans/", credentials: _asSource)).GetProperty("BackupPlansList")[0];
        string id = plan.GetProperty("BackupPlanId").GetString()!;
        string selection = (await _api.OkAsync("GET", $"/backup/plans/{BackupApi.Escape(id)}/selections/", credentials: _asSource))
            .GetProperty("BackupSelectionsList")[0].GetProperty("SelectionId").GetString()!;
        return (id, plan.GetProperty("BackupPlanArn").GetString()!, selection);
    }

    private async Task RefusedAsync(string method, string path, string? body, AwsCredentials credentials, string message)
    {
        BackupApi.Reply reply = await _api.SendAsync(method, path, body, credentials);
        Assert.True(reply.Status == 400 && reply.Code == "InvalidRequestException" && reply.Message == message, $"{method} {path}: {reply.Status} {reply.Text}");
    }

    private async Task<string> CreateAccountAsync(string name) =>
        (await CallAsync(Prefix + "CreateAccount", $$"""{"Email":"{{name}}@example.com","AccountName":"{{name}}"}"""))
            .GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;

    /// <summary>The management account's session in the member through OrganizationAccountAccessRole.</summary>
    private async Task<AwsCredentials> AssumeAccessRoleAsync(string account)
    {
        (int status, XElement xml) = await _server.QueryAsync("sts", "AssumeRole", null,
            ("RoleArn", $"arn:aws:iam::{account}:role/OrganizationAccountAccessRole"), ("RoleSessionName", "admin"));
        Assert.Equal(200, status);
        return new AwsCredentials(TestServer.Value(xml, "AccessKeyId")!, TestServer.Value(xml, "SecretAccessKey")!, TestServer.Value(xml, "SessionToken"));
    }

    private async Task<(string KeyId, string Secret)> MemberRootKeyAsync(string account)
    {
        var accounts = _server.Server.Services.GetRequiredService<Control.Identity.AccountService>();
        Control.Identity.IssuedAccessKey key = await accounts.CreateRootAccessKeyAsync(account);
        return (key.AccessKeyId, key.SecretAccessKey);
    }

    private async Task<JsonElement> CallAsync(string target, string body)
    {
        (int status, JsonElement json, _) = await SendAsync(target, body, null);
        Assert.True(status == 200, $"{target}: {status} {json.GetRawText()}");
        return json;
    }

    private async Task<(int Status, JsonElement Json, string? ErrorType)> SendAsync(string target, string body, AwsCredentials? credentials)
    {
        using HttpResponseMessage response = await _server.Client(credentials).PostJsonAsync("organizations", target, body);
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? values) ? values.Single() : null;
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), errorType);
    }
}
