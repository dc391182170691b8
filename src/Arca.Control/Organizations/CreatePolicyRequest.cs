namespace Arca.Control.Organizations;

/// <summary>The input of CreatePolicy, as the wire gives it (validated by the service).</summary>
public sealed record CreatePolicyRequest
{
    public string? Content { get; init; }

    public string? Description { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<OrganizationTag>? Tags { get; init; }
}
