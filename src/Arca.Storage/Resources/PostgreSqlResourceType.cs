using System.ComponentModel;
using System.Globalization;
using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources.Internal;

namespace Arca.Storage.Resources;

/// <summary>
/// A PostgreSQL database (<see cref="ResourceTypeNames.PostgreSql"/>). Backup runs
/// <c>pg_dump --format=custom</c> (one consistent snapshot of the database, taken by pg_dump's own
/// repeatable-read transaction) into a private scratch directory and backs up <c>database.dump</c> plus
/// <c>resource.json</c>. The password reaches the tools only through PGPASSWORD. Restore metadata:
/// <c>ConnectionString</c> (the server to restore into; its Database, default "postgres", is only used
/// to create the new one), <c>DatabaseName</c> (the database to create) and <c>Overwrite</c> ("true"
/// replaces an existing database of that name). pg_restore runs into a fresh temporary database, which
/// is renamed to DatabaseName only once pg_restore succeeded.
/// </summary>
public sealed partial class PostgreSqlResourceType(ResourceTypeOptions? options = null) : IResourceType
{
    /// <summary>The dump's file name inside a PostgreSQL recovery point.</summary>
    private const string DataFile = "database.dump";
    private const string ConnectionField = nameof(ResourceDefinition.ConnectionString);
    private static readonly string[] Keys = [RestoreMetadataKeys.ConnectionString, RestoreMetadataKeys.DatabaseName, RestoreMetadataKeys.Overwrite];
    private readonly ResourceTypeOptions _options = options ?? new ResourceTypeOptions();

    public string Name => ResourceTypeNames.PostgreSql;

    public IReadOnlyList<string> MetadataKeys => Keys;

    public async Task ValidateAsync(ResourceDefinition definition, CancellationToken cancellationToken = default)
    {
        var (info, database) = Check(definition);
        var connection = await PostgresServer.OpenAsync(info, database, ConnectionField, cancellationToken).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    public async Task<BackupResult> BackupAsync(Vault vault, ResourceDefinition definition, BackupOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(options);
        PostgresConnectionInfo info;
        string database;
        (string ServerVersion, string Encoding) facts;
        try
        {
            (info, database) = Check(definition);
            var connection = await PostgresServer.OpenAsync(info, database, ConnectionField, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                facts = await PostgresServer.FactsAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ResourceValidationException e)
        {
            throw new ResourceBackupException($"PostgreSQL backup failed: {e.Message}", e);
        }

        var what = $"PostgreSQL backup of {info.Describe(database)}";
        var pgDump = FindTool("pg_dump", what, m => new ResourceBackupException(m));
        using var scratch = ScratchDirectory.Create(_options.ScratchDirectory, "arca-pgdump-");
        var tree = scratch.Sub("tree");
        Directory.CreateDirectory(tree);
        var dump = Path.Combine(tree, DataFile);
        var run = await RunToolAsync(pgDump, ["--format=custom", "--no-password", "--file=" + dump], info, database, what, m => new ResourceBackupException(m), cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new ResourceBackupException($"{what} failed: pg_dump exited with code {run.ExitCode}: {info.Scrub(run.Stderr)}");
        }

        var version = await RunToolAsync(pgDump, ["--version"], info, database, what, m => new ResourceBackupException(m), cancellationToken).ConfigureAwait(false);
        new ResourceInfo
        {
            Version = ResourceInfo.CurrentVersion,
            Type = Name,
            File = DataFile,
            Size = new FileInfo(dump).Length,
            Host = info.Host,
            Port = info.Port,
            Username = info.Username,
            Database = database,
            Encoding = facts.Encoding,
            ServerVersion = facts.ServerVersion,
            DumpTool = version.Stdout,
        }.WriteTo(tree);
        var tags = new Dictionary<string, string>
        {
            [ResourceTags.ResourceType] = Name,
            [ResourceTags.Database] = database,
            [ResourceTags.ServerVersion] = facts.ServerVersion,
            [ResourceTags.Host] = info.Host,
            [ResourceTags.Port] = info.Port.ToString(CultureInfo.InvariantCulture),
        };
        if (info.Username is not null)
        {
            tags[ResourceTags.Username] = info.Username;
        }

        var labelled = options with { SourceLabel = options.SourceLabel ?? $"postgresql://{info.Host}:{info.Port.ToString(CultureInfo.InvariantCulture)}/{database}" };
        return await Staging.BackupStagedAsync(vault, tree, Staging.WithTags(labelled, tags), what, cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyDictionary<string, string> GetRestoreMetadata(Manifest manifest)
    {
        Staging.RequireType(manifest, Name);
        var port = int.TryParse(manifest.Tags.GetValueOrDefault(ResourceTags.Port), CultureInfo.InvariantCulture, out var p) ? p : 5432;
        var host = manifest.Tags.GetValueOrDefault(ResourceTags.Host) ?? "localhost";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RestoreMetadataKeys.ConnectionString] = PostgresConnectionInfo.WithoutPassword(host, port, manifest.Tags.GetValueOrDefault(ResourceTags.Username), "postgres"),
            [RestoreMetadataKeys.DatabaseName] = manifest.Tags.GetValueOrDefault(ResourceTags.Database) ?? string.Empty,
            [RestoreMetadataKeys.Overwrite] = "false",
        };
    }

    private (PostgresConnectionInfo Info, string Database) Check(ResourceDefinition definition)
    {
        Staging.RequireType(definition, Name);
        if (definition.Path is not null)
        {
            throw new ResourceValidationException(nameof(ResourceDefinition.Path), "is not used by PostgreSQL resources (the connection string names the database)", null);
        }

        var info = PostgresConnectionInfo.Parse(definition.ConnectionString, ConnectionField);
        return info.Database is { } database
            ? (info, database)
            : throw new ResourceValidationException(ConnectionField, "names no Database", null);
    }

    private string FindTool(string tool, string what, Func<string, Exception> fail)
    {
        try
        {
            return PostgresTools.Find(tool, _options.PostgreSqlBinDirectory);
        }
        catch (FileNotFoundException e)
        {
            throw fail($"{what} failed: {e.Message}");
        }
    }

    private static async Task<ToolResult> RunToolAsync(string tool, string[] arguments, PostgresConnectionInfo info, string database, string what, Func<string, Exception> fail, CancellationToken cancellationToken)
    {
        try
        {
            return await ToolProcess.RunAsync(tool, arguments, env => info.ApplyTo(env, database), cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            throw fail($"{what} failed: cannot run {tool}: {e.Message}");
        }
    }
}
