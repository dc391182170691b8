using System.Text.Json;

namespace Arca.Tests.Server;

/// <summary><c>arca resource …</c> end to end against a real <c>arca server</c> process, with the AWS CLI's client conventions.</summary>
public sealed class ResourceCliTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-resource-cli-").FullName;
    private ArcaServerProcess _server = null!;

    private string Data => Path.Combine(_dir, "web");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Data);
        _server = await ArcaServerProcess.StartAsync(Path.Combine(_dir, "server"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Register_prints_the_arn_and_list_describe_tag_untag_and_deregister_work()
    {
        string arn = $"arn:aws:arca:us-east-1:{_server.AccountId}:directory/web";
        ToolRun.Result registered = await ArcaAsync("resource", "register", "--type", "Directory", "--name", "web", "--path", Data, "--tags", "backup=cab,env=prod");
        Assert.True(registered.ExitCode == 0, registered.ToString());
        Assert.Equal(arn, registered.Stdout.Trim());

        JsonElement listed = await ArcaJsonAsync("resource", "list");
        JsonElement resource = Assert.Single(listed.GetProperty("Resources").EnumerateArray());
        Assert.Equal((arn, Data, "cab"), (resource.GetProperty("ResourceArn").GetString(), resource.GetProperty("Path").GetString(), resource.GetProperty("Tags").GetProperty("backup").GetString()));

        Assert.Equal(0, (await ArcaAsync("resource", "tag", arn, "--tags", "tier=1")).ExitCode);
        Assert.Equal(0, (await ArcaAsync("resource", "untag", arn, "--tag-keys", "env")).ExitCode);
        ToolRun.Result described = await ArcaAsync("resource", "describe", arn);
        Assert.Contains("Tags: backup=cab,tier=1", described.Stdout, StringComparison.Ordinal);
        Assert.Contains($"ResourceArn: {arn}", described.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await ArcaAsync("resource", "deregister", arn)).ExitCode);
        ToolRun.Result gone = await ArcaAsync("resource", "describe", arn);
        Assert.Equal(1, gone.ExitCode);
        Assert.Equal($"arca: error: (ResourceNotFoundException) Resource {arn} is not registered in account {_server.AccountId} and region us-east-1", gone.Stderr.Trim());
    }

    [Fact]
    public async Task Bad_input_is_one_clear_line_and_a_password_is_never_shown()
    {
        ToolRun.Result missing = await ArcaAsync("resource", "register", "--type", "Directory", "--name", "gone", "--path", Path.Combine(_dir, "missing"));
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("arca: error: (InvalidParameterValueException) Path: ", missing.Stderr, StringComparison.Ordinal);
        Assert.Single(missing.Stderr.Trim().Split('\n'));

        ToolRun.Result badTags = await ArcaAsync("resource", "register", "--type", "Directory", "--name", "web", "--path", Data, "--tags", "novalue");
        Assert.Equal(("arca: error: --tags: 'novalue' is not KEY=VALUE", 1), (badTags.Stderr.Trim(), badTags.ExitCode));

        const string Secret = "pw-4c1d-never-shown";
        ToolRun.Result postgres = await ArcaWithInputAsync(
            $"Host=127.0.0.1;Port=1;Username=app;Password={Secret};Database=app;Timeout=2\n", "resource", "register", "--type", "PostgreSQL", "--name", "db", "--connection-string", "-", "--json");
        Assert.Equal(1, postgres.ExitCode);
        Assert.StartsWith("arca: error: (InvalidParameterValueException) ConnectionString: ", postgres.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("(InvalidParameterValueException) ConnectionString: ", JsonDocument.Parse(postgres.Stdout).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, postgres.Stdout + postgres.Stderr, StringComparison.Ordinal);

        ToolRun.Result noEndpoint = await ToolRun.RunAsync("dotnet", [ArcaDll, "resource", "list", "--region", "us-east-1"], Environment());
        Assert.Equal(("arca: error: No endpoint: give --endpoint-url, set AWS_ENDPOINT_URL, or set endpoint_url in the profile.", 1), (noEndpoint.Stderr.Trim(), noEndpoint.ExitCode));
    }

    private static string ArcaDll => Path.Combine(AppContext.BaseDirectory, "arca.dll");

    private Dictionary<string, string> Environment() => new()
    {
        ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
        ["AWS_PROFILE"] = "management",
    };

    private Task<ToolRun.Result> ArcaAsync(params string[] arguments) => ArcaWithInputAsync(null, arguments);

    private Task<ToolRun.Result> ArcaWithInputAsync(string? standardInput, params string[] arguments) =>
        ToolRun.RunAsync("dotnet", [ArcaDll, .. arguments, "--region", "us-east-1", "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/')], Environment(), standardInput: standardInput);

    private async Task<JsonElement> ArcaJsonAsync(params string[] arguments)
    {
        ToolRun.Result result = await ArcaAsync([.. arguments, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
