namespace Arca.Domain.Layouts;

/// <summary>An IAM role the layout puts in every targeted account, with exactly these inline policies.</summary>
public sealed record LayoutRole
{
    public required string Name { get; init; }

    public string Path { get; init; } = "/";

    public string? Description { get; init; }

    /// <summary>The trust policy, JSON with variables.</summary>
    public required string TrustPolicy { get; init; }

    /// <summary>Inline policies by name (JSON with variables), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> InlinePolicies { get; init; } = [];
}
