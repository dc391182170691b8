using Arca.Control.Backup;
using Arca.Control.Backup.Jobs;
using Arca.Control.Jobs;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Jobs;

public sealed class BackupJobListTests : IAsyncLifetime
{
    private readonly JobsFixture _f = new();
    private JobsFixture.Account _a = null!;
    private string _web = null!;
    private string _db = null!;

    public async Task InitializeAsync()
    {
        _a = await _f.NewAccountAsync();
        await _f.Vaults.AddAsync(_a.Id, JobsFixture.Region, "second");
        _web = (await _f.RegisterAsync(_a, "Directory", "web", _f.NewDirectory("web"))).ResourceArn;
        string file = Path.Combine(_f.Root, "app.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            using Microsoft.Data.Sqlite.SqliteCommand create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t(x)";
            await create.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _db = (await _f.RegisterAsync(_a, "SQLite", "app", file)).ResourceArn;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Every_filter_narrows_the_listing()
    {
        DateTimeOffset t0 = _f.Time.GetUtcNow();
        string web1 = await StartAsync(_web);
        _f.Time.Advance(TimeSpan.FromHours(1));
        string db1 = await StartAsync(_db, "second");
        _f.Time.Advance(TimeSpan.FromHours(1));
        string web2 = await StartAsync(_web);
        await SetAsync(web1, "COMPLETED", t0.AddMinutes(30), "SUCCESS");
        await SetAsync(db1, "COMPLETED", t0.AddMinutes(90), "PartialBackup");
        await _f.BackupJobs.StopAsync(_a.Caller, web2);

        Assert.Equal([web1, db1, web2], await IdsAsync(new BackupJobFilter()));
        Assert.Equal([web1, web2], await IdsAsync(new BackupJobFilter { ByResourceArn = _web }));
        Assert.Equal([web1, db1], await IdsAsync(new BackupJobFilter { ByState = "COMPLETED" }));
        Assert.Equal([web2], await IdsAsync(new BackupJobFilter { ByState = "ABORTED" }));
        Assert.Equal([db1], await IdsAsync(new BackupJobFilter { ByBackupVaultName = "second" }));
        Assert.Equal([db1], await IdsAsync(new BackupJobFilter { ByResourceType = "SQLite" }));
        Assert.Equal([db1, web2], await IdsAsync(new BackupJobFilter { ByCreatedAfter = t0 }));
        Assert.Equal([web1, db1], await IdsAsync(new BackupJobFilter { ByCreatedBefore = t0.AddHours(2) }));
        Assert.Equal([db1, web2], await IdsAsync(new BackupJobFilter { ByCompleteAfter = t0.AddMinutes(30) }));
        Assert.Equal([web1], await IdsAsync(new BackupJobFilter { ByCompleteBefore = t0.AddMinutes(31) }));
        Assert.Equal([web1], await IdsAsync(new BackupJobFilter { ByState = "COMPLETED", ByMessageCategory = "SUCCESS" }));
        Assert.Equal([db1], await IdsAsync(new BackupJobFilter { ByMessageCategory = "PartialBackup" }));
        Assert.Equal([web1, db1, web2], await IdsAsync(new BackupJobFilter { ByMessageCategory = "AGGREGATE_ALL" }));
        Assert.Empty(await IdsAsync(new BackupJobFilter { ByParentJobId = web1 }));
        Assert.Equal([web1, db1, web2], await IdsAsync(new BackupJobFilter { ByAccountId = _a.Id }));
    }

    [Fact]
    public async Task Filters_are_checked_naming_the_member()
    {
        await Throws(() => _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { ByState = "running" }), "InvalidParameterValueException", "ByState: 'running' must be one of CREATED, PENDING, RUNNING");
        await Throws(() => _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { ByAccountId = "12" }), "InvalidParameterValueException", "ByAccountId: '12' must be a 12-digit account id or *");
        await Throws(() => _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { ByResourceType = "a b" }), "InvalidParameterValueException", "ByResourceType: 'a b'");
        await Throws(() => _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { ByBackupVaultName = "x" }), "InvalidParameterValueException", "ByBackupVaultName: 'x'");
        await Throws(() => _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { MaxResults = 0 }), "InvalidParameterValueException", "MaxResults: 0 must be between 1 and 1000");
        await Throws(() => _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { NextToken = "forged" }), "InvalidParameterValueException", "NextToken: ");
    }

    [Fact]
    public async Task Listings_page_with_tokens_bound_to_their_filters_and_show_the_last_30_days()
    {
        string old = await StartAsync(_web);
        _f.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add(await StartAsync(_web));
            _f.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            BackupPage<BackupJobDetails> page = await _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { MaxResults = 2, NextToken = token, ByResourceArn = _web });
            seen.AddRange(page.Items.Select(j => j.BackupJobId));
            token = page.NextToken;
            pages++;
            if (pages == 1)
            {
                string first = token!;
                await Throws(() => _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { MaxResults = 2, NextToken = first, ByState = "CREATED" }), "InvalidParameterValueException", "NextToken: ");
            }
        }
        while (token is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
        Assert.DoesNotContain(old, seen);
    }

    private async Task<string> StartAsync(string arn, string vault = "cabvault") =>
        (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, arn) with { BackupVaultName = vault })).BackupJobId;

    private async Task<List<string>> IdsAsync(BackupJobFilter filter) =>
        [.. (await _f.BackupJobs.ListAsync(_a.Caller, filter)).Items.Select(j => j.BackupJobId)];

    private async Task SetAsync(string jobId, string state, DateTimeOffset completed, string category)
    {
        JobQueue queue = _f.Jobs.Backup(JobsFixture.Region);
        JobRecord job = (await queue.GetAsync(jobId))!;
        await _f.B.Regions.Get(JobsFixture.Region).Store.TransactAsync(tx => queue.Jobs.PutAsync(tx, job with { State = state, CompletionDate = completed, MessageCategory = category }));
    }
}
