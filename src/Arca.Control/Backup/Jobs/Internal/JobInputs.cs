using System.Globalization;
using System.Text.RegularExpressions;
using Arca.Domain.Scheduling;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>Checks of job request members; every error is InvalidParameterValueException (or Missing…) naming the member.</summary>
internal static partial class JobInputs
{
    /// <summary>The largest idempotency token accepted (the SDKs send a 36-character UUID).</summary>
    public const int MaxTokenLength = 256;

    public static string VaultName(string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw BackupErrors.Missing(field);
        }

        return VaultNamePattern().IsMatch(name)
            ? name
            : throw BackupErrors.InvalidParameterValue($"{field}: '{Cut(name)}' must contain 2 to 50 alphanumeric, '-' or '_' characters");
    }

    /// <summary>A window in minutes: <paramref name="min"/> to 52,560,000 (100 years); <paramref name="fallback"/> when absent.</summary>
    public static long Window(long? minutes, string field, long min, long fallback)
    {
        long value = minutes ?? fallback;
        return value >= min && value <= BackupWindow.MaxWindowMinutes
            ? value
            : throw BackupErrors.InvalidParameterValue(
                $"{field}: {value.ToString(CultureInfo.InvariantCulture)} must be between {min.ToString(CultureInfo.InvariantCulture)} and {BackupWindow.MaxWindowMinutes.ToString(CultureInfo.InvariantCulture)} minutes");
    }

    public static string? Token(string? token)
    {
        if (token is null)
        {
            return null;
        }

        return token.Length is > 0 and <= MaxTokenLength && !token.Any(char.IsControl)
            ? token
            : throw BackupErrors.InvalidParameterValue($"IdempotencyToken: must be 1 to {MaxTokenLength} printable characters");
    }

    /// <summary>
    /// AWS knows one backup option, <c>WindowsVSS</c> (<c>enabled</c>/<c>disabled</c>), for Windows instances; Arca's
    /// resource types accept it only <c>disabled</c>, and refuse any other key.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? BackupOptions(IReadOnlyDictionary<string, string>? options, string resourceType)
    {
        if (options is null || options.Count == 0)
        {
            return null;
        }

        foreach ((string key, string value) in options)
        {
            if (key != "WindowsVSS")
            {
                throw BackupErrors.InvalidParameterValue($"BackupOptions: '{Cut(key)}' is not a backup option (the only one is WindowsVSS)");
            }

            if (value == "enabled")
            {
                throw BackupErrors.InvalidParameterValue($"BackupOptions.WindowsVSS: Windows VSS backups are not available for {resourceType} resources; use \"disabled\" or leave it out");
            }

            if (value != "disabled")
            {
                throw BackupErrors.InvalidParameterValue($"BackupOptions.WindowsVSS: '{Cut(value)}' must be \"enabled\" or \"disabled\"");
            }
        }

        return new Dictionary<string, string>(options, StringComparer.Ordinal);
    }

    /// <summary>ByAccountId: a 12-digit account id or <c>*</c>.</summary>
    public static string? AccountFilter(string? accountId)
    {
        if (accountId is null || accountId == "*" || AccountPattern().IsMatch(accountId))
        {
            return accountId;
        }

        throw BackupErrors.InvalidParameterValue($"ByAccountId: '{Cut(accountId)}' must be a 12-digit account id or *");
    }

    public static string? ResourceTypeFilter(string? type)
    {
        if (type is null || ResourceTypePattern().IsMatch(type))
        {
            return type;
        }

        throw BackupErrors.InvalidParameterValue($"ByResourceType: '{Cut(type)}' must contain 1 to 50 alphanumeric or '-_.' characters");
    }

    /// <summary>A state filter, one of <paramref name="states"/> (case-sensitive, as AWS enums are).</summary>
    public static string? StateFilter(string? state, string field, IReadOnlyList<string> states)
    {
        if (state is null || states.Contains(state, StringComparer.Ordinal))
        {
            return state;
        }

        throw BackupErrors.InvalidParameterValue($"{field}: '{Cut(state)}' must be one of {string.Join(", ", states)}");
    }

    /// <summary>A message-category filter; <c>*</c>, <c>ANY</c> and <c>AGGREGATE_ALL</c> mean every category.</summary>
    public static string? CategoryFilter(string? category) => category is null or "*" or "ANY" or "AGGREGATE_ALL" ? null : category;

    public static string Cut(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{2,50}\z", RegexOptions.CultureInvariant)]
    private static partial Regex VaultNamePattern();

    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]{1,50}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceTypePattern();
}
