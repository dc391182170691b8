using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Arca.Control.Organizations.Internal;

/// <summary>Random identifiers in Organizations' shapes, and the model's patterns for them.</summary>
internal static partial class OrganizationIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary><c>o-</c> + 10 of <c>[a-z0-9]</c>.</summary>
    public static string NewOrganizationId() => "o-" + RandomNumberGenerator.GetString(Alphabet, 10);

    /// <summary><c>r-</c> + 4 of <c>[0-9a-z]</c>.</summary>
    public static string NewRootId() => "r-" + RandomNumberGenerator.GetString(Alphabet, 4);

    /// <summary><c>ou-</c> + the root's suffix + <c>-</c> + 8 of <c>[a-z0-9]</c>.</summary>
    public static string NewOrganizationalUnitId(string rootId) => $"ou-{rootId[2..]}-{RandomNumberGenerator.GetString(Alphabet, 8)}";

    /// <summary><c>car-</c> + 32 of <c>[a-z0-9]</c>.</summary>
    public static string NewCreateAccountRequestId() => "car-" + RandomNumberGenerator.GetString(Alphabet, 32);

    public static bool IsRoot(string id) => id.StartsWith("r-", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{12}$")]
    public static partial Regex AccountId();

    [GeneratedRegex("^r-[0-9a-z]{4,32}$")]
    public static partial Regex RootId();

    [GeneratedRegex("^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$")]
    public static partial Regex OrganizationalUnitId();

    [GeneratedRegex("^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$")]
    public static partial Regex ParentId();

    [GeneratedRegex(@"^(\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$")]
    public static partial Regex ChildId();

    [GeneratedRegex(@"^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$")]
    public static partial Regex TargetId();

    [GeneratedRegex("^car-[a-z0-9]{8,32}$")]
    public static partial Regex CreateAccountRequestId();
}
