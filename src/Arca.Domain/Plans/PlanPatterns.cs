using System.Text.RegularExpressions;

namespace Arca.Domain.Plans;

/// <summary>The name and ARN patterns of AWS Backup plans. <c>\z</c>, not <c>$</c>: a trailing newline never matches.</summary>
internal static partial class PlanPatterns
{
    /// <summary>Longest user text echoed back in an error message.</summary>
    private const int EchoLimit = 64;

    /// <summary>Plan, rule and selection names; resource types; backup option names and values.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]{1,50}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Name();

    /// <summary>Vault names.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{2,50}\z", RegexOptions.CultureInvariant)]
    public static partial Regex VaultName();

    /// <summary>Backup vault ARNs in any AWS partition.</summary>
    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:backup:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:backup-vault:[a-zA-Z0-9\-_]{2,50}\z", RegexOptions.CultureInvariant)]
    public static partial Regex BackupVaultArn();

    /// <summary>Quotes user text for an error message, cut at 64 characters.</summary>
    public static string Quote(string text)
    {
        return text.Length <= EchoLimit ? $"'{text}'" : $"'{text[..EchoLimit]}…'";
    }
}
