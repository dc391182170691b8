using Arca.Api.Hosting;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Cli.Server;

/// <summary>
/// Arca on its embedded defaults over a data directory (docs/design/server.md §2): the master key, <c>global.db</c>, the
/// regions' stores and vaults, the first account and its <c>credentials</c> file, and the server built over them. Used by
/// <c>arca server</c> and by <c>arca quickstart</c>, which hosts it in its own process.
/// </summary>
/// <remarks>Open, start once, dispose once. Disposing stops the server and closes the stores.</remarks>
internal sealed class EmbeddedServer : IAsyncDisposable
{
    private readonly SqliteMetadataStore _store;
    private readonly RegionSet _regions;

    private EmbeddedServer(ArcaServer server, SqliteMetadataStore store, RegionSet regions, string dataDirectory, string accountId, bool created)
    {
        Server = server;
        _store = store;
        _regions = regions;
        DataDirectory = dataDirectory;
        AccountId = accountId;
        AccountCreated = created;
    }

    public ArcaServer Server { get; }

    public string DataDirectory { get; }

    /// <summary>The first account (the management account of the tutorial).</summary>
    public string AccountId { get; }

    /// <summary>Whether this open created the first account (a fresh data directory).</summary>
    public bool AccountCreated { get; }

    /// <summary>The AWS shared-credentials file holding the first account's root key (profile <see cref="ServerBootstrap.Profile"/>).</summary>
    public string CredentialsFile => Path.Combine(DataDirectory, "credentials");

    /// <summary>
    /// Opens (creating what is missing) the data directory <paramref name="dataDirectory"/> and builds the server; it
    /// listens once <see cref="ArcaServer.StartAsync"/> is called. <c>configure</c> changes the server before it is built
    /// (the quickstart quiets the log); null for none.
    /// </summary>
    /// <exception cref="IOException">The directory or one of its files cannot be used.</exception>
    /// <exception cref="InvalidDataException">A key or id file is damaged.</exception>
    public static async Task<EmbeddedServer> OpenAsync(
        string dataDirectory, ArcaServerOptions options, BackupJobHostOptions jobs, Action<ArcaServerBuilder>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(jobs);
        string dir = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        MasterKey masterKey = MasterKey.LoadOrCreate(
            Path.Combine(dir, "master.key"), Environment.GetEnvironmentVariable(MasterKey.EnvironmentVariable), out _);
        string database = Path.Combine(dir, "global.db");
        if (!File.Exists(database))
        {
            // Owner-only from the start: it holds sealed secrets; SQLite gives its -wal and -shm files the same mode.
            SecretFile.WriteNew(database, string.Empty);
        }

        SqliteMetadataStore store = await SqliteMetadataStore.OpenAsync(database, cancellationToken).ConfigureAwait(false);
        RegionSet? regions = null;
        try
        {
            regions = await RegionSet.OpenAsync(dir, options.Regions, Environment.GetEnvironmentVariable, cancellationToken).ConfigureAwait(false);
            string nodeId = jobs.NodeId ?? NodeIdFile.LoadOrCreate(dir);
            PageTokens tokens = await PageTokens.LoadOrCreateAsync(store, cancellationToken).ConfigureAwait(false);
            var controlPlane = new ArcaControlPlane(store, regions, masterKey, tokens, TimeProvider.System);
            ArcaServerBuilder builder = ArcaServer.CreateBuilder(options, controlPlane);
            builder.Services.Configure<BackupJobHostOptions>(o =>
            {
                o.NodeId = nodeId;
                o.SchedulerTick = jobs.SchedulerTick;
                o.RenewEvery = jobs.RenewEvery;
            });
            configure?.Invoke(builder);
            ArcaServer server = builder.Build();
            (string accountId, bool created) = await ServerBootstrap.EnsureFirstAccountAsync(
                store, server.Services.GetRequiredService<AccountService>(), Path.Combine(dir, "credentials"), cancellationToken).ConfigureAwait(false);
            return new EmbeddedServer(server, store, regions, dir, accountId, created);
        }
        catch
        {
            if (regions is not null)
            {
                await regions.DisposeAsync().ConfigureAwait(false);
            }

            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        await _regions.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
