namespace Arca.Control.Organizations;

/// <summary>The input of UpdatePolicy, as the wire gives it; a null member leaves that value unchanged.</summary>
public sealed record UpdatePolicyRequest
{
    public string? PolicyId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Content { get; init; }
}
