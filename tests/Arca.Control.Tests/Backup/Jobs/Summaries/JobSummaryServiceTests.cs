using Arca.Control.Backup.Jobs.Summaries;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Jobs.Summaries;

/// <summary>ListBackupJobSummaries and ListRestoreJobSummaries over the job queues, seen through cross-account monitoring.</summary>
public sealed class JobSummaryServiceTests : IAsyncLifetime
{
    private MonitoringFixture _f = null!;

    private JobSummaryService Summaries => _f.J.Summaries;

    public async Task InitializeAsync()
    {
        _f = await MonitoringFixture.StartAsync();
        await _f.AddBackupAsync(_f.Management);
        await _f.AddBackupAsync(_f.Member);
        await _f.AddBackupAsync(_f.Member, "FAILED", category: "AccessDenied");
        await _f.AddBackupAsync(_f.Admin, "COMPLETED", "SQLite");
        await _f.AddBackupAsync(_f.Outsider);
        await _f.AddRestoreAsync(_f.Member);
        await _f.AddRestoreAsync(_f.Outsider);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_management_account_counts_every_account_of_its_organization_with_ANY_and_sums_them_with_AGGREGATE_ALL()
    {
        JobSummaryPage any = await Summaries.ListBackupAsync(_f.Management, new JobSummaryRequest { AccountId = "ANY", AggregationPeriod = "SEVEN_DAYS" });
        Assert.Equal("SEVEN_DAYS", any.AggregationPeriod);
        Assert.Equal(
            new[]
            {
                $"{_f.Management.AccountId}|COMPLETED|Directory|SUCCESS|1",
                $"{_f.Admin.AccountId}|COMPLETED|SQLite|SUCCESS|1",
                $"{_f.Member.AccountId}|COMPLETED|Directory|SUCCESS|1",
                $"{_f.Member.AccountId}|FAILED|Directory|AccessDenied|1",
            }.Order(StringComparer.Ordinal),
            any.Summaries.Select(Text).Order(StringComparer.Ordinal));
        Assert.All(any.Summaries, s => Assert.Equal("us-east-1", s.Region));

        JobSummary sum = Assert.Single((await Summaries.ListBackupAsync(_f.Management, new JobSummaryRequest
        {
            AccountId = "AGGREGATE_ALL",
            State = "AGGREGATE_ALL",
            ResourceType = "AGGREGATE_ALL",
            MessageCategory = "AGGREGATE_ALL",
            AggregationPeriod = "FOURTEEN_DAYS",
        })).Summaries);
        Assert.Equal(("AGGREGATE_ALL", 4), (sum.AccountId, sum.Count));
        Assert.Equal([$"{_f.Member.AccountId}|FAILED|Directory|AccessDenied|1"],
            (await Summaries.ListBackupAsync(_f.Management, new JobSummaryRequest { AccountId = _f.Member.AccountId, State = "FAILED" })).Summaries.Select(Text));
        Assert.Equal([$"{_f.Management.AccountId}|COMPLETED|Directory|SUCCESS|1"],
            (await Summaries.ListBackupAsync(_f.Management, new JobSummaryRequest())).Summaries.Select(Text));
    }

    [Fact]
    public async Task Members_and_outsiders_count_only_their_own_jobs_whatever_they_ask()
    {
        foreach (string? account in new[] { "ANY", "AGGREGATE_ALL", _f.Management.AccountId, null })
        {
            JobSummaryPage page = await Summaries.ListBackupAsync(_f.Member, new JobSummaryRequest { AccountId = account, State = "ANY", AggregationPeriod = "FOURTEEN_DAYS" });
            Assert.Equal(2, page.Summaries.Sum(s => s.Count));
            Assert.All(page.Summaries, s => Assert.Contains(s.AccountId, new[] { _f.Member.AccountId, "AGGREGATE_ALL" }));
        }

        Assert.Equal([$"{_f.Outsider.AccountId}|COMPLETED|Directory|SUCCESS|1"],
            (await Summaries.ListBackupAsync(_f.Outsider, new JobSummaryRequest { AccountId = "ANY" })).Summaries.Select(Text));
    }

    [Fact]
    public async Task Restore_summaries_carry_no_message_category()
    {
        JobSummaryPage page = await Summaries.ListRestoreAsync(_f.Management, new JobSummaryRequest { AccountId = "ANY", MessageCategory = "AccessDenied" });
        Assert.Equal("ONE_DAY", page.AggregationPeriod);
        Assert.Equal([$"{_f.Member.AccountId}|COMPLETED|Directory||1"], page.Summaries.Select(Text));
        Assert.Empty((await Summaries.ListCopyAsync(_f.Management, new JobSummaryRequest { AccountId = "ANY" })).Summaries);
    }

    [Fact]
    public async Task Summaries_page_with_tokens_bound_to_the_request()
    {
        var seen = new List<string>();
        string? token = null;
        do
        {
            JobSummaryPage page = await Summaries.ListBackupAsync(_f.Management, new JobSummaryRequest { AccountId = "ANY", MaxResults = 1, NextToken = token });
            seen.AddRange(page.Summaries.Select(Text));
            token = page.NextToken;
            if (token is not null && seen.Count == 1)
            {
                string first = token;
                await Throws(() => Summaries.ListBackupAsync(_f.Management, new JobSummaryRequest { AccountId = "ANY", State = "FAILED", NextToken = first }), "InvalidParameterValueException", "NextToken: ");
            }
        }
        while (token is not null);

        Assert.Equal(4, seen.Count);
        Assert.Equal(seen, (await Summaries.ListBackupAsync(_f.Management, new JobSummaryRequest { AccountId = "ANY" })).Summaries.Select(Text));
    }

    [Theory]
    [InlineData("AccountId", "12", "AccountId: '12' must be a 12-digit account id, ANY or AGGREGATE_ALL")]
    [InlineData("State", "DONE", "State: 'DONE' must be one of CREATED, PENDING, RUNNING")]
    [InlineData("State", "completed", "State: 'completed'")]
    [InlineData("ResourceType", "a b", "ResourceType: 'a b'")]
    [InlineData("AggregationPeriod", "ONE_WEEK", "AggregationPeriod: 'ONE_WEEK' must be one of ONE_DAY, SEVEN_DAYS, FOURTEEN_DAYS")]
    [InlineData("MaxResults", "0", "MaxResults: 0 must be between 1 and 1000")]
    [InlineData("NextToken", "forged", "NextToken: ")]
    public async Task Bad_values_name_the_member(string member, string value, string message)
    {
        JobSummaryRequest request = member switch
        {
            "AccountId" => new() { AccountId = value },
            "State" => new() { State = value },
            "ResourceType" => new() { ResourceType = value },
            "AggregationPeriod" => new() { AggregationPeriod = value },
            "MaxResults" => new() { MaxResults = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => new() { NextToken = value },
        };
        await Throws(() => Summaries.ListBackupAsync(_f.Member, request), "InvalidParameterValueException", message);
    }

    [Fact]
    public async Task Restore_states_are_checked_against_AWSs_RestoreJobState() =>
        await Throws(() => Summaries.ListRestoreAsync(_f.Member, new JobSummaryRequest { State = "EXPIRED" }), "InvalidParameterValueException", "State: 'EXPIRED' must be one of CREATED, PENDING, RUNNING, ABORTED, COMPLETED, FAILED");

    private static string Text(JobSummary s) => $"{s.AccountId}|{s.State}|{s.ResourceType}|{s.MessageCategory}|{s.Count}";
}
