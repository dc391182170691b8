namespace Arca.Domain.Layouts;

/// <summary>A backup vault the layout puts in every targeted account × region.</summary>
public sealed record LayoutVault
{
    public required string Name { get; init; }

    /// <summary>The alias of a key of the layout, or a key or alias ARN (with variables); null for <c>alias/aws/backup</c>.</summary>
    public string? Key { get; init; }

    /// <summary>The access policy, JSON with variables; null leaves the vault's policy as it is.</summary>
    public string? AccessPolicy { get; init; }

    /// <summary>The vault lock; null leaves the vault's lock as it is.</summary>
    public LayoutVaultLock? Lock { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
