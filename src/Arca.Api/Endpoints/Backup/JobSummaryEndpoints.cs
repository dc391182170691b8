using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup.Jobs.Summaries;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>Job summaries (restJson1): ListBackupJobSummaries, ListCopyJobSummaries, ListRestoreJobSummaries (<c>/audit/…-job-summaries</c>).</summary>
internal static class JobSummaryEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("ListBackupJobSummaries", ListBackupAsync);
        backup.Map("ListCopyJobSummaries", ListCopyAsync);
        backup.Map("ListRestoreJobSummaries", ListRestoreAsync);
    }

    private static async Task<RestJsonResponse> ListBackupAsync(RestJsonRequest request)
    {
        JobSummaryPage page = await Summaries(request).ListBackupAsync(request.Context.Caller, Read(request, withCategory: true), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(new ListBackupJobSummariesOutput(Wire(page), page.AggregationPeriod, page.NextToken), JobSummaryWireJson.Default.ListBackupJobSummariesOutput);
    }

    private static async Task<RestJsonResponse> ListCopyAsync(RestJsonRequest request)
    {
        JobSummaryPage page = await Summaries(request).ListCopyAsync(request.Context.Caller, Read(request, withCategory: true), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(new ListCopyJobSummariesOutput(Wire(page), page.AggregationPeriod, page.NextToken), JobSummaryWireJson.Default.ListCopyJobSummariesOutput);
    }

    private static async Task<RestJsonResponse> ListRestoreAsync(RestJsonRequest request)
    {
        JobSummaryPage page = await Summaries(request).ListRestoreAsync(request.Context.Caller, Read(request, withCategory: false), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.From(new ListRestoreJobSummariesOutput(Wire(page), page.AggregationPeriod, page.NextToken), JobSummaryWireJson.Default.ListRestoreJobSummariesOutput);
    }

    private static JobSummaryRequest Read(RestJsonRequest request, bool withCategory) => new()
    {
        AccountId = request.QueryValue("AccountId"),
        State = request.QueryValue("State"),
        ResourceType = request.QueryValue("ResourceType"),
        MessageCategory = withCategory ? request.QueryValue("MessageCategory") : null,
        AggregationPeriod = request.QueryValue("AggregationPeriod"),
        MaxResults = BackupRequests.Int(request, "MaxResults", "MaxResults"),
        NextToken = request.QueryValue("NextToken"),
    };

    private static List<JobSummaryWire> Wire(JobSummaryPage page) =>
        [.. page.Summaries.Select(s => new JobSummaryWire(s.Region, s.AccountId, s.State, s.ResourceType, s.MessageCategory, s.Count, s.StartTime, s.EndTime))];

    private static JobSummaryService Summaries(RestJsonRequest request) => request.Context.Services.GetRequiredService<JobSummaryService>();
}
