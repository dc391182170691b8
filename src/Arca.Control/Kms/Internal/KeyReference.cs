using Arca.Domain.Arns;

namespace Arca.Control.Kms.Internal;

/// <summary>
/// What a <c>KeyId</c> parameter names: a key (by id or key ARN) or an alias (by name or alias ARN), in an account of the
/// request's region. <see cref="Arn"/> is the ARN form used in messages.
/// </summary>
internal sealed record KeyReference(string AccountId, string? KeyId, string? AliasName, string Arn)
{
    /// <summary>Parses a key identifier sent by <paramref name="callerAccount"/> to <paramref name="region"/>.</summary>
    /// <exception cref="Errors.AwsServiceException">InvalidArn for an ARN that names no KMS key or alias; NotFound for a malformed key id or another region.</exception>
    public static KeyReference Parse(string value, string callerAccount, string region)
    {
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (!Domain.Arns.Arn.TryParse(value, out Arn? arn, out _) || arn.Kind is not (ArnKind.KmsKey or ArnKind.KmsAlias) || arn.Partition != Domain.Arns.Arn.DefaultPartition)
            {
                throw KmsErrors.InvalidArn($"Invalid arn {value}: a KMS key ARN is arn:aws:kms:REGION:ACCOUNT:key/KEY-ID and an alias ARN arn:aws:kms:REGION:ACCOUNT:alias/NAME.");
            }

            if (arn.Region != region)
            {
                throw KmsErrors.NotFound($"Key '{value}' does not exist in {region}: KMS keys are regional; send the request to {arn.Region}.");
            }

            return arn.Kind == ArnKind.KmsKey
                ? new KeyReference(arn.Account, CanonicalKeyId(arn.ResourceId) ?? throw KmsErrors.KeyNotFound(value), null, value)
                : new KeyReference(arn.Account, null, "alias/" + arn.ResourceId, value);
        }

        if (value.StartsWith("alias/", StringComparison.Ordinal))
        {
            if (value.Length == "alias/".Length)
            {
                throw KmsErrors.NotFound($"Invalid keyId {value}: an alias name has a name after alias/");
            }

            return new KeyReference(callerAccount, null, value, Domain.Arns.Arn.KmsAlias(region, callerAccount, value).ToString());
        }

        string id = CanonicalKeyId(value) ?? throw KmsErrors.NotFound($"Invalid keyId {value}");
        return new KeyReference(callerAccount, id, null, Domain.Arns.Arn.KmsKey(region, callerAccount, id).ToString());
    }

    /// <summary>The lower-case UUID form of a key id, or null when <paramref name="value"/> is not one.</summary>
    private static string? CanonicalKeyId(string value) =>
        value.Length == 36 && Guid.TryParseExact(value, "D", out Guid id) ? id.ToString() : null;
}
