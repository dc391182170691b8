using System.Text.Json;

namespace Arca.Tests.Server;

/// <summary>
/// The real <c>arca server</c> process driven by real AWS clients: the Debian AWS CLI (a few focused calls, each
/// about 1.3 s) and the JS SDK v3 (tests/clients/sts-iam.mjs).
/// </summary>
public sealed class RealClientConformanceTests : IAsyncLifetime
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
    public async Task The_cli_gets_the_management_root_from_the_written_credentials_profile()
    {
        Assert.True(_server.AccountCreated);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_server.CredentialsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "master.key")));

        JsonElement me = await CliJsonAsync(ProfileEnvironment(), "sts", "get-caller-identity");
        Assert.Equal(_server.AccountId, me.GetProperty("Account").GetString());
        Assert.Equal($"arn:aws:iam::{_server.AccountId}:root", me.GetProperty("Arn").GetString());
    }

    [RealClientFact("aws")]
    public async Task The_cli_creates_a_role_assumes_it_and_calls_as_the_role()
    {
        string trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{_server.AccountId}}:root"},"Action":"sts:AssumeRole"}]}""";
        JsonElement role = await CliJsonAsync(ProfileEnvironment(), "iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document", trust);
        string arn = role.GetProperty("Role").GetProperty("Arn").GetString()!;
        Assert.Equal($"arn:aws:iam::{_server.AccountId}:role/cabrole", arn);

        JsonElement assumed = await CliJsonAsync(ProfileEnvironment(), "sts", "assume-role", "--role-arn", arn, "--role-session-name", "cli-session");
        JsonElement credentials = assumed.GetProperty("Credentials");
        var session = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.GetProperty("AccessKeyId").GetString()!,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.GetProperty("SecretAccessKey").GetString()!,
            ["AWS_SESSION_TOKEN"] = credentials.GetProperty("SessionToken").GetString()!,
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/arca-test/credentials",
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
        };
        JsonElement me = await CliJsonAsync(session, "sts", "get-caller-identity");
        Assert.Equal($"arn:aws:sts::{_server.AccountId}:assumed-role/cabrole/cli-session", me.GetProperty("Arn").GetString());

        ToolRun.Result missing = await CliAsync(ProfileEnvironment(), "iam", "get-role", "--role-name", "nope");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(NoSuchEntity)", missing.Stderr);
        Assert.Contains("The role with name nope cannot be found.", missing.Stderr);
    }

    [RealClientFact("node")]
    public async Task The_js_sdk_drives_sts_and_iam_and_parses_every_error_shape()
    {
        (string keyId, string secret) = _server.RootKey();
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result result = await ToolRun.RunAsync("node", [Path.Combine(clients, "sts-iam.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = _server.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = keyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
        }, clients);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{\"done\":true}", result.Stdout);
    }

    [Fact]
    public async Task The_server_stops_on_sigterm_with_exit_0_and_reuses_its_account_and_rewrites_lost_credentials()
    {
        string accountId = _server.AccountId;
        (string keyId, string secret) = _server.RootKey();
        Assert.Equal(0, await _server.TerminateAsync());
        File.Delete(_server.CredentialsFile);

        await using ArcaServerProcess again = await ArcaServerProcess.StartAsync(_dir);
        Assert.Equal((accountId, false), (again.AccountId, again.AccountCreated));
        Assert.Equal((keyId, secret), again.RootKey());
        Assert.Equal(0, await again.TerminateAsync());
    }

    [Fact]
    public async Task Invalid_options_are_refused_at_start_up_naming_the_option()
    {
        ToolRun.Result result = await ToolRun.RunAsync("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "arca.dll"), "server", "--data-dir", _dir, "--listen", "ftp://x", "--regions", "us-east-1,Mars"],
            new Dictionary<string, string>());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--listen 'ftp://x'", result.Stderr);
        Assert.Contains("'Mars'", result.Stderr);
    }

    private Dictionary<string, string> ProfileEnvironment() => new()
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
