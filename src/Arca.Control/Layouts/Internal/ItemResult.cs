namespace Arca.Control.Layouts.Internal;

/// <summary>What reconciling one item gave: its change (null when it matches) and, when the item cannot be brought to the layout, why.</summary>
internal sealed record ItemResult(LayoutChange? Change, string? Failure)
{
    public static readonly ItemResult Unchanged = new(null, null);

    /// <summary>For keys: the key's ARN once known (null while a plan still has to create it).</summary>
    public string? KeyArn { get; init; }
}
