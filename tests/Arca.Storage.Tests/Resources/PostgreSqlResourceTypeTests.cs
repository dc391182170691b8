using Arca.Storage.Backup;
using Arca.Storage.Resources;
using Npgsql;

namespace Arca.Storage.Tests.Resources;

[RequiresPostgreSql]
public sealed class PostgreSqlResourceTypeTests : ResourceTypeConformance, IClassFixture<PostgresCluster>
{
    private const string WrongPassword = "wrong-password-6b1f";
    private readonly PostgresCluster _pg;
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];

    public PostgreSqlResourceTypeTests(PostgresCluster pg)
    {
        _pg = pg;
        Directory.CreateDirectory(Scratch);
        Type = new PostgreSqlResourceType(new ResourceTypeOptions { ScratchDirectory = Scratch });
    }

    protected override IResourceType Type { get; }

    protected override string ExpectedName => "PostgreSQL";

    protected override IReadOnlyList<string> ExpectedMetadataKeys => ["ConnectionString", "DatabaseName", "Overwrite"];

    protected override IEnumerable<string> Secrets => [_pg.Password, WrongPassword];

    private string Scratch => Fixture.Dir.Sub("scratch");

    protected override async Task<ResourceDefinition> CreateSourceAsync(int seed)
    {
        var database = $"src_{_id}_{seed}";
        await _pg.ExecuteAsync("postgres", $"CREATE DATABASE {database}");
        await PostgreSqlData.FillAsync(_pg, database, seed);
        return ResourceDefinition.ForPostgreSql(_pg.ConnectionString(database));
    }

    protected override Task<string> DescribeSourceAsync(ResourceDefinition source) =>
        PostgreSqlData.DescribeAsync(_pg, new NpgsqlConnectionStringBuilder(source.ConnectionString).Database!);

    protected override Task<string> DescribeRestoredAsync(string restoredTo) => PostgreSqlData.DescribeAsync(_pg, restoredTo);

    protected override Dictionary<string, string> NewTargetMetadata(string name) => new()
    {
        ["ConnectionString"] = _pg.ConnectionString("postgres"),
        ["DatabaseName"] = $"t_{_id}_{name}",
    };

    protected override async Task<string> CreateExistingTargetAsync(string name)
    {
        var database = $"t_{_id}_{name}";
        await _pg.ExecuteAsync("postgres", $"CREATE DATABASE {database}");
        await _pg.ExecuteAsync(database, "CREATE TABLE precious (x text)", "INSERT INTO precious VALUES ('keep me')");
        return database;
    }

    protected override Dictionary<string, string> WithCredentials(IReadOnlyDictionary<string, string> metadata)
    {
        var result = new Dictionary<string, string>(metadata);
        result["ConnectionString"] = new NpgsqlConnectionStringBuilder(metadata["ConnectionString"]) { Password = _pg.Password }.ConnectionString;
        return result;
    }

    protected override IEnumerable<(ResourceDefinition Definition, string Field)> InvalidDefinitions()
    {
        yield return (new ResourceDefinition { Type = "PostgreSQL" }, "ConnectionString");
        yield return (ResourceDefinition.ForPostgreSql($"Host=127.0.0.1;Password={_pg.Password};Bogus=1"), "ConnectionString");
        yield return (ResourceDefinition.ForPostgreSql($"Port=5432;Database=x;Password={_pg.Password}"), "ConnectionString");
        yield return (ResourceDefinition.ForPostgreSql(_pg.ConnectionString("postgres") + ";Database="), "ConnectionString");
        yield return (ResourceDefinition.ForPostgreSql(_pg.ConnectionString("no_such_database")), "ConnectionString");
        yield return (ResourceDefinition.ForPostgreSql(_pg.ConnectionString("postgres", WrongPassword)), "ConnectionString");
        yield return (ResourceDefinition.ForPostgreSql(StoppedServer("postgres")), "ConnectionString");
        yield return (ResourceDefinition.ForPostgreSql(_pg.ConnectionString("postgres")) with { Path = "/srv/db" }, "Path");
    }

    protected override IEnumerable<(Dictionary<string, string> Metadata, string Key)> InvalidMetadata()
    {
        yield return (new(NewTargetMetadata("x")) { ["ConnectionString"] = "Host=127.0.0.1;Nonsense=1" }, "ConnectionString");
        yield return (new(NewTargetMetadata("x")) { ["ConnectionString"] = "Database=postgres" }, "ConnectionString");
        yield return (new(NewTargetMetadata("x")) { ["DatabaseName"] = new string('d', 64) }, "DatabaseName");
        yield return (new(NewTargetMetadata("x")) { ["DatabaseName"] = "postgres" }, "DatabaseName");
    }

    protected override IEnumerable<ResourceDefinition> UnreadableSources()
    {
        yield return ResourceDefinition.ForPostgreSql(_pg.ConnectionString("postgres", WrongPassword));
        yield return ResourceDefinition.ForPostgreSql(StoppedServer("postgres"));
        yield return ResourceDefinition.ForPostgreSql(_pg.ConnectionString("no_such_database"));
    }

    [ResourceFact]
    public async Task Restore_metadata_names_the_original_server_and_database_but_never_the_password()
    {
        var source = await CreateSourceAsync(20);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());

        var metadata = Type.GetRestoreMetadata(backup.Manifest);
        var server = new NpgsqlConnectionStringBuilder(metadata["ConnectionString"]);
        Assert.Equal(("127.0.0.1", _pg.Port, "postgres", null), (server.Host, server.Port, server.Username, server.Password));
        Assert.Equal($"src_{_id}_20", metadata["DatabaseName"]);
        Assert.Equal($"src_{_id}_20", backup.Manifest.Tags[ResourceTags.Database]);
        Assert.Matches(@"^\d+\.\d+", backup.Manifest.Tags[ResourceTags.ServerVersion]);
    }

    [ResourceFact]
    public async Task Overwrite_replaces_a_database_that_has_open_connections_and_leaves_no_temporary_database()
    {
        var source = await CreateSourceAsync(21);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());
        var existing = await CreateExistingTargetAsync("busy");
        await using var open = await _pg.OpenAsync(existing);

        var metadata = NewTargetMetadata("busy");
        metadata["Overwrite"] = "true";
        await Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata);
        Assert.Equal(await DescribeSourceAsync(source), await DescribeRestoredAsync(existing));
        Assert.DoesNotContain(await _pg.DatabasesAsync(), d => d.StartsWith("arca_restore_", StringComparison.Ordinal));
    }

    [ResourceFact]
    public async Task A_failed_pg_restore_reports_its_error_and_creates_no_database()
    {
        var tree = Fixture.Source("bad-dump");
        TreeBuilder.File(tree, "database.dump", "this is not a pg_dump archive"u8.ToArray());
        TreeBuilder.File(tree, "resource.json", """{"version":1,"type":"PostgreSQL","file":"database.dump","size":29,"encoding":"UTF8"}"""u8.ToArray());
        var vault = await Fixture.InitAsync();
        var options = new BackupOptions { Tags = new Dictionary<string, string> { [ResourceTags.ResourceType] = "PostgreSQL" } };
        var backup = await DirectoryBackup.RunAsync(vault, tree, options);

        var metadata = NewTargetMetadata("bad");
        var e = await Assert.ThrowsAsync<ResourceRestoreException>(() => Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata));
        Assert.Contains("pg_restore exited with code", e.Message, StringComparison.Ordinal);
        var databases = await _pg.DatabasesAsync();
        Assert.DoesNotContain(metadata["DatabaseName"], databases);
        Assert.DoesNotContain(databases, d => d.StartsWith("arca_restore_", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Scratch));
    }

    [ResourceFact]
    public async Task Missing_tools_give_a_clear_error_and_no_recovery_point()
    {
        var empty = Fixture.Source("empty-bin");
        var type = new PostgreSqlResourceType(new ResourceTypeOptions { PostgreSqlBinDirectory = empty, ScratchDirectory = Scratch });
        var source = await CreateSourceAsync(22);
        var vault = await Fixture.InitAsync();

        var e = await Assert.ThrowsAsync<ResourceBackupException>(() => type.BackupAsync(vault, source, new BackupOptions()));
        Assert.Contains("pg_dump was not found in " + empty, e.Message, StringComparison.Ordinal);
        await AssertVaultHoldsNothingAsync(vault);

        var backup = await Type.BackupAsync(vault, source, new BackupOptions());
        var r = await Assert.ThrowsAsync<ResourceRestoreException>(() => type.RestoreAsync(vault.Reader, backup.RecoveryPointId, NewTargetMetadata("no-tools")));
        Assert.Contains("pg_restore was not found in " + empty, r.Message, StringComparison.Ordinal);
    }

    [ResourceFact]
    public async Task The_password_reaches_pg_dump_only_through_its_environment_and_is_scrubbed_from_its_errors()
    {
        // A stand-in pg_dump that records its arguments and fails, echoing the password it was given.
        var bin = Fixture.Source("fake-bin");
        var script = Path.Combine(bin, "pg_dump");
        File.WriteAllText(script, """
            #!/bin/sh
            printf '%s\n' "$@" > "$(dirname "$0")/args"
            printf '%s' "$PGPASSWORD" > "$(dirname "$0")/env-password"
            echo "pg_dump: error: server said no to password $PGPASSWORD" >&2
            exit 1
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var type = new PostgreSqlResourceType(new ResourceTypeOptions { PostgreSqlBinDirectory = bin, ScratchDirectory = Scratch });
        var source = await CreateSourceAsync(23);
        var vault = await Fixture.InitAsync();

        var e = await Assert.ThrowsAsync<ResourceBackupException>(() => type.BackupAsync(vault, source, new BackupOptions()));
        Assert.Contains("server said no to password ***", e.Message, StringComparison.Ordinal);
        AssertNoSecret(e);
        Assert.DoesNotContain(_pg.Password, File.ReadAllText(Path.Combine(bin, "args")), StringComparison.Ordinal);
        Assert.Equal(_pg.Password, File.ReadAllText(Path.Combine(bin, "env-password")));
        await AssertVaultHoldsNothingAsync(vault);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Scratch));
    }

    private static string StoppedServer(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = PostgresCluster.FreePort(), Username = "postgres", Password = WrongPassword, Database = database, Timeout = 5 }.ConnectionString;
}
