using System.Diagnostics.CodeAnalysis;
using Arca.Domain.Arns;

namespace Arca.Control.Backup.RecoveryPoints.Internal;

/// <summary>Recovery point ARNs: <c>arn:aws:backup:REGION:ACCOUNT:recovery-point:ID</c>.</summary>
internal static class RecoveryPointArns
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out Arn? arn)
    {
        arn = null;
        if (text is null || !Arn.TryParse(text, out Arn? parsed, out _) || parsed.Kind != ArnKind.RecoveryPoint || parsed.ResourceId.Length == 0
            || parsed.ResourceId.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        arn = parsed;
        return true;
    }

    /// <summary>The ARN of a request member, or MissingParameterValueException / InvalidParameterValueException naming <paramref name="field"/>.</summary>
    public static Arn Validate(string? text, string field = "RecoveryPointArn")
    {
        if (string.IsNullOrEmpty(text))
        {
            throw BackupErrors.Missing(field);
        }

        return TryParse(text, out Arn? arn)
            ? arn
            : throw BackupErrors.InvalidParameterValue(
                $"{field}: '{Vaults.Internal.VaultNames.Cut(text)}' is not a recovery point ARN (arn:aws:backup:REGION:ACCOUNT:recovery-point:ID)");
    }
}
