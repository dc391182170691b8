using System.Text;
using System.Text.Json;
using Arca.Api.Client;
using Arca.Control.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server;

/// <summary>Backup's global settings over restJson1 on the real listener (the tutorial's step 1).</summary>
public sealed class GlobalSettingsEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_management_account_updates_and_every_member_describes()
    {
        (int status, JsonElement json) = await CallAsync("GET", "/global-settings", null);
        Assert.Equal((400, "InvalidRequestException"), (status, json.GetProperty("Code").GetString()));
        Assert.Contains("not a member of an organization", json.GetProperty("Message").GetString(), StringComparison.Ordinal);

        await OrganizationsAsync("CreateOrganization", "{}");
        (status, json) = await CallAsync("GET", "/global-settings", null);
        Assert.Equal(200, status);
        Assert.Equal("""{"GlobalSettings":{"isCrossAccountBackupEnabled":"false","isMpaEnabled":"false","isDelegatedAdministratorEnabled":"false"}}""", json.GetRawText());

        _server.Time.Advance(TimeSpan.FromSeconds(90));
        (status, json) = await CallAsync("PUT", "/global-settings", """{"GlobalSettings":{"isCrossAccountBackupEnabled":"true"}}""");
        Assert.Equal((200, "{}"), (status, json.GetRawText()));

        string memberId = (await OrganizationsAsync("CreateAccount", """{"Email":"m@example.com","AccountName":"M"}""")).GetProperty("CreateAccountStatus")
            .GetProperty("AccountId").GetString()!;
        IssuedAccessKey key = await _server.Server.Services.GetRequiredService<AccountService>().CreateRootAccessKeyAsync(memberId);
        var member = new AwsCredentials(key.AccessKeyId, key.SecretAccessKey);
        (status, json) = await CallAsync("GET", "/global-settings", null, member);
        Assert.Equal(("true", TestServer.T0.AddSeconds(90).ToUnixTimeSeconds()),
            (json.GetProperty("GlobalSettings").GetProperty("isCrossAccountBackupEnabled").GetString(), (long)json.GetProperty("LastUpdateTime").GetDouble()));
        (status, json) = await CallAsync("PUT", "/global-settings", """{"GlobalSettings":{"isCrossAccountBackupEnabled":"false"}}""", member);
        Assert.Equal((400, "InvalidRequestException"), (status, json.GetProperty("Code").GetString()));
        Assert.Contains("management account", json.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "MissingParameterValueException", "GlobalSettings")]
    [InlineData("""{"GlobalSettings":{}}""", "MissingParameterValueException", "GlobalSettings")]
    [InlineData("""{"GlobalSettings":{"isCrossAccountBackup":"true"}}""", "InvalidParameterValueException", "isCrossAccountBackup")]
    [InlineData("""{"GlobalSettings":{"isMpaEnabled":"on"}}""", "InvalidParameterValueException", "isMpaEnabled")]
    [InlineData("""{"GlobalSettings":{"isMpaEnabled":true}}""", "SerializationException", "GlobalSettings")]
    [InlineData("""{"GlobalSettings":["isMpaEnabled"]}""", "SerializationException", "GlobalSettings")]
    [InlineData("nope", "SerializationException", "JSON")]
    public async Task Bad_settings_get_a_400_naming_the_key(string body, string code, string named)
    {
        await OrganizationsAsync("CreateOrganization", "{}");
        (int status, JsonElement json) = await CallAsync("PUT", "/global-settings", body);
        Assert.True(status == 400 && json.GetProperty("Code").GetString() == code, $"{status} {json.GetRawText()}");
        Assert.Contains(named, json.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> OrganizationsAsync(string operation, string body)
    {
        using HttpResponseMessage response = await _server.Client().PostJsonAsync("organizations", "AWSOrganizationsV20161128." + operation, body);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<(int Status, JsonElement Json)> CallAsync(string method, string path, string? body, AwsCredentials? credentials = null)
    {
        using HttpResponseMessage response = await _server.Client(credentials).SendAsync("backup", method, path,
            body is null ? [] : [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(body ?? string.Empty));
        string text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }
}
