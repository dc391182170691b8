using Arca.Control.Jobs;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// One page of a job listing: the accounts it may show, an optional state (an index field), the creation window
/// (an index range) and the other filters as a predicate; <see cref="Scope"/> binds the page token to all of them.
/// </summary>
internal sealed record JobScan(
    string Scope,
    IReadOnlyList<string> Accounts,
    string? State,
    DateTimeOffset CreatedFrom,
    DateTimeOffset? CreatedTo,
    Func<JobRecord, bool> Matches,
    string? NextToken,
    int Limit);
