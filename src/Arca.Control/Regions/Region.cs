using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Control.Regions;

/// <summary>
/// One served region (docs/design/server.md §2, §6): its own metadata store, its own master key
/// (which seals the region's KMS key material) and its own directory for vault storage.
/// </summary>
/// <param name="Name">The region name, e.g. <c>us-east-1</c>.</param>
/// <param name="Store">The regional metadata store (KMS keys, vaults, plans, jobs, recovery points).</param>
/// <param name="MasterKey">The region's master key: <c>regions/&lt;region&gt;/master.key</c> or <c>ARCA_MASTER_KEY_&lt;REGION&gt;</c>.</param>
/// <param name="Directory">The region's data directory, <c>DIR/regions/&lt;region&gt;</c>.</param>
public sealed record Region(string Name, IMetadataStore Store, MasterKey MasterKey, string Directory)
{
    /// <summary>Where the vault-engine vaults of one account live: <c>regions/&lt;region&gt;/vaults/&lt;account&gt;</c>.</summary>
    public string VaultDirectory(string accountId) => Path.Combine(Directory, "vaults", accountId);
}
