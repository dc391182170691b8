namespace Arca.Control.Layouts;

/// <summary>The answer of PlanLayout, ApplyLayout, DescribeLayoutStatus and DestroyLayout.</summary>
/// <param name="LayoutName">The layout.</param>
/// <param name="OrganizationId">Its organization.</param>
/// <param name="Changes">The changes: pending (plan, status), or made with their outcome (apply, destroy); by account, region, apply order.</param>
/// <param name="Instances">Every account × region, by account then region.</param>
/// <param name="AppliedAt">When the layout was last applied, or null when it is not stored.</param>
public sealed record LayoutReport(
    string LayoutName, string OrganizationId, IReadOnlyList<LayoutChange> Changes, IReadOnlyList<LayoutInstance> Instances, DateTimeOffset? AppliedAt);
