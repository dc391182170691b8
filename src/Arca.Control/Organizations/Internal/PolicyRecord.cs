namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted Organizations policy: its content exactly as given (validated when written).</summary>
internal sealed record PolicyRecord
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    /// <summary>AWS's type name (<see cref="OrganizationPolicyTypes"/>).</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string Content { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the content last changed (CreatePolicy, or UpdatePolicy with a new content).</summary>
    public required DateTimeOffset ContentUpdatedAt { get; init; }

    public IReadOnlyList<OrganizationTag> Tags { get; init; } = [];
}
