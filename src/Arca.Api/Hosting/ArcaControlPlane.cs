using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;

namespace Arca.Api.Hosting;

/// <summary>What the server's control plane is built from: the global and regional stores, the master key, the clock.</summary>
/// <param name="GlobalStore">The global store (accounts, keys, roles…). The server does not dispose it.</param>
/// <param name="Regions">The served regions with their stores, keys and directories. The server does not dispose them.</param>
/// <param name="MasterKey">Seals secrets at rest.</param>
/// <param name="PageTokens">Signs pagination tokens (see <see cref="PageTokens.LoadOrCreateAsync"/>).</param>
/// <param name="Time">The clock of every service and of SigV4 verification.</param>
public sealed record ArcaControlPlane(IMetadataStore GlobalStore, RegionSet Regions, MasterKey MasterKey, PageTokens PageTokens, TimeProvider Time);
