using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// The Backup service's vaults, access policies, vault locks, recovery points and protected resources: their control-plane
/// services (including the seams <see cref="IBackupVaults"/>, <see cref="IRecoveryPointCatalog"/> and
/// <see cref="CopyIntoAuthorizer"/> for the job runners) and their operations. Called from the server builder beside
/// <see cref="BackupEndpoints"/>.
/// </summary>
internal static class VaultEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<BackupVaults>();
        services.AddSingleton<IBackupVaults>(s => s.GetRequiredService<BackupVaults>());
        services.AddSingleton<BackupVaultService>();
        services.AddSingleton<VaultAccessPolicyService>();
        services.AddSingleton<VaultLockService>();
        services.AddSingleton<CopyIntoAuthorizer>();
        services.AddSingleton<RecoveryPointCatalog>();
        services.AddSingleton<IRecoveryPointCatalog>(s => s.GetRequiredService<RecoveryPointCatalog>());
        services.AddSingleton<VaultMaintenanceQueue>();
        services.AddSingleton<RecoveryPointService>();
        services.AddSingleton<ProtectedResourceService>();
        services.AddSingleton<RecoveryPointLifecycleSweeper>();
        services.AddSingleton<RecoveryPointCatalogRebuilder>();
        services.AddSingleton<VaultStartupRecovery>();
        services.AddSingleton(VaultTagTargets.Vaults);
        services.AddSingleton(VaultTagTargets.RecoveryPoints);
    }

    public static void Map(RestJsonService backup)
    {
        BackupVaultEndpoints.Map(backup);
        VaultAccessPolicyEndpoints.Map(backup);
        VaultLockEndpoints.Map(backup);
        RecoveryPointEndpoints.Map(backup);
        ProtectedResourceEndpoints.Map(backup);
    }
}
