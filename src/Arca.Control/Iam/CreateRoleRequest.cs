namespace Arca.Control.Iam;

/// <summary>The input of CreateRole; null members were not sent.</summary>
public sealed record CreateRoleRequest
{
    public string? RoleName { get; init; }

    public string? Path { get; init; }

    public string? AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    public int? MaxSessionDuration { get; init; }

    public IReadOnlyList<RoleTag> Tags { get; init; } = [];
}
