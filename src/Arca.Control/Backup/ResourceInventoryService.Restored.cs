using Arca.Control.Backup.Internal;
using Arca.Control.Identity;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Storage.Resources;

namespace Arca.Control.Backup;

/// <summary>The restore side of the inventory: a restored resource becomes a resource of the account (AWS creates a new resource too).</summary>
public sealed partial class ResourceInventoryService
{
    /// <summary>
    /// For restore jobs (no authorization): the inventory resource at <paramref name="restored"/>'s location. A resource
    /// already registered there (an Overwrite restore onto the original) keeps its ARN; otherwise a new resource named
    /// <c>&lt;source name&gt;-restored-&lt;suffix&gt;</c> is registered with <paramref name="tags"/>. Returns its ARN.
    /// </summary>
    public async Task<string> RegisterRestoredAsync(
        string accountId, string region, ResourceDefinition restored, string sourceName, string suffix, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(restored);
        Region served = regions.Get(region);
        ArcaResourceKind kind = ResourceKinds.KindOf(restored.Type) ?? throw new ArgumentException($"unknown resource type {restored.Type}", nameof(restored));
        IReadOnlyList<ResourceDocument> existing = await served.Store.TransactAsync(
            tx => BackupCollections.Resources.ListAsync(tx, new Metadata.DocumentQuery { KeyPrefix = accountId + "/", I1 = accountId, I2 = restored.Type }),
            cancellationToken).ConfigureAwait(false);
        if (existing.FirstOrDefault(d => SameLocation(served, d, restored)) is { } same)
        {
            return same.ResourceArn;
        }

        string stem = sourceName.Length > 100 ? sourceName[..100] : sourceName;
        for (int attempt = 0; ; attempt++)
        {
            string name = attempt == 0 ? $"{stem}-restored-{suffix}" : $"{stem}-restored-{suffix}-{attempt}";
            string arn = Arn.ArcaResource(region, accountId, kind, name).ToString();
            var document = new ResourceDocument
            {
                AccountId = accountId,
                ResourceArn = arn,
                ResourceType = restored.Type,
                ResourceName = name,
                Path = restored.Path,
                SealedConnectionString = restored.ConnectionString is { } cs ? new SecretSealer(served.MasterKey).Seal(cs, ResourceKinds.SealContext(arn)) : null,
                Tags = new Dictionary<string, string>(tags, StringComparer.Ordinal),
                CreationDate = time.GetUtcNow(),
            };
            if (await served.Store.TransactAsync(tx => BackupCollections.Resources.InsertAsync(tx, document), cancellationToken).ConfigureAwait(false))
            {
                return arn;
            }
        }
    }

    private static bool SameLocation(Region region, ResourceDocument document, ResourceDefinition restored)
    {
        if (restored.Path is { } path)
        {
            return document.Path is { } other && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(other)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)), StringComparison.Ordinal);
        }

        return restored.ConnectionString is { } connection && Open(region, document) is { } registered
            && SameDatabase(registered, connection);
    }

    /// <summary>Whether two connection strings name the same database (host, port, database).</summary>
    private static bool SameDatabase(string a, string b)
    {
        static (string Host, string Port, string Database)? Parse(string text)
        {
            try
            {
                var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = text };
                string Get(string key, string fallback) => builder.TryGetValue(key, out object? value) && value is not null ? value.ToString()! : fallback;
                return (Get("Host", Get("Server", string.Empty)).ToUpperInvariant(), Get("Port", "5432"), Get("Database", string.Empty));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return Parse(a) is { } x && Parse(b) is { } y && x == y;
    }
}
