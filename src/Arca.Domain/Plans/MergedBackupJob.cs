namespace Arca.Domain.Plans;

/// <summary>
/// One backup job to create: the candidate whose rule wins (longest retention), and the candidates
/// it stands in for. The job uses the winner's rule, window, vault and lifecycle. Immutable.
/// </summary>
/// <param name="Winner">The candidate to run.</param>
/// <param name="Absorbed">The overlapping candidates that get no job of their own, by scheduled time.</param>
public sealed record MergedBackupJob(BackupCandidate Winner, IReadOnlyList<BackupCandidate> Absorbed)
{
    /// <summary>The resource to back up.</summary>
    public string ResourceArn => Winner.ResourceArn;
}
