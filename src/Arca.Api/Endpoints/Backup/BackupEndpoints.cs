using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// The Backup service's plans, selections, inventory, settings and tags: their control-plane services and their
/// operations. Vaults, jobs and recovery points add theirs beside these (and replace <see cref="IVaultCatalog"/>
/// with the vault service).
/// </summary>
internal static class BackupEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(_ => BackupResourceTypes.CreateDefault());
        services.TryAddSingleton<IVaultCatalog, StoredVaultCatalog>();
        services.AddSingleton(BackupTagTargets.Plans);
        services.AddSingleton(BackupTagTargets.Resources);
        services.AddSingleton<BackupTagService>();
        services.AddSingleton<BackupPlanService>();
        services.AddSingleton<BackupSelectionService>();
        services.AddSingleton<RegionSettingsService>();
        services.AddSingleton<ResourceInventoryService>();
        JobEndpoints.AddServices(services);
    }

    public static void Map(RestJsonService backup)
    {
        BackupPlanEndpoints.Map(backup);
        BackupSelectionEndpoints.Map(backup);
        RegionSettingsEndpoints.Map(backup);
        BackupTagEndpoints.Map(backup);
        ResourceInventoryEndpoints.Map(backup);
        JobEndpoints.Map(backup);
    }
}
