namespace Arca.Domain.Plans;

/// <summary>
/// AWS <c>CalculatedLifecycle</c> of a recovery point: the instants its <see cref="Lifecycle"/>
/// resolves to. A day is 24 hours counted from the creation instant. Immutable.
/// </summary>
/// <param name="MoveToColdStorageAt">CreationDate + MoveToColdStorageAfterDays, or null.</param>
/// <param name="DeleteAt">CreationDate + DeleteAfterDays, or null (never deleted).</param>
public sealed record CalculatedLifecycle(DateTimeOffset? MoveToColdStorageAt, DateTimeOffset? DeleteAt)
{
    /// <summary>Resolves <paramref name="lifecycle"/> (null = never expire) against a creation date.</summary>
    public static CalculatedLifecycle From(DateTimeOffset creationDate, Lifecycle? lifecycle)
    {
        return new CalculatedLifecycle(
            lifecycle?.MoveToColdStorageAfterDays is long cold ? creationDate.AddDays(cold) : null,
            lifecycle?.DeleteAfterDays is long delete ? creationDate.AddDays(delete) : null);
    }
}
