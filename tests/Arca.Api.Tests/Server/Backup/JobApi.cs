using System.Text.Json;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>
/// A <see cref="TestServer"/> with the vault service's test double, an account with the role <c>cabrole</c>, the vault
/// <c>cabvault</c> and a registered Directory resource <c>web</c>; waits for jobs through <see cref="RegionJobs.JobFinished"/>.
/// </summary>
internal sealed class JobApi : IAsyncDisposable
{
    private JobApi(TestServer server, MemoryVaultService vaults, string root)
    {
        Server = server;
        Api = new BackupApi(server);
        Vaults = vaults;
        Root = root;
    }

    public TestServer Server { get; }

    public BackupApi Api { get; }

    public MemoryVaultService Vaults { get; }

    public string Root { get; }

    public string Source => Path.Combine(Root, "web");

    public string ResourceArn => $"arn:aws:arca:us-east-1:{Server.AccountId}:directory/web";

    public string RoleArn => $"arn:aws:iam::{Server.AccountId}:role/cabrole";

    public static async Task<JobApi> StartAsync()
    {
        string root = Directory.CreateTempSubdirectory("arca-jobapi-").FullName;
        var vaults = new MemoryVaultService(Path.Combine(root, "keys"));
        TestServer server = await TestServer.StartAsync(b =>
        {
            b.Services.AddSingleton<IBackupVaults>(vaults);
            b.Services.AddSingleton<IRecoveryPointCatalog>(vaults);
        });
        var api = new JobApi(server, vaults, root);
        await api.Api.AddVaultAsync("cabvault");
        await vaults.AddAsync(server.AccountId, "us-east-1", "cabvault");
        await api.Api.CreateRoleAsync();
        Directory.CreateDirectory(Path.Combine(api.Source, "img"));
        await File.WriteAllTextAsync(Path.Combine(api.Source, "index.html"), "<h1>hi</h1>");
        await File.WriteAllTextAsync(Path.Combine(api.Source, "img", "logo.svg"), "<svg/>");
        await api.Api.OkAsync("PUT", "/arca/resources", $$$"""{"Type":"Directory","Name":"web","Path":"{{{api.Source}}}","Tags":{"backup":"cab"}}""");
        return api;
    }

    public string StartBody(string extra = "") =>
        $$"""{"BackupVaultName":"cabvault","ResourceArn":"{{ResourceArn}}","IamRoleArn":"{{RoleArn}}"{{extra}}}""";

    /// <summary>Starts a backup job and returns its id, without waiting.</summary>
    public async Task<string> StartBackupAsync(string extra = "") =>
        (await Api.OkAsync("PUT", "/backup-jobs", StartBody(extra))).GetProperty("BackupJobId").GetString()!;

    /// <summary>Runs <paramref name="start"/> and waits (bounded, no sleep) until the job it names has ended; returns its Describe output.</summary>
    public async Task<JsonElement> RunAsync(Func<Task<string>> start, string describePath)
    {
        RegionJobs jobs = Server.Server.Services.GetRequiredService<RegionJobs>();
        var finished = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        void OnFinished(string region, JobRecord job) =>
            finished.GetOrAdd(job.JobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        jobs.JobFinished += OnFinished;
        try
        {
            string id = await start();
            await finished.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(60));
            return await Api.OkAsync("GET", describePath + id);
        }
        finally
        {
            jobs.JobFinished -= OnFinished;
        }
    }

    public Task<JsonElement> BackupAsync(string extra = "") => RunAsync(() => StartBackupAsync(extra), "/backup-jobs/");

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
