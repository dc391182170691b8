using System.Security.Cryptography;
using System.Text;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources.Internal;
using Npgsql;

namespace Arca.Storage.Resources;

/// <summary>The restore aspect: pg_restore into a temporary database, then rename it to DatabaseName.</summary>
public sealed partial class PostgreSqlResourceType
{
    /// <summary>PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes.</summary>
    private const int MaxNameBytes = 63;

    public async Task<ResourceRestoreResult> RestoreAsync(VaultReader vault, BlobId recoveryPointId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var (info, adminDatabase, name, overwrite) = ParseMetadata(metadata);
        await Staging.LoadOfTypeAsync(vault, recoveryPointId, Name, cancellationToken).ConfigureAwait(false);
        var what = $"PostgreSQL restore into {info.Describe(name)}";
        var pgRestore = FindTool("pg_restore", what, m => new ResourceRestoreException(m));

        NpgsqlConnection admin;
        try
        {
            admin = await PostgresServer.OpenAsync(info, adminDatabase, RestoreMetadataKeys.ConnectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceValidationException e)
        {
            throw new ResourceRestoreException($"{what} failed: {e.Message}", e);
        }

        await using (admin.ConfigureAwait(false))
        {
            if (!overwrite && await PostgresServer.ExistsAsync(admin, name, cancellationToken).ConfigureAwait(false))
            {
                throw Exists(name);
            }

            using var scratch = ScratchDirectory.Create(_options.ScratchDirectory, "arca-pgrestore-");
            var tree = scratch.Sub("tree");
            var staged = await Staging.RestoreStagedAsync(vault, recoveryPointId, tree, Name, cancellationToken).ConfigureAwait(false);
            var dump = Path.Combine(tree, staged.File);
            var temporary = "arca_restore_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            await RunServerAsync(what, info, () => PostgresServer.CreateAsync(admin, temporary, staged.Encoding ?? "UTF8", cancellationToken)).ConfigureAwait(false);
            try
            {
                string[] arguments = ["--no-owner", "--exit-on-error", "--no-password", "--dbname=" + temporary, dump];
                var run = await RunToolAsync(pgRestore, arguments, info, temporary, what, m => new ResourceRestoreException(m), cancellationToken).ConfigureAwait(false);
                if (run.ExitCode != 0)
                {
                    throw new ResourceRestoreException($"{what} failed: pg_restore exited with code {run.ExitCode}: {info.Scrub(run.Stderr)}");
                }

                await PublishAsync(admin, info, temporary, name, overwrite, what, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await DropQuietlyAsync(admin, temporary).ConfigureAwait(false);
                throw;
            }
        }

        return new ResourceRestoreResult(name, []);
    }

    /// <summary>Makes the restored database visible under its name: drops the old one when overwriting, then renames.</summary>
    private static async Task PublishAsync(NpgsqlConnection admin, PostgresConnectionInfo info, string temporary, string name, bool overwrite, string what, CancellationToken cancellationToken)
    {
        if (overwrite)
        {
            await RunServerAsync(what, info, () => PostgresServer.DropAsync(admin, name, cancellationToken)).ConfigureAwait(false);
        }

        try
        {
            await PostgresServer.RenameAsync(admin, temporary, name, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            throw Exists(name);
        }
        catch (NpgsqlException e)
        {
            throw new ResourceRestoreException($"{what} failed: {PostgresServer.Describe(e, info)}", e);
        }
    }

    private static async Task RunServerAsync(string what, PostgresConnectionInfo info, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw new ResourceRestoreException($"{what} failed: {PostgresServer.Describe(e, info)}", e);
        }
    }

    private static async Task DropQuietlyAsync(NpgsqlConnection admin, string database)
    {
        try
        {
            await PostgresServer.DropAsync(admin, database, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The restore's own error is the one to report; an arca_restore_* leftover is safe to drop.
        }
    }

    private static ResourceRestoreException Exists(string name) =>
        new($"{RestoreMetadataKeys.DatabaseName}: database \"{name}\" already exists (set {RestoreMetadataKeys.Overwrite} to \"true\" to replace it)");

    private (PostgresConnectionInfo Info, string AdminDatabase, string Name, bool Overwrite) ParseMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        RestoreMetadata.RejectUnknown(metadata, Name, Keys);
        var info = PostgresConnectionInfo.Parse(RestoreMetadata.Required(metadata, RestoreMetadataKeys.ConnectionString), RestoreMetadataKeys.ConnectionString);
        var name = RestoreMetadata.Required(metadata, RestoreMetadataKeys.DatabaseName);
        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            throw new ResourceValidationException(RestoreMetadataKeys.DatabaseName, $"must be at most {MaxNameBytes} bytes long", null);
        }

        var admin = info.Database ?? "postgres";
        if (name == admin)
        {
            throw new ResourceValidationException(RestoreMetadataKeys.DatabaseName, $"must differ from the database {RestoreMetadataKeys.ConnectionString} connects to (\"{admin}\")", null);
        }

        return (info, admin, name, RestoreMetadata.Overwrite(metadata));
    }
}
