namespace Arca.Domain.Layouts;

/// <summary>
/// A parsed layout file (docs/design/layout.md §2): what every targeted account × region must have. Strings keep their
/// <c>${Variables}</c>; <see cref="LayoutVariables"/> renders them for one account and region. Policies are JSON text.
/// </summary>
public sealed record Layout
{
    public const int CurrentVersion = 1;

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required LayoutTargets Targets { get; init; }

    /// <summary>The regions, in file order, distinct.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    public IReadOnlyList<LayoutRole> Roles { get; init; } = [];

    public IReadOnlyList<LayoutKey> Keys { get; init; } = [];

    public IReadOnlyList<LayoutVault> Vaults { get; init; } = [];

    public IReadOnlyList<LayoutBackupPolicy> BackupPolicies { get; init; } = [];

    /// <summary>The key of this layout named by <paramref name="reference"/> (<c>cabkey</c> or <c>alias/cabkey</c>), or null (an ARN).</summary>
    public LayoutKey? FindKey(string reference) =>
        Keys.FirstOrDefault(k => k.AliasName == reference || k.AliasName == LayoutKey.AliasPrefix + reference);
}
