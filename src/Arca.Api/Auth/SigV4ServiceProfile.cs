namespace Arca.Api.Auth;

/// <summary>How requests signed for one service are canonicalized and how their failures are reported.</summary>
/// <param name="Flavor">Standard (double-encoded, normalized path) or S3 canonicalization.</param>
/// <param name="Dialect">The error vocabulary of the service's protocol.</param>
public sealed record SigV4ServiceProfile(SigV4Flavor Flavor, SigV4ErrorDialect Dialect)
{
    /// <summary>
    /// The profile of an AWS signing name: <c>s3</c> → S3; <c>sts</c>, <c>iam</c> → awsQuery;
    /// <c>organizations</c>, <c>kms</c> → awsJson; anything else (<c>backup</c>) → restJson.
    /// </summary>
    public static SigV4ServiceProfile ForService(string service) => service switch
    {
        "s3" => new(SigV4Flavor.S3, SigV4ErrorDialect.S3),
        "sts" or "iam" => new(SigV4Flavor.Standard, SigV4ErrorDialect.Query),
        "organizations" or "kms" => new(SigV4Flavor.Standard, SigV4ErrorDialect.AwsJson),
        _ => new(SigV4Flavor.Standard, SigV4ErrorDialect.RestJson),
    };
}
