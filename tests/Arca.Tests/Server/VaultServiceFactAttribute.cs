using Arca.Control.Backup.Vaults;

namespace Arca.Tests.Server;

/// <summary>
/// A fact that needs the vault service (CreateBackupVault, ListRecoveryPointsByBackupVault and the <see cref="IBackupVaults"/>
/// the job runners open vaults with), which lands with the vault branch; skipped with that reason until a real
/// implementation is in the build (it turns on by itself on merge), and when the real clients or PostgreSQL it names are
/// missing.
/// </summary>
public sealed class VaultServiceFactAttribute : FactAttribute
{
    public VaultServiceFactAttribute(bool postgreSql, params string[] clients)
    {
        Skip = VaultServiceMissing
            ?? clients.Select(c => new RealClientFactAttribute(c).Skip).FirstOrDefault(s => s is not null)
            ?? (postgreSql ? ThrowawayPostgres.SkipReason : null);
    }

    /// <summary>Why the vault service is missing, or null when a real <see cref="IBackupVaults"/> is in the build.</summary>
    public static string? VaultServiceMissing { get; } =
        new[] { typeof(IBackupVaults).Assembly, typeof(Api.Hosting.ArcaServer).Assembly }
            .SelectMany(a => a.GetTypes())
            .Any(t => t is { IsClass: true, IsAbstract: false } && typeof(IBackupVaults).IsAssignableFrom(t) && t.Name != "PendingVaultService")
            ? null
            : "Needs CreateBackupVault and ListRecoveryPointsByBackupVault (the vault service, IBackupVaults/IRecoveryPointCatalog), "
              + "which are not on this branch yet: they land with helper/vaults, and this test turns on when both are merged.";
}
