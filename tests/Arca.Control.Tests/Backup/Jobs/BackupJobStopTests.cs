using Arca.Control.Jobs;
using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources;

namespace Arca.Control.Tests.Backup.Jobs;

/// <summary>Running jobs stopped by StopBackupJob or by their completion window, with a resource type that runs until cancelled.</summary>
public sealed class BackupJobStopTests : IAsyncLifetime
{
    private readonly EndlessDirectory _endless = new();
    private readonly JobsFixture _f;
    private JobsFixture.Account _a = null!;
    private string _arn = null!;

    public BackupJobStopTests() => _f = new JobsFixture(new ResourceTypeRegistry([_endless, new SqliteResourceType()]));

    public async Task InitializeAsync()
    {
        _a = await _f.NewAccountAsync();
        _arn = (await _f.RegisterAsync(_a, "Directory", "web", _f.NewDirectory("web", ("a", "a")))).ResourceArn;
        await _f.StartEngineAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task StopBackupJob_moves_a_running_job_through_ABORTING_to_ABORTED_at_once_and_commits_nothing()
    {
        string id = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn))).BackupJobId;
        await _endless.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("RUNNING", (await _f.BackupJobs.DescribeAsync(_a.Caller, id)).State);

        await _f.BackupJobs.StopAsync(_a.Caller, id);
        JobRecord done = await _f.FinishedAsync(_f.Jobs.Backup(JobsFixture.Region), id);

        Assert.Equal(("ABORTED", "The job was stopped."), (done.State, done.StatusMessage));
        Assert.Empty(_f.Catalog.All);
    }

    [Fact]
    public async Task A_running_job_past_its_completion_window_is_cancelled_and_EXPIRED()
    {
        string id = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { CompleteWindowMinutes = 1 })).BackupJobId;
        await _endless.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _f.Time.Advance(new JobEngineOptions().RenewEvery);
        _f.Time.Advance(new JobEngineOptions().RenewEvery);
        JobRecord done = await _f.FinishedAsync(_f.Jobs.Backup(JobsFixture.Region), id);

        Assert.Equal(("EXPIRED", "Backup job expired before completion."), (done.State, done.StatusMessage));
    }

    /// <summary>A Directory type whose backup reports that it started and then waits until it is cancelled.</summary>
    private sealed class EndlessDirectory : IResourceType
    {
        private readonly DirectoryResourceType _inner = new();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => _inner.Name;

        public IReadOnlyList<string> MetadataKeys => _inner.MetadataKeys;

        public Task ValidateAsync(ResourceDefinition definition, CancellationToken cancellationToken = default) => _inner.ValidateAsync(definition, cancellationToken);

        public async Task<BackupResult> BackupAsync(Vault vault, ResourceDefinition definition, BackupOptions options, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("not reached");
        }

        public IReadOnlyDictionary<string, string> GetRestoreMetadata(Manifest manifest) => _inner.GetRestoreMetadata(manifest);

        public Task<ResourceRestoreResult> RestoreAsync(VaultReader vault, BlobId recoveryPointId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
            _inner.RestoreAsync(vault, recoveryPointId, metadata, cancellationToken);
    }
}
