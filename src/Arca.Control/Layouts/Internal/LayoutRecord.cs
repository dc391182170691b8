namespace Arca.Control.Layouts.Internal;

/// <summary>A stored (applied) layout: its source, what it deployed, and its instances at the last check (docs/design/layout.md §4).</summary>
internal sealed record LayoutRecord
{
    public required string Name { get; init; }

    public required string OrganizationId { get; init; }

    /// <summary>The YAML text as applied.</summary>
    public required string Source { get; init; }

    public required string FileName { get; init; }

    public required DateTimeOffset AppliedAt { get; init; }

    /// <summary>The principal ARN of the last ApplyLayout.</summary>
    public required string AppliedBy { get; init; }

    public IReadOnlyList<DeployedItem> Deployed { get; init; } = [];

    public IReadOnlyList<LayoutInstance> Instances { get; init; } = [];

    public DateTimeOffset? CheckedAt { get; init; }
}
