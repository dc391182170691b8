using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Control.Organizations.Internal;

/// <summary>
/// Input validation of the policy operations with the Organizations model's constraints (<c>InvalidInputException</c>
/// naming the wire field), and of backup policy content (<c>MalformedPolicyDocumentException</c> naming the element).
/// </summary>
internal static partial class PolicyValidation
{
    /// <summary>The policy types of the Organizations model (botocore 1.43.11); Arca implements backup policies only.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY", OrganizationPolicyTypes.BackupPolicy, "AISERVICES_OPT_OUT_POLICY",
        "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY", "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY", "BEDROCK_POLICY",
        "S3_POLICY", "NETWORK_SECURITY_DIRECTOR_POLICY",
    };

    /// <summary>How many errors of a malformed document the message lists.</summary>
    private const int ListedErrors = 5;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary><c>p-</c> + 8 of <c>[a-z0-9]</c>.</summary>
    public static string NewPolicyId() => "p-" + RandomNumberGenerator.GetString(Alphabet, 8);

    public static string PolicyId(string? value) => Matching(value, "PolicyId", PolicyIdPattern(), "^p-[0-9a-zA-Z_]{8,128}$");

    public static string TargetId(string? value) => Matching(value, "TargetId", OrganizationIds.TargetId(),
        "^(r-[0-9a-z]{4,32})|(\\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$ (a root, OU or account id)");

    /// <summary>A policy type of the model (<paramref name="field"/> names it: <c>Type</c>, <c>Filter</c>, <c>PolicyType</c>).</summary>
    public static string Type(string? value, string field) => value switch
    {
        null => throw OrganizationValidation.Missing(field),
        _ when KnownTypes.Contains(value) => value,
        _ => throw OrganizationErrors.InvalidInput(
            $"{field} {OrganizationValidation.Quote(value)} is not a policy type (INVALID_ENUM_POLICY_TYPE): Arca implements {OrganizationPolicyTypes.BackupPolicy}."),
    };

    /// <summary>The type of a policy to create or read: <c>BACKUP_POLICY</c>; another type of the model is not available.</summary>
    public static string BackupPolicyType(string? value, string field)
    {
        string type = Type(value, field);
        return type == OrganizationPolicyTypes.BackupPolicy ? type : throw NotImplemented(type);
    }

    public static Errors.AwsServiceException NotImplemented(string type) => OrganizationPolicyErrors.PolicyTypeNotAvailable(
        $"You can't use the policy type {type} in this organization: Arca implements {OrganizationPolicyTypes.BackupPolicy} only.");

    /// <summary>A policy name: 1 to 128 characters.</summary>
    public static string Name([NotNull] string? value)
    {
        Length(value, "Name", 1, 128);
        return value;
    }

    /// <summary>A description: at most 512 characters.</summary>
    public static string Description([NotNull] string? value)
    {
        Length(value, "Description", 0, 512);
        return value;
    }

    /// <summary>
    /// Backup policy content: at most <see cref="BackupPolicyDocument.MaxCharacters"/> characters
    /// (<c>ConstraintViolationException</c> POLICY_CONTENT_LIMIT_EXCEEDED), then a valid document.
    /// </summary>
    public static BackupPolicyDocument Content([NotNull] string? value)
    {
        Length(value, "Content", 1, int.MaxValue);
        int characters = value.EnumerateRunes().Count();
        if (characters > BackupPolicyDocument.MaxCharacters)
        {
            throw OrganizationErrors.ConstraintViolation("POLICY_CONTENT_LIMIT_EXCEEDED",
                $"The Content has {characters} characters; a backup policy may have at most {BackupPolicyDocument.MaxCharacters}.");
        }

        BackupPolicyParseResult parsed = BackupPolicyDocument.Parse(value);
        if (parsed.Document is { } document)
        {
            return document;
        }

        string listed = string.Join("; ", parsed.Errors.Take(ListedErrors).Select(e => e.Message));
        int more = parsed.Errors.Count - ListedErrors;
        throw OrganizationPolicyErrors.MalformedPolicyDocument(more > 0 ? $"{listed}; and {more} more problem(s)." : listed);
    }

    private static string Matching([NotNull] string? value, string field, Regex pattern, string description)
    {
        if (value is null)
        {
            throw OrganizationValidation.Missing(field);
        }

        return pattern.IsMatch(value) ? value
            : throw OrganizationErrors.InvalidInput($"{field} {OrganizationValidation.Quote(value)} is invalid: it must match {description}.");
    }

    private static void Length([NotNull] string? value, string field, int min, int max)
    {
        if (value is null)
        {
            throw OrganizationValidation.Missing(field);
        }

        if (value.Length < min || value.Length > max)
        {
            throw OrganizationErrors.InvalidInput(min == 0 ? $"{field} must be at most {max} characters long." : max == int.MaxValue
                ? $"{field} must not be empty." : $"{field} must be {min} to {max} characters long.");
        }
    }

    [GeneratedRegex("^p-[0-9a-zA-Z_]{8,128}$")]
    private static partial Regex PolicyIdPattern();
}
