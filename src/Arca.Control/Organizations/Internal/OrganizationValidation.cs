using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Arca.Control.Organizations.Internal;

/// <summary>
/// Input validation with the Organizations model's constraints; every failure is an <c>InvalidInputException</c>
/// whose message names the field as the wire does (<c>ParentId</c>, <c>MaxResults</c>…).
/// </summary>
internal static partial class OrganizationValidation
{
    /// <summary>The role CreateAccount makes when RoleName is omitted.</summary>
    public const string DefaultRoleName = "OrganizationAccountAccessRole";

    private const int MaxTags = 50;

    public static string AccountId(string? value, string field = "AccountId") =>
        Matching(value, field, OrganizationIds.AccountId(), "^\\d{12}$ (twelve digits)");

    public static string ParentId(string? value, string field = "ParentId") =>
        Matching(value, field, OrganizationIds.ParentId(), "^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$ (a root or OU id)");

    public static string RootId(string? value) => Matching(value, "RootId", OrganizationIds.RootId(), "^r-[0-9a-z]{4,32}$");

    public static string OrganizationalUnitId(string? value) =>
        Matching(value, "OrganizationalUnitId", OrganizationIds.OrganizationalUnitId(), "^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$");

    public static string ChildId(string? value) =>
        Matching(value, "ChildId", OrganizationIds.ChildId(), "^(\\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$ (an account or OU id)");

    public static string CreateAccountRequestId(string? value) =>
        Matching(value, "CreateAccountRequestId", OrganizationIds.CreateAccountRequestId(), "^car-[a-z0-9]{8,32}$");

    /// <summary>An OU name: 1 to 128 characters.</summary>
    public static string OrganizationalUnitName(string? value, string field = "Name")
    {
        Length(value, field, 1, 128);
        return value;
    }

    /// <summary>An email: 6 to 64 characters matching <c>[^\s@]+@[^\s@]+\.[^\s@]+</c>; never repeated back (the model marks it sensitive).</summary>
    public static string Email(string? value)
    {
        Length(value, "Email", 6, 64);
        return EmailPattern().IsMatch(value)
            ? value
            : throw OrganizationErrors.InvalidInput("The Email is not a valid email address: it must match [^\\s@]+@[^\\s@]+\\.[^\\s@]+.");
    }

    /// <summary>An account name: 1 to 50 printable ASCII characters.</summary>
    public static string AccountName(string? value)
    {
        Length(value, "AccountName", 1, 50);
        return value.All(c => c is >= ' ' and <= '~')
            ? value
            : throw OrganizationErrors.InvalidInput("The AccountName must consist of printable ASCII characters ([\\u0020-\\u007E]+).");
    }

    /// <summary>The role name of CreateAccount, <see cref="DefaultRoleName"/> when omitted.</summary>
    public static string RoleName(string? value) => value is null
        ? DefaultRoleName
        : Matching(value, "RoleName", RoleNamePattern(), "[\\w+=,.@-]{1,64}");

    /// <summary><c>ALLOW</c> or <c>DENY</c>, or null.</summary>
    public static void IamUserAccessToBilling(string? value)
    {
        if (value is not null and not "ALLOW" and not "DENY")
        {
            throw OrganizationErrors.InvalidInput($"IamUserAccessToBilling {Quote(value)} is invalid: it must be ALLOW or DENY.");
        }
    }

    /// <summary>A service principal such as <c>backup.amazonaws.com</c>.</summary>
    public static string ServicePrincipal(string? value)
    {
        Length(value, "ServicePrincipal", 1, 128);
        return ServicePrincipalPattern().IsMatch(value)
            ? value
            : throw OrganizationErrors.InvalidInput(
                $"ServicePrincipal {Quote(value)} is not a recognized service principal: it names a service as SERVICE.amazonaws.com, e.g. backup.amazonaws.com.");
    }

    public static OrganizationFeatureSet FeatureSet(string? value) => value switch
    {
        null or "ALL" => OrganizationFeatureSet.All,
        "CONSOLIDATED_BILLING" => OrganizationFeatureSet.ConsolidatedBilling,
        _ => throw OrganizationErrors.InvalidInput($"FeatureSet {Quote(value)} is invalid: it must be ALL or CONSOLIDATED_BILLING."),
    };

    public static OrganizationChildType ChildType(string? value) => value switch
    {
        "ACCOUNT" => OrganizationChildType.Account,
        "ORGANIZATIONAL_UNIT" => OrganizationChildType.OrganizationalUnit,
        null => throw Missing("ChildType"),
        _ => throw OrganizationErrors.InvalidInput($"ChildType {Quote(value)} is invalid: it must be ACCOUNT or ORGANIZATIONAL_UNIT."),
    };

    /// <summary>The States filter of ListCreateAccountStatus; empty means every state.</summary>
    public static IReadOnlySet<CreateAccountState> CreateAccountStates(IReadOnlyList<string?>? values)
    {
        var states = new HashSet<CreateAccountState>();
        foreach (string? value in values ?? [])
        {
            states.Add(value switch
            {
                "IN_PROGRESS" => CreateAccountState.InProgress,
                "SUCCEEDED" => CreateAccountState.Succeeded,
                "FAILED" => CreateAccountState.Failed,
                _ => throw OrganizationErrors.InvalidInput(
                    $"States member {Quote(value ?? "null")} is invalid: each must be IN_PROGRESS, SUCCEEDED or FAILED."),
            });
        }

        return states;
    }

    /// <summary>At most 50 tags, keys 1–128 and values 0–256 characters of <c>[\p{L}\p{Z}\p{N}_.:/=+\-@]</c>, keys unique.</summary>
    public static IReadOnlyList<OrganizationTag> Tags(IReadOnlyList<OrganizationTag>? tags)
    {
        tags ??= [];
        if (tags.Count > MaxTags)
        {
            throw OrganizationErrors.InvalidInput($"Tags has {tags.Count} members; at most {MaxTags} are allowed.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (OrganizationTag tag in tags)
        {
            Length(tag.Key, "Tags.Key", 1, 128);
            if (tag.Value is null)
            {
                throw Missing("Tags.Value");
            }

            Length(tag.Value, "Tags.Value", 0, 256);
            if (!TagPattern().IsMatch(tag.Key) || !TagPattern().IsMatch(tag.Value))
            {
                throw OrganizationErrors.InvalidInput($"Tag {Quote(tag.Key)} is invalid: keys and values use letters, digits, white space and _.:/=+-@ only.");
            }

            if (!keys.Add(tag.Key))
            {
                throw OrganizationErrors.InvalidInput($"Tags has the key {Quote(tag.Key)} twice (DUPLICATE_TAG_KEY).");
            }
        }

        return tags;
    }

    public static Exception Missing(string field) => OrganizationErrors.InvalidInput($"{field} is required.");

    /// <summary>A value short enough to quote is quoted; long ones are not repeated back.</summary>
    public static string Quote(string value) => value.Length <= 100 ? $"'{value}'" : "(too long to repeat)";

    private static string Matching([NotNull] string? value, string field, Regex pattern, string description)
    {
        if (value is null)
        {
            throw Missing(field);
        }

        return pattern.IsMatch(value) ? value : throw OrganizationErrors.InvalidInput($"{field} {Quote(value)} is invalid: it must match {description}.");
    }

    private static void Length([NotNull] string? value, string field, int min, int max)
    {
        if (value is null)
        {
            throw Missing(field);
        }

        if (value.Length < min || value.Length > max)
        {
            throw OrganizationErrors.InvalidInput(min == 0
                ? $"{field} must be at most {max} characters long."
                : $"{field} must be {min} to {max} characters long.");
        }
    }

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.amazonaws\.com$")]
    private static partial Regex ServicePrincipalPattern();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagPattern();
}
