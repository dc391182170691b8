namespace Arca.Domain.Plans;

/// <summary>
/// AWS's overlap rule: "If you have a backup plan with multiple rules and the time frames of the two
/// rules overlap, AWS Backup optimizes the backup and takes a backup for the rule with the longer
/// retention time. The optimization takes into account the full start window." Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>Two candidates for the same resource conflict when their start windows [ScheduledAt,
/// StartBy) overlap and they come from different rules (two firings of one rule never merge with
/// each other — an hourly rule with an 8-hour window still backs up every hour — unless they are the
/// same firing listed twice). Each connected group of conflicting candidates becomes one job, so a
/// daily rule whose window spans several firings of an hourly rule absorbs all of them when it keeps
/// backups longer.</para>
/// <para>The winner is the longest retention by <see cref="RetentionComparer"/> (never-expire beats
/// any number of days); ties go to the earliest scheduled time, then to the ordinally smallest
/// RuleKey, so the result is deterministic. Rules of different plans and different target vaults
/// merge too; the job follows the winner's rule (its vault, copy actions and lifecycle).</para>
/// <para>Cost: O(n²) in the number of candidates per resource, which a scheduler tick keeps small.</para>
/// </remarks>
public static class BackupJobMerger
{
    /// <summary>Merges candidates into jobs, ordered by resource ARN, then by the winner's scheduled time.</summary>
    public static IReadOnlyList<MergedBackupJob> Merge(IEnumerable<BackupCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var jobs = new List<MergedBackupJob>();
        IEnumerable<IGrouping<string, BackupCandidate>> byResource = candidates
            .GroupBy(c => c.ResourceArn, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (IGrouping<string, BackupCandidate> resource in byResource)
        {
            BackupCandidate[] items = resource
                .OrderBy(c => c.Window.ScheduledAt)
                .ThenBy(c => c.RuleKey, StringComparer.Ordinal)
                .ToArray();
            jobs.AddRange(Groups(items).Select(ToJob).OrderBy(j => j.Winner.Window.ScheduledAt));
        }

        return jobs;
    }

    private static bool Conflict(BackupCandidate a, BackupCandidate b)
    {
        bool sameFiring = string.Equals(a.RuleKey, b.RuleKey, StringComparison.Ordinal) && a.Window.ScheduledAt == b.Window.ScheduledAt;
        bool otherRule = !string.Equals(a.RuleKey, b.RuleKey, StringComparison.Ordinal);
        return sameFiring || (otherRule && a.Window.StartWindowOverlaps(b.Window));
    }

    /// <summary>Connected components of the conflict graph (union-find), members in input order.</summary>
    private static IEnumerable<BackupCandidate[]> Groups(BackupCandidate[] items)
    {
        int[] parent = Enumerable.Range(0, items.Length).ToArray();
        for (int i = 0; i < items.Length; i++)
        {
            for (int j = i + 1; j < items.Length; j++)
            {
                if (Conflict(items[i], items[j]))
                {
                    parent[Root(parent, j)] = Root(parent, i);
                }
            }
        }

        return Enumerable.Range(0, items.Length)
            .GroupBy(i => Root(parent, i))
            .Select(g => g.Select(i => items[i]).ToArray());
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static MergedBackupJob ToJob(BackupCandidate[] group)
    {
        BackupCandidate winner = group[0];
        foreach (BackupCandidate candidate in group.Skip(1))
        {
            if (RetentionComparer.Instance.Compare(candidate.Lifecycle, winner.Lifecycle) > 0)
            {
                winner = candidate;
            }
        }

        return new MergedBackupJob(winner, group.Where(c => !ReferenceEquals(c, winner)).ToArray());
    }
}
