using Arca.Control.Backup;
using Arca.Control.Identity;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup;

public sealed class RegionSettingsServiceTests
{
    private readonly BackupFixture _f = new();

    [Fact]
    public async Task Arca_supports_its_three_resource_types_all_opted_in_by_default()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Assert.Equal(["Directory", "PostgreSQL", "SQLite"], await _f.Settings.GetSupportedResourceTypesAsync(root));
        RegionSettings settings = await _f.Settings.DescribeAsync(root);
        Assert.Equal(["Directory", "PostgreSQL", "SQLite"], settings.ResourceTypeOptInPreference.Keys.Order(StringComparer.Ordinal));
        Assert.All(settings.ResourceTypeOptInPreference.Values, Assert.True);
        Assert.All(settings.ResourceTypeManagementPreference.Values, Assert.True);
    }

    [Fact]
    public async Task Updates_change_only_the_named_types_in_the_callers_region()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.Settings.UpdateAsync(root, new Dictionary<string, bool> { ["SQLite"] = false }, null);
        await _f.Settings.UpdateAsync(root, null, new Dictionary<string, bool> { ["Directory"] = false });

        RegionSettings settings = await _f.Settings.DescribeAsync(root);
        Assert.False(settings.IsOptedIn("SQLite"));
        Assert.True(settings.IsOptedIn("Directory"));
        Assert.False(settings.ResourceTypeManagementPreference["Directory"]);
        Assert.True((await _f.Settings.DescribeAsync(root with { Region = "eu-west-1" })).IsOptedIn("SQLite"));
        Assert.True((await _f.Settings.DescribeAsync(await _f.NewRootAsync("other"))).IsOptedIn("SQLite"));
    }

    [Fact]
    public async Task Unknown_types_are_refused_naming_them()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await Throws(() => _f.Settings.UpdateAsync(root, new Dictionary<string, bool> { ["EBS"] = true, ["SQLite"] = true, ["Aurora"] = false }, null),
            "InvalidParameterValueException",
            "ResourceTypeOptInPreference: 'Aurora', 'EBS' are not resource types Arca supports (supported: Directory, PostgreSQL, SQLite)");
        await Throws(() => _f.Settings.UpdateAsync(root, null, new Dictionary<string, bool> { ["sqlite"] = true }),
            "InvalidParameterValueException", "ResourceTypeManagementPreference: 'sqlite' is not a resource type");
        await Throws(() => _f.Settings.UpdateAsync(root, null, null), "MissingParameterValueException", "ResourceTypeOptInPreference or ResourceTypeManagementPreference");
        Assert.True((await _f.Settings.DescribeAsync(root)).IsOptedIn("SQLite"));
    }
}
