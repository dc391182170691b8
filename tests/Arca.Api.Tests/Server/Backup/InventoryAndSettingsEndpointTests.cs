using System.Text.Json;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>The resource inventory (Arca's own operations), region settings and supported types over the wire.</summary>
public sealed class InventoryAndSettingsEndpointTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-api-inventory-").FullName;
    private TestServer _server = null!;
    private BackupApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _api = new BackupApi(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_directory_is_registered_described_tagged_listed_and_deregistered()
    {
        string body = JsonSerializer.Serialize(new { Type = "Directory", Name = "web", Path = _dir, Tags = new Dictionary<string, string> { ["backup"] = "cab" } });
        JsonElement registered = await _api.OkAsync("PUT", "/arca/resources", body);
        string arn = registered.GetProperty("ResourceArn").GetString()!;
        Assert.Equal($"arn:aws:arca:us-east-1:{_server.AccountId}:directory/web", arn);
        Assert.Equal(TestServer.T0.ToUnixTimeSeconds(), registered.GetProperty("CreationDate").GetDecimal());

        await _api.OkAsync("POST", $"/tags/{BackupApi.Escape(arn)}", """{"Tags":{"env":"prod"}}""");
        await _api.OkAsync("POST", $"/untag/{BackupApi.Escape(arn)}", """{"TagKeyList":["backup"]}""");
        JsonElement described = await _api.OkAsync("GET", $"/arca/resources/{BackupApi.Escape(arn)}");
        Assert.Equal((_dir, "Directory", "prod"), (described.GetProperty("Path").GetString(), described.GetProperty("ResourceType").GetString(), described.GetProperty("Tags").GetProperty("env").GetString()));
        Assert.False(described.GetProperty("Tags").TryGetProperty("backup", out _));

        JsonElement listed = await _api.OkAsync("GET", "/arca/resources?resourceType=Directory");
        Assert.Equal(arn, listed.GetProperty("Resources")[0].GetProperty("ResourceArn").GetString());
        Assert.False(listed.TryGetProperty("NextToken", out _));

        BackupApi.Reply again = await _api.SendAsync("PUT", "/arca/resources", body);
        Assert.Equal(("AlreadyExistsException", $"Resource {arn} is already registered; deregister it first to change it"), (again.Code, again.Message));
        await _api.OkAsync("DELETE", $"/arca/resources/{BackupApi.Escape(arn)}");
        Assert.Equal("ResourceNotFoundException", (await _api.SendAsync("GET", $"/arca/resources/{BackupApi.Escape(arn)}")).Code);
    }

    [Fact]
    public async Task Another_account_cannot_see_a_resource()
    {
        JsonElement registered = await _api.OkAsync("PUT", "/arca/resources", JsonSerializer.Serialize(new { Type = "Directory", Name = "web", Path = _dir }));
        (string _, Client.AwsCredentials other) = await _server.NewAccountAsync("other");
        BackupApi.Reply denied = await _api.SendAsync("GET", $"/arca/resources/{BackupApi.Escape(registered.GetProperty("ResourceArn").GetString()!)}", credentials: other);
        Assert.Equal((403, "AccessDeniedException"), (denied.Status, denied.Code));
        Assert.Empty((await _api.OkAsync("GET", "/arca/resources", credentials: other)).GetProperty("Resources").EnumerateArray());
    }

    [Fact]
    public async Task A_connection_strings_password_appears_in_no_answer_and_no_log()
    {
        const string Secret = "pw-7d1e-never-shown";
        string body = JsonSerializer.Serialize(new { Type = "PostgreSQL", Name = "db", ConnectionString = $"Host=127.0.0.1;Port=1;Username=app;Password={Secret};Database=app;Timeout=2" });
        BackupApi.Reply refused = await _api.SendAsync("PUT", "/arca/resources", body);
        Assert.Equal((400, "InvalidParameterValueException"), (refused.Status, refused.Code));
        Assert.StartsWith("ConnectionString: ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, _server.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supported_types_and_region_settings_default_to_opted_in_and_update_per_region()
    {
        JsonElement types = await _api.OkAsync("GET", "/supported-resource-types");
        Assert.Equal(["Directory", "PostgreSQL", "SQLite"], types.GetProperty("ResourceTypes").EnumerateArray().Select(t => t.GetString()));

        await _api.OkAsync("PUT", "/account-settings", """{"ResourceTypeOptInPreference":{"SQLite":false}}""");
        JsonElement settings = await _api.OkAsync("GET", "/account-settings");
        Assert.False(settings.GetProperty("ResourceTypeOptInPreference").GetProperty("SQLite").GetBoolean());
        Assert.True(settings.GetProperty("ResourceTypeOptInPreference").GetProperty("Directory").GetBoolean());
        Assert.True(settings.GetProperty("ResourceTypeManagementPreference").GetProperty("PostgreSQL").GetBoolean());
        Assert.True((await _api.OkAsync("GET", "/account-settings", region: "eu-west-1")).GetProperty("ResourceTypeOptInPreference").GetProperty("SQLite").GetBoolean());
    }
}
