using Arca.Control.Backup;
using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Control.Tests.Organizations;

namespace Arca.Control.Tests.Backup;

/// <summary>Backup's global settings (the tutorial's step 1) and the cross-account queries built on them and on trusted access.</summary>
public sealed class GlobalSettingsServiceTests : IAsyncLifetime
{
    private readonly OrganizationFixture _f = new();
    private GlobalSettingsService _settings = null!;
    private CrossAccountMonitoring _monitoring = null!;
    private CallerIdentity _management = null!;
    private Organization _organization = null!;

    public async Task InitializeAsync()
    {
        _settings = new GlobalSettingsService(_f.Store, _f.Authorizer, _f.Membership, _f.Time);
        _monitoring = new CrossAccountMonitoring(_f.Membership, _f.ServiceAccess, _f.Delegated);
        (_management, _organization) = await _f.NewOrganizationAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_management_account_enables_cross_account_backup_and_every_member_sees_it()
    {
        (_, CallerIdentity member) = await _f.NewMemberAsync(_management, "m");
        Assert.Equal(GlobalSettings.Default, await _settings.DescribeAsync(member));
        Assert.False(await new CrossAccountBackup(_settings).IsEnabledAsync(_organization.Id));

        _f.Time.Advance(TimeSpan.FromMinutes(3));
        await _settings.UpdateAsync(_management, new Dictionary<string, string?> { ["isCrossAccountBackupEnabled"] = "true" });
        _f.Time.Advance(TimeSpan.FromMinutes(3));
        await _settings.UpdateAsync(_management, new Dictionary<string, string?> { ["isMpaEnabled"] = "TRUE", ["isDelegatedAdministratorEnabled"] = "false" });

        GlobalSettings described = await _settings.DescribeAsync(member);
        Assert.Equal(new GlobalSettings(true, true, false, ControlFixture.T0.AddMinutes(6)), described);
        Assert.Equal("true", described.ToMap()["isCrossAccountBackupEnabled"]);
        Assert.True(await new CrossAccountBackup(_settings).IsEnabledAsync(_organization.Id));
    }

    [Fact]
    public async Task Members_and_standalone_accounts_are_refused_with_invalid_request()
    {
        (_, CallerIdentity member) = await _f.NewMemberAsync(_management, "m");
        var e = await OrganizationFixture.FailsAsync("InvalidRequestException",
            () => _settings.UpdateAsync(member, new Dictionary<string, string?> { ["isCrossAccountBackupEnabled"] = "true" }));
        Assert.Contains("management account", e.Message, StringComparison.Ordinal);
        CallerIdentity standalone = await _f.NewRootAsync("alone");
        e = await OrganizationFixture.FailsAsync("InvalidRequestException", () => _settings.DescribeAsync(standalone));
        Assert.Equal(400, e.HttpStatus);
        Assert.Contains("not a member of an organization", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "MissingParameterValueException", "GlobalSettings")]
    [InlineData("isCrossAccountBackupEnable", "true", "InvalidParameterValueException", "isCrossAccountBackupEnable")]
    [InlineData("isCrossAccountBackupEnabled", "yes", "InvalidParameterValueException", "isCrossAccountBackupEnabled")]
    [InlineData("isMpaEnabled", null, "InvalidParameterValueException", "isMpaEnabled")]
    public async Task Bad_settings_name_the_key(string? key, string? value, string code, string named)
    {
        Dictionary<string, string?>? settings = key is null ? null : new() { [key] = value };
        var e = await OrganizationFixture.FailsAsync(code, () => _settings.UpdateAsync(_management, settings));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_needs_trusted_access_and_a_monitoring_account()
    {
        (string admin, CallerIdentity adminRoot) = await _f.NewMemberAsync(_management, "admin");
        (_, CallerIdentity member) = await _f.NewMemberAsync(_management, "m");
        Assert.True(await _monitoring.IsMonitoringAccountAsync(_management));
        Assert.Null(await _monitoring.MonitoredOrganizationAsync(_management));

        await _f.ServiceAccess.EnableAwsServiceAccessAsync(_management, "backup.amazonaws.com");
        await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, admin, "backup.amazonaws.com");
        Assert.True(await _monitoring.IsEnabledAsync(_organization.Id));
        Assert.Equal(_organization.Id, await _monitoring.MonitoredOrganizationAsync(_management));
        Assert.Equal(_organization.Id, await _monitoring.MonitoredOrganizationAsync(adminRoot));
        Assert.False(await _monitoring.IsMonitoringAccountAsync(member));
        Assert.Null(await _monitoring.MonitoredOrganizationAsync(member));
        Assert.False(await _monitoring.IsMonitoringAccountAsync(await _f.NewRootAsync("alone")));
    }
}
