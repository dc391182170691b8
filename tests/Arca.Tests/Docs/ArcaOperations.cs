using Arca.Api.Hosting;
using Arca.Api.Protocols;
using Arca.Api.Protocols.RestJson;
using Arca.Cli.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Tests.Docs;

/// <summary>
/// The operations Arca's server answers, read from the server <c>arca server</c> builds (<see cref="EmbeddedServer"/>, on
/// a temporary data directory, never started): whatever an endpoint class registers on the protocols shows up here.
/// </summary>
/// <param name="Implemented">Per signing name, the implemented operations of AWS's model.</param>
/// <param name="Extensions">Per signing name, Arca's own operations (full targets or REST names).</param>
internal sealed record ArcaOperations(
    IReadOnlyDictionary<string, SortedSet<string>> Implemented, IReadOnlyDictionary<string, SortedSet<string>> Extensions)
{
    public static async Task<ArcaOperations> ReadAsync()
    {
        string dir = Directory.CreateTempSubdirectory("arca-compat-").FullName;
        try
        {
            var options = new ArcaServerOptions { Listen = "http://127.0.0.1:0", Regions = ["us-east-1"] };
            await using EmbeddedServer embedded = await EmbeddedServer.OpenAsync(dir, options, new BackupJobHostOptions(), configure: null, CancellationToken.None);
            AwsProtocols protocols = embedded.Server.Services.GetRequiredService<AwsProtocols>();
            var modelled = BackupOperations.All.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            IReadOnlyCollection<string> backup = protocols.Rest("backup").ImplementedOperations;
            var implemented = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal)
            {
                ["backup"] = Sorted(backup.Where(modelled.Contains)),
                ["organizations"] = Sorted(protocols.Json("organizations").Operations),
                ["kms"] = Sorted(protocols.Json("kms").Operations),
                ["sts"] = Sorted(protocols.Query("sts").Actions),
                ["iam"] = Sorted(protocols.Query("iam").Actions),
            };
            var extensions = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal)
            {
                ["backup"] = Sorted(backup.Where(o => !modelled.Contains(o))),
                ["organizations"] = Sorted(protocols.Json("organizations").ExtensionTargets),
                ["kms"] = Sorted(protocols.Json("kms").ExtensionTargets),
                ["sts"] = [],
                ["iam"] = [],
            };
            return new ArcaOperations(implemented, extensions);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static SortedSet<string> Sorted(IEnumerable<string> names) => new(names, StringComparer.Ordinal);
}
