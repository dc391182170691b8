using Arca.Storage.Format;
using Arca.Storage.Resources;

namespace Arca.Storage.Tests.Resources;

public sealed class ResourceTypeRegistryTests
{
    [Fact]
    public void The_default_registry_holds_the_three_types_under_their_persisted_names()
    {
        var registry = ResourceTypeRegistry.CreateDefault();
        Assert.Equal(["Directory", "PostgreSQL", "SQLite"], registry.Names);
        Assert.IsType<DirectoryResourceType>(registry.Get("Directory"));
        Assert.IsType<SqliteResourceType>(registry.Get("SQLite"));
        Assert.IsType<PostgreSqlResourceType>(registry.Get("PostgreSQL"));
    }

    [Fact]
    public void An_unknown_type_name_is_a_validation_error_naming_the_Type_field()
    {
        var e = Assert.Throws<ResourceValidationException>(() => ResourceTypeRegistry.CreateDefault().Get("sqlite"));
        Assert.Equal("Type", e.Field);
        Assert.Contains("Directory, PostgreSQL, SQLite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_types_with_one_name_cannot_be_registered()
    {
        Assert.Throws<ArgumentException>(() => new ResourceTypeRegistry([new DirectoryResourceType(), new DirectoryResourceType()]));
    }

    [Fact]
    public void A_recovery_point_of_an_unknown_type_is_refused_and_an_untagged_one_is_a_directory()
    {
        var registry = ResourceTypeRegistry.CreateDefault();
        var manifest = new Manifest
        {
            Version = 1,
            Time = DateTimeOffset.UnixEpoch,
            Source = "/srv",
            Hostname = "h",
            Tree = default,
            Root = new TreeNode { Name = ".", Type = NodeType.Dir },
            Summary = new BackupSummary(),
        };
        Assert.Equal("Directory", registry.ForRecoveryPoint(manifest).Name);

        var future = manifest with { Tags = new Dictionary<string, string> { [ResourceTags.ResourceType] = "VolumeImage" } };
        var e = Assert.Throws<ResourceRestoreException>(() => registry.ForRecoveryPoint(future));
        Assert.Contains("VolumeImage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_never_prints_its_connection_string()
    {
        var definition = ResourceDefinition.ForPostgreSql("Host=db;Database=app;Password=hunter2-secret");
        Assert.DoesNotContain("hunter2-secret", definition.ToString(), StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", definition.ToString(), StringComparison.Ordinal);
    }
}
