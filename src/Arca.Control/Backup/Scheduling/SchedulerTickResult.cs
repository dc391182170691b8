namespace Arca.Control.Backup.Scheduling;

/// <summary>What one scheduler tick did in a region.</summary>
/// <param name="Created">Backup jobs created (CREATED, due now).</param>
/// <param name="Expired">Jobs recorded EXPIRED at once: their rule fired while Arca was not running and the start window has closed.</param>
/// <param name="Skipped">Earlier firings of a rule missed while Arca was not running, for which no job was made (only the latest firing counts).</param>
/// <param name="AlreadyCreated">Jobs that existed already (a tick repeated after a crash).</param>
public sealed record SchedulerTickResult(int Created, int Expired, int Skipped, int AlreadyCreated)
{
    public static SchedulerTickResult None { get; } = new(0, 0, 0, 0);

    public static SchedulerTickResult operator +(SchedulerTickResult a, SchedulerTickResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Created + b.Created, a.Expired + b.Expired, a.Skipped + b.Skipped, a.AlreadyCreated + b.AlreadyCreated);
    }

    public static SchedulerTickResult Add(SchedulerTickResult a, SchedulerTickResult b) => a + b;
}
