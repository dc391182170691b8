using System.Text.RegularExpressions;

namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>Regular expressions of the backup policy syntax, compiled at build time.</summary>
internal static partial class PolicyPatterns
{
    /// <summary>Backup vault names (reference §1 defaults).</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{2,50}$", RegexOptions.CultureInvariant)]
    public static partial Regex VaultName();

    /// <summary>Backup plan, rule and selection names.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]{1,50}$", RegexOptions.CultureInvariant)]
    public static partial Regex PlanName();

    /// <summary>Region codes such as <c>us-east-1</c> (lower case, at least one hyphen).</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    public static partial Regex Region();

    /// <summary>An AWS six-field cron expression, <c>cron(0 5 ? * * *)</c>.</summary>
    [GeneratedRegex(@"^cron\(\S+( \S+){5}\)$", RegexOptions.CultureInvariant)]
    public static partial Regex Cron();

    /// <summary>Only decimal digits.</summary>
    [GeneratedRegex(@"^[0-9]{1,18}$", RegexOptions.CultureInvariant)]
    public static partial Regex Digits();
}
