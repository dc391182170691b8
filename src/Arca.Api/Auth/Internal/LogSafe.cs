namespace Arca.Api.Auth.Internal;

/// <summary>
/// Quotes a client-supplied value in an error message only when it cannot be a secret: short and
/// made of the characters of dates, regions, service and header names. A mangled header may hold a
/// pasted secret key or session token, and messages end up in logs.
/// </summary>
internal static class LogSafe
{
    private const int MaxLength = 32;

    /// <summary><c>'value'</c> when safe to show, otherwise a description that shows none of it.</summary>
    public static string Quote(string value) =>
        IsSafe(value) ? $"'{value}'" : $"a value of {value.Length} characters (not shown)";

    /// <summary>True when <paramref name="value"/> is short and only letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c>.</summary>
    public static bool IsSafe(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
