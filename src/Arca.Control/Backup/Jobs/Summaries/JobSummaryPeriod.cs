namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>
/// AggregationPeriod: <see cref="OneDay"/> gives one row set per UTC day for the 14 days ending today, <see cref="SevenDays"/>
/// and <see cref="FourteenDays"/> one row set over the last 7 or 14 UTC days (today included).
/// </summary>
public enum JobSummaryPeriod
{
    OneDay,
    SevenDays,
    FourteenDays,
}
