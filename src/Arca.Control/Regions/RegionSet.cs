using System.Text.RegularExpressions;
using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Control.Regions;

/// <summary>
/// The regions this server serves. Regional services look their region up here by the name in the
/// request's SigV4 scope; a region that is not served is refused with an AWS-shaped error.
/// </summary>
/// <remarks>Thread-safe; owns (and disposes) the regional stores.</remarks>
public sealed partial class RegionSet : IAsyncDisposable
{
    private readonly Dictionary<string, Region> _regions;

    public RegionSet(IEnumerable<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _regions = regions.ToDictionary(r => r.Name, StringComparer.Ordinal);
        if (_regions.Count == 0)
        {
            throw new ArgumentException("a server serves at least one region", nameof(regions));
        }
    }

    /// <summary>The served region names, in configuration order.</summary>
    public IReadOnlyList<string> Names => [.. _regions.Keys];

    public IEnumerable<Region> All => _regions.Values;

    /// <summary>
    /// Opens (creating when missing) <c>DIR/regions/&lt;name&gt;/region.db</c> and the region's master key for
    /// every name. The key comes from <c>ARCA_MASTER_KEY_&lt;NAME&gt;</c> (upper case, '-' → '_') when set.
    /// </summary>
    public static async Task<RegionSet> OpenAsync(string dataDirectory, IReadOnlyList<string> names, Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(environment);
        var opened = new List<Region>();
        try
        {
            foreach (var name in names)
            {
                Validate(name);
                var dir = Path.Combine(dataDirectory, "regions", name);
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                var key = MasterKey.LoadOrCreate(Path.Combine(dir, "master.key"), environment(EnvironmentVariable(name)), out _);
                var database = Path.Combine(dir, "region.db");
                if (!File.Exists(database))
                {
                    SecretFile.WriteNew(database, string.Empty);
                }

                opened.Add(new Region(name, await SqliteMetadataStore.OpenAsync(database, cancellationToken).ConfigureAwait(false), key, dir));
            }

            return new RegionSet(opened);
        }
        catch
        {
            foreach (var region in opened)
            {
                await region.Store.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>In-memory regions for tests: in-memory stores, fresh keys, directories under <paramref name="root"/>.</summary>
    public static RegionSet InMemory(string root, params string[] names) =>
        new(names.Select(n => new Region(n, new InMemoryMetadataStore(), MasterKey.Generate(), Path.Combine(root, "regions", n))));

    /// <summary>The environment variable that may hold a region's master key.</summary>
    public static string EnvironmentVariable(string region) => MasterKey.EnvironmentVariable + "_" + region.ToUpperInvariant().Replace('-', '_');

    public bool Serves(string name) => _regions.ContainsKey(name);

    /// <summary>The region, or an <c>UnrecognizedClientException</c> naming it when this server does not serve it.</summary>
    public Region Get(string name) =>
        _regions.TryGetValue(name, out var region)
            ? region
            : throw new AwsServiceException("UnrecognizedClientException", $"region {name} is not served by this Arca (served: {string.Join(", ", _regions.Keys)})", 400);

    public async ValueTask DisposeAsync()
    {
        foreach (var region in _regions.Values)
        {
            await region.Store.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Validate(string name)
    {
        if (!RegionName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a region name (like us-east-1)", nameof(name));
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionName();
}
