using Arca.Api.Hosting;
using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup.Copies;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.Jobs.Summaries;
using Arca.Control.Backup.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// Backup, copy and restore jobs, their summaries and the scheduler: their control-plane services, the per-region job engines and the
/// scheduler loop (hosted services), and their operations. Called from <see cref="BackupEndpoints"/>.
/// </summary>
internal static class JobEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddOptions<BackupJobHostOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupJobHostOptions>, BackupJobHostOptionsValidator>();
        services.TryAddSingleton<IJobVisibility, OrganizationJobVisibility>();
        services.AddSingleton<RegionJobs>();
        services.AddSingleton<BackupJobService>();
        services.AddSingleton<RestoreJobService>();
        services.AddSingleton<JobSummaryService>();
        services.AddSingleton<BackupJobRunner>();
        services.AddSingleton<RestoreJobRunner>();
        services.AddSingleton<CopyJobService>();
        services.AddSingleton<CopyJobRunner>();
        services.AddSingleton<CopyFactFinder>();
        services.AddSingleton<CopyActions>();
        services.TryAddSingleton<IRegionTransfer, InProcessRegionTransfer>();
        services.AddSingleton<BackupScheduler>();
        services.AddHostedService<BackupJobHost>();
        services.AddHostedService<BackupSchedulerService>();
    }

    public static void Map(RestJsonService backup)
    {
        BackupJobEndpoints.Map(backup);
        RestoreJobEndpoints.Map(backup);
        JobSummaryEndpoints.Map(backup);
        CopyJobEndpoints.Map(backup);
    }
}
