namespace Arca.Control.Layouts;

/// <summary>One change of a plan: an item of one account (× region) that differs from the layout.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Region">The region, or <see cref="LayoutResourceTypes.GlobalRegion"/> for roles and backup policies.</param>
/// <param name="ResourceType">One of <see cref="LayoutResourceTypes"/>.</param>
/// <param name="Name">The role or vault name, the key's alias, the policy name.</param>
/// <param name="Action">Create, update or delete.</param>
/// <param name="Details">What differs, one phrase each (<c>access policy differs</c>).</param>
public sealed record LayoutChange(string AccountId, string Region, string ResourceType, string Name, LayoutAction Action, IReadOnlyList<string> Details)
{
    /// <summary>Set by ApplyLayout and DestroyLayout; null in a plan.</summary>
    public LayoutOutcome? Outcome { get; init; }

    /// <summary>Why the change failed (the AWS error code and message).</summary>
    public string? Reason { get; init; }
}
