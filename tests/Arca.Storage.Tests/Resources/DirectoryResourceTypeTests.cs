using Arca.Storage.Backup;
using Arca.Storage.Resources;

namespace Arca.Storage.Tests.Resources;

public sealed class DirectoryResourceTypeTests : ResourceTypeConformance
{
    protected override IResourceType Type { get; } = new DirectoryResourceType();

    protected override string ExpectedName => "Directory";

    protected override IReadOnlyList<string> ExpectedMetadataKeys => ["TargetPath", "Overwrite"];

    protected override Task<ResourceDefinition> CreateSourceAsync(int seed)
    {
        var src = Fixture.Source("src" + seed);
        TreeBuilder.File(src, "a.txt", TreeBuilder.Text(20_000, seed), 1_700_000_000);
        TreeBuilder.File(src, "bin/random.dat", TreeBuilder.Random(70_000, seed), 1_700_000_100);
        TreeBuilder.File(src, "bin/empty", [], 1_700_000_200);
        TreeBuilder.File(src, "deep/er/x", TreeBuilder.Random(10, seed + 1));
        Directory.CreateDirectory(Path.Combine(src, "empty-dir"));
        File.CreateSymbolicLink(Path.Combine(src, "link-to-a"), "a.txt");
        File.SetUnixFileMode(Path.Combine(src, "bin/random.dat"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return Task.FromResult(ResourceDefinition.ForDirectory(src));
    }

    protected override Task<string> DescribeSourceAsync(ResourceDefinition source) => Task.FromResult(Describe(source.Path!));

    protected override Task<string> DescribeRestoredAsync(string restoredTo) => Task.FromResult(Describe(restoredTo));

    protected override Dictionary<string, string> NewTargetMetadata(string name) => new() { ["TargetPath"] = Fixture.Dir.Sub(name) };

    protected override Task<string> CreateExistingTargetAsync(string name)
    {
        // Only entries the recovery point also has, so an overwriting restore must reproduce the source exactly.
        var path = Fixture.Dir.Sub(name);
        TreeBuilder.File(path, "a.txt", "older content"u8.ToArray());
        TreeBuilder.File(path, "bin/empty", "not empty"u8.ToArray());
        return Task.FromResult(path);
    }

    protected override IEnumerable<(ResourceDefinition Definition, string Field)> InvalidDefinitions()
    {
        var file = Fixture.Dir.Sub("plain-file");
        File.WriteAllText(file, "x");
        yield return (new ResourceDefinition { Type = "Directory" }, "Path");
        yield return (ResourceDefinition.ForDirectory(""), "Path");
        yield return (ResourceDefinition.ForDirectory("relative/dir"), "Path");
        yield return (ResourceDefinition.ForDirectory(Fixture.Dir.Sub("missing")), "Path");
        yield return (ResourceDefinition.ForDirectory(file), "Path");
        yield return (ResourceDefinition.ForDirectory(Fixture.Dir.Path) with { ConnectionString = "Host=x" }, "ConnectionString");
    }

    protected override IEnumerable<(Dictionary<string, string> Metadata, string Key)> InvalidMetadata()
    {
        yield return (new() { ["TargetPath"] = "relative/target" }, "TargetPath");
        yield return (new() { ["TargetPath"] = "/tmp/a\0b" }, "TargetPath");
    }

    protected override IEnumerable<ResourceDefinition> UnreadableSources()
    {
        var file = Fixture.Dir.Sub("not-a-dir");
        File.WriteAllText(file, "x");
        yield return ResourceDefinition.ForDirectory(Fixture.Dir.Sub("missing"));
        yield return ResourceDefinition.ForDirectory(file);
    }

    [Fact]
    public async Task Restore_metadata_points_at_the_original_directory()
    {
        var source = await CreateSourceAsync(20);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());

        Assert.Equal(source.Path, Type.GetRestoreMetadata(backup.Manifest)["TargetPath"]);
        Assert.Equal(source.Path, backup.Manifest.Tags[ResourceTags.SourcePath]);
    }

    [Fact]
    public async Task An_untagged_recovery_point_of_the_plain_engine_restores_as_a_directory()
    {
        var source = await CreateSourceAsync(21);
        var vault = await Fixture.InitAsync();
        var plain = await DirectoryBackup.RunAsync(vault, source.Path!, new BackupOptions());

        Assert.Equal("Directory", ResourceTypeRegistry.CreateDefault().ForRecoveryPoint(plain.Manifest).Name);
        var restored = await Type.RestoreAsync(vault.Reader, plain.RecoveryPointId, NewTargetMetadata("plain"));
        Assert.Equal(Describe(source.Path!), Describe(restored.RestoredTo));
    }

    [Fact]
    public async Task Restore_into_an_existing_empty_directory_needs_no_overwrite()
    {
        var source = await CreateSourceAsync(22);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());
        Directory.CreateDirectory(Fixture.Dir.Sub("empty"));

        var restored = await Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, NewTargetMetadata("empty"));
        Assert.Equal(Describe(source.Path!), Describe(restored.RestoredTo));
    }

    private static string Describe(string path) =>
        string.Join('\n', TreeBuilder.Describe(path).Select(kv => $"{kv.Key}: {kv.Value}"));
}
