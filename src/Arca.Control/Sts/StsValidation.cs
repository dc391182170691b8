using System.Globalization;
using Arca.Control.Iam;

namespace Arca.Control.Sts;

/// <summary>STS's input constraints (from the STS API model), each failure a ValidationError naming the field.</summary>
internal static class StsValidation
{
    public static string SessionName(string? value)
    {
        if (value is null)
        {
            throw IamErrors.Validation("roleSessionName", null, string.Empty);
        }

        if (value.Length is < 2 or > 64)
        {
            throw IamErrors.Validation("roleSessionName", value, "Member must have length between 2 and 64");
        }

        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-')
            ? value
            : throw IamErrors.Validation("roleSessionName", value, "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    public static int? Duration(int? value) => value switch
    {
        null => null,
        >= StsService.MinDurationSeconds and <= StsService.MaxDurationSeconds => value,
        _ => throw IamErrors.Validation("durationSeconds", value.Value.ToString(CultureInfo.InvariantCulture),
            $"Member must have value greater than or equal to {StsService.MinDurationSeconds} and less than or equal to {StsService.MaxDurationSeconds}"),
    };

    public static void ExternalId(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length is < 2 or > 1224)
        {
            throw IamErrors.Validation("externalId", value, "Member must have length between 2 and 1224");
        }

        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or ':' or '/' or '-'))
        {
            throw IamErrors.Validation("externalId", value, "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
        }
    }

    public static void RefuseUnsupported(AssumeRoleRequest request)
    {
        string? refused = request switch
        {
            { Policy: not null } => "Policy (session policies)",
            { PolicyArns.Count: > 0 } => "PolicyArns (managed session policies)",
            { Tags.Count: > 0 } => "Tags (session tags)",
            { SourceIdentity: not null } => "SourceIdentity",
            { SerialNumber: not null } or { TokenCode: not null } => "SerialNumber and TokenCode (MFA)",
            _ => null,
        };
        if (refused is not null)
        {
            throw IamErrors.Validation($"Arca does not support {refused} in AssumeRole; omit the parameter.");
        }
    }
}
