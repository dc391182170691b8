namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>
/// How a summary treats one dimension (account, state, resource type, message category): <see cref="Split"/> (absent or
/// <c>ANY</c>) gives a row per value, <see cref="Sum"/> (<c>AGGREGATE_ALL</c>) one row for all values, labelled
/// <c>AGGREGATE_ALL</c>; <see cref="Only"/> counts only jobs with that value.
/// </summary>
public sealed record JobSummarySelector
{
    public const string Any = "ANY";

    public const string AggregateAll = "AGGREGATE_ALL";

    private JobSummarySelector(string? value, bool sum)
    {
        Value = value;
        IsSum = sum;
    }

    public static JobSummarySelector Split { get; } = new(null, false);

    public static JobSummarySelector Sum { get; } = new(AggregateAll, true);

    /// <summary>The one value counted, or null for <see cref="Split"/> and <see cref="Sum"/>.</summary>
    public string? Value { get; }

    public bool IsSum { get; }

    public bool IsFilter => !IsSum && Value is not null;

    public static JobSummarySelector Only(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), false);

    /// <summary>The selector a request value means: null or <c>ANY</c> split, <c>AGGREGATE_ALL</c> sums, anything else filters.</summary>
    public static JobSummarySelector Of(string? value) => value switch
    {
        null or Any => Split,
        AggregateAll => Sum,
        _ => Only(value),
    };

    /// <summary>Whether a job's value passes (case-insensitive when <paramref name="ignoreCase"/>: message categories).</summary>
    public bool Admits(string? value, bool ignoreCase = false) =>
        !IsFilter || string.Equals(Value, value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The label of a row: the job's value, or <c>AGGREGATE_ALL</c> when summed.</summary>
    public string? Label(string? value) => IsSum ? AggregateAll : IsFilter ? Value : value;
}
