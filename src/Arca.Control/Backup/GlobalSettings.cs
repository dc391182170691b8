namespace Arca.Control.Backup;

/// <summary>
/// An organization's AWS Backup global settings (DescribeGlobalSettings): cross-account backup, multi-party approval, and
/// delegated-administrator synchronization. Unset flags are false.
/// </summary>
/// <param name="IsCrossAccountBackupEnabled">Accounts of the organization may copy backups to other accounts of it.</param>
/// <param name="IsMpaEnabled">Multi-party approval (recorded; Arca has no logically air-gapped vaults yet).</param>
/// <param name="IsDelegatedAdministratorEnabled">Backup synchronizes delegated-administrator permissions with Organizations (recorded).</param>
/// <param name="LastUpdateTime">When the management account last updated them; null when it never did.</param>
public sealed record GlobalSettings(bool IsCrossAccountBackupEnabled, bool IsMpaEnabled, bool IsDelegatedAdministratorEnabled, DateTimeOffset? LastUpdateTime)
{
    /// <summary>The wire name of <see cref="IsCrossAccountBackupEnabled"/>.</summary>
    public const string CrossAccountBackupKey = "isCrossAccountBackupEnabled";

    /// <summary>The wire name of <see cref="IsMpaEnabled"/>.</summary>
    public const string MpaKey = "isMpaEnabled";

    /// <summary>The wire name of <see cref="IsDelegatedAdministratorEnabled"/>.</summary>
    public const string DelegatedAdministratorKey = "isDelegatedAdministratorEnabled";

    /// <summary>Nothing enabled, never updated.</summary>
    public static GlobalSettings Default { get; } = new(false, false, false, null);

    /// <summary>The settings as the wire map shows them: each key with <c>"true"</c> or <c>"false"</c>.</summary>
    public IReadOnlyDictionary<string, string> ToMap() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CrossAccountBackupKey] = Text(IsCrossAccountBackupEnabled),
        [MpaKey] = Text(IsMpaEnabled),
        [DelegatedAdministratorKey] = Text(IsDelegatedAdministratorEnabled),
    };

    private static string Text(bool value) => value ? "true" : "false";
}
