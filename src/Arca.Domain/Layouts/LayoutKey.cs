namespace Arca.Domain.Layouts;

/// <summary>A KMS key the layout puts in every targeted account × region, found again by its alias.</summary>
public sealed record LayoutKey
{
    public const string AliasPrefix = "alias/";

    /// <summary>The full alias name, <c>alias/cabkey</c>.</summary>
    public required string AliasName { get; init; }

    public string? Description { get; init; }

    /// <summary>The key policy, JSON with variables; null for KMS's default key policy.</summary>
    public string? Policy { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
