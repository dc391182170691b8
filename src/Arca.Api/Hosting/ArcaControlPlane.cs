using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Api.Hosting;

/// <summary>What the server's control plane is built from: the global metadata store, the master key, the clock.</summary>
/// <param name="GlobalStore">The global store (accounts, keys, roles…). The server does not dispose it.</param>
/// <param name="MasterKey">Seals secrets at rest.</param>
/// <param name="PageTokens">Signs pagination tokens (see <see cref="PageTokens.LoadOrCreateAsync"/>).</param>
/// <param name="Time">The clock of every service and of SigV4 verification.</param>
public sealed record ArcaControlPlane(IMetadataStore GlobalStore, MasterKey MasterKey, PageTokens PageTokens, TimeProvider Time);
