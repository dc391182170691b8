using System.Text.RegularExpressions;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>Backup vault names: <c>^[a-zA-Z0-9\-\_]{2,50}$</c>, unique per account and region, case-sensitive.</summary>
internal static partial class VaultNames
{
    /// <summary>The name, or MissingParameterValueException / InvalidParameterValueException naming BackupVaultName.</summary>
    public static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw BackupErrors.Missing("BackupVaultName");
        }

        return Pattern().IsMatch(name)
            ? name
            : throw BackupErrors.InvalidParameterValue(
                $"BackupVaultName: '{Cut(name)}' must be 2 to 50 characters of letters, digits, hyphens (-) and underscores (_)");
    }

    /// <summary>An optional <c>backupVaultAccountId</c>: 12 digits, and (for standard vaults) the caller's own account.</summary>
    public static void ValidateAccount(string? accountId, string field = "BackupVaultAccountId")
    {
        if (accountId is not null && !AccountPattern().IsMatch(accountId))
        {
            throw BackupErrors.InvalidParameterValue($"{field}: '{Cut(accountId)}' must be a 12-digit account id");
        }
    }

    public static string Cut(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{2,50}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();
}
