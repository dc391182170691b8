using System.Text.Json;

namespace Arca.Tests.Server;

/// <summary>
/// Organizations driven by real clients against the <c>arca server</c> process: the reference tutorial's step 0
/// with the Debian AWS CLI (DESIGN.md §6), and the structure operations and error shapes with the JS SDK v3
/// (tests/clients/organizations.mjs).
/// </summary>
public sealed class OrganizationsConformanceTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-server-").FullName;
    private ArcaServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ArcaServerProcess.StartAsync(_dir);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [RealClientFact("aws")]
    public async Task The_tutorials_step_0_creates_the_organization_and_two_members_that_the_management_account_administers()
    {
        JsonElement organization = (await CliJsonAsync(Management(), "organizations", "create-organization", "--feature-set", "ALL")).GetProperty("Organization");
        Assert.Equal(_server.AccountId, organization.GetProperty("MasterAccountId").GetString());
        Assert.Matches("^o-[a-z0-9]{10}$", organization.GetProperty("Id").GetString());

        var members = new Dictionary<string, string>();
        foreach (string name in new[] { "SourceAccount", "DestinationAccount" })
        {
            JsonElement status = (await CliJsonAsync(Management(), "organizations", "create-account",
                "--email", $"{name.ToLowerInvariant()}@example.com", "--account-name", name)).GetProperty("CreateAccountStatus");
            Assert.Equal("SUCCEEDED", status.GetProperty("State").GetString());
            members[name] = status.GetProperty("AccountId").GetString()!;
        }

        JsonElement accounts = (await CliJsonAsync(Management(), "organizations", "list-accounts")).GetProperty("Accounts");
        Assert.Equal(
            new[] { (_server.AccountId, "INVITED"), (members["SourceAccount"], "CREATED"), (members["DestinationAccount"], "CREATED") }.Order(),
            accounts.EnumerateArray().Select(a => (a.GetProperty("Id").GetString()!, a.GetProperty("JoinedMethod").GetString()!)).Order());
        Assert.Contains(accounts.EnumerateArray(), a => a.GetProperty("Name").GetString() == "DestinationAccount" && a.GetProperty("Status").GetString() == "ACTIVE");

        Dictionary<string, string>[] sessions = await Task.WhenAll(members.Values.Select(AssumeAccessRoleAsync));
        JsonElement[] identities = await Task.WhenAll(sessions.Select(s => CliJsonAsync(s, "sts", "get-caller-identity")));
        Assert.Equal(
            members.Values.Select(id => $"arn:aws:sts::{id}:assumed-role/OrganizationAccountAccessRole/tutorial"),
            identities.Select(i => i.GetProperty("Arn").GetString()));

        string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        JsonElement role = await CliJsonAsync(sessions[0], "iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document", trust);
        Assert.Equal($"arn:aws:iam::{members["SourceAccount"]}:role/cabrole", role.GetProperty("Role").GetProperty("Arn").GetString());

        ToolRun.Result again = await CliAsync(Management(), "organizations", "create-organization");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("(AlreadyInOrganizationException)", again.Stderr, StringComparison.Ordinal);
    }

    [RealClientFact("node")]
    public async Task The_js_sdk_drives_the_structure_operations_and_parses_every_error()
    {
        (string keyId, string secret) = _server.RootKey();
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result result = await ToolRun.RunAsync("node", [Path.Combine(clients, "organizations.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = _server.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = keyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
        }, clients);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{\"done\":true}", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Temporary keys of the access role in <paramref name="accountId"/>, as the CLI's environment.</summary>
    private async Task<Dictionary<string, string>> AssumeAccessRoleAsync(string accountId)
    {
        JsonElement credentials = (await CliJsonAsync(Management(), "sts", "assume-role",
            "--role-arn", $"arn:aws:iam::{accountId}:role/OrganizationAccountAccessRole", "--role-session-name", "tutorial")).GetProperty("Credentials");
        return new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.GetProperty("AccessKeyId").GetString()!,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.GetProperty("SecretAccessKey").GetString()!,
            ["AWS_SESSION_TOKEN"] = credentials.GetProperty("SessionToken").GetString()!,
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/arca-test/credentials",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
        };
    }

    private Dictionary<string, string> Management() => new()
    {
        ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
        ["AWS_PROFILE"] = "management",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    private Task<ToolRun.Result> CliAsync(Dictionary<string, string> environment, params string[] arguments) =>
        ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"], environment);

    private async Task<JsonElement> CliJsonAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        ToolRun.Result result = await CliAsync(environment, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
