namespace Arca.Control.Layouts.Internal;

/// <summary>Collects the results of one account × region (or global items) into changes and a status.</summary>
internal sealed class InstanceTally(List<LayoutChange> changes)
{
    public string? Failure { get; private set; }

    public bool Pending { get; private set; }

    /// <summary>Records a result; true when it failed.</summary>
    public bool Add(ItemResult result)
    {
        if (result.Change is { } change)
        {
            changes.Add(change);
            Pending |= change.Outcome is null;
        }

        Failure ??= result.Failure;
        return result.Failure is not null;
    }

    public void Fail(string reason) => Failure ??= reason;

    public void Include(InstanceTally other)
    {
        Failure ??= other.Failure;
        Pending |= other.Pending;
    }

    public LayoutInstanceStatus Status => Failure is not null ? LayoutInstanceStatus.Failed
        : Pending ? LayoutInstanceStatus.Outdated : LayoutInstanceStatus.Current;
}
