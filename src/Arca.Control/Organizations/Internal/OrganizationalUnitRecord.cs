namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted OU.</summary>
internal sealed record OrganizationalUnitRecord
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string ParentId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>o-…/r-…/…/ou-…/</c>, ending with this OU. OUs never move, so paths never change.</summary>
    public required string Path { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<OrganizationTag> Tags { get; init; } = [];
}
