using Arca.Control.Backup.Jobs;
using Arca.Control.Jobs;
using Arca.Control.Regions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arca.Api.Hosting;

/// <summary>
/// Runs one <see cref="JobEngine"/> per served region (backup, copy and restore jobs) and
/// attaches it to <see cref="RegionJobs"/> so services can wake it. Starting an engine first recovers what an earlier
/// incarnation of this node left running (docs/design/backup-service.md §4).
/// </summary>
internal sealed partial class BackupJobHost(
    RegionSet regions,
    RegionJobs jobs,
    BackupJobRunner backups,
    RestoreJobRunner restores,
    Control.Backup.Copies.CopyJobRunner copies,
    IOptions<BackupJobHostOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly List<(string Region, JobEngine Engine)> _engines = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        BackupJobHostOptions settings = options.Value;
        JobNode node = JobNode.Start(settings.NodeId ?? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)));
        ILogger logger = loggers.CreateLogger<JobEngine>();
        foreach (Region region in regions.All)
        {
            var engine = new JobEngine([(jobs.Backup(region.Name), backups), (jobs.Copy(region.Name), copies), (jobs.Restore(region.Name), restores)], node, settings.Engine(), time, logger);
            int recovered = await engine.SweepAsync(cancellationToken).ConfigureAwait(false);
            await engine.StartAsync(cancellationToken).ConfigureAwait(false);
            _engines.Add((region.Name, engine));
            jobs.Attach(region.Name, engine);
            if (recovered > 0)
            {
                LogRecovered(logger, recovered, region.Name);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach ((string region, JobEngine engine) in _engines)
        {
            jobs.Detach(region);
            await engine.DisposeAsync().ConfigureAwait(false);
        }

        _engines.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} jobs in {Region} that an earlier run left unfinished (restarted or ended with the reason)")]
    private static partial void LogRecovered(ILogger logger, int count, string region);
}
