using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

public sealed class SigV4ErrorCodesTests
{
    public static TheoryData<SigV4FailureReason, SigV4ErrorDialect> Every()
    {
        var data = new TheoryData<SigV4FailureReason, SigV4ErrorDialect>();
        foreach (SigV4FailureReason reason in Enum.GetValues<SigV4FailureReason>())
        {
            foreach (SigV4ErrorDialect dialect in Enum.GetValues<SigV4ErrorDialect>())
            {
                data.Add(reason, dialect);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_reason_has_a_client_error_in_every_dialect(SigV4FailureReason reason, SigV4ErrorDialect dialect)
    {
        (string code, int status) = SigV4ErrorCodes.For(reason, dialect);

        Assert.Matches("^[A-Z][A-Za-z0-9]+$", code);
        Assert.Contains(status, new[] { 400, 403 });
    }

    [Theory]
    [InlineData(SigV4FailureReason.MissingAuthentication, "MissingAuthenticationToken", 403)]
    [InlineData(SigV4FailureReason.MalformedAuthorization, "IncompleteSignature", 400)]
    [InlineData(SigV4FailureReason.HostNotSigned, "IncompleteSignature", 400)]
    [InlineData(SigV4FailureReason.UnknownAccessKey, "InvalidClientTokenId", 403)]
    [InlineData(SigV4FailureReason.InvalidSecurityToken, "InvalidClientTokenId", 403)]
    [InlineData(SigV4FailureReason.SignatureMismatch, "SignatureDoesNotMatch", 403)]
    [InlineData(SigV4FailureReason.RequestTimeTooSkewed, "SignatureDoesNotMatch", 403)]
    [InlineData(SigV4FailureReason.ExpiredToken, "ExpiredToken", 403)]
    public void Query_protocol_uses_the_sts_and_iam_codes(SigV4FailureReason reason, string code, int status)
    {
        Assert.Equal((code, status), SigV4ErrorCodes.For(reason, SigV4ErrorDialect.Query));
    }

    [Theory]
    [InlineData(SigV4FailureReason.UnknownAccessKey, "UnrecognizedClientException")]
    [InlineData(SigV4FailureReason.SignatureMismatch, "InvalidSignatureException")]
    [InlineData(SigV4FailureReason.RequestTimeTooSkewed, "InvalidSignatureException")]
    [InlineData(SigV4FailureReason.MissingAuthentication, "MissingAuthenticationTokenException")]
    [InlineData(SigV4FailureReason.MissingDate, "IncompleteSignatureException")]
    [InlineData(SigV4FailureReason.ExpiredToken, "ExpiredTokenException")]
    public void Json_protocols_use_the_exception_codes_with_400_for_awsjson_and_403_for_restjson(SigV4FailureReason reason, string code)
    {
        Assert.Equal((code, 400), SigV4ErrorCodes.For(reason, SigV4ErrorDialect.AwsJson));
        Assert.Equal((code, 403), SigV4ErrorCodes.For(reason, SigV4ErrorDialect.RestJson));
    }

    [Theory]
    [InlineData(SigV4FailureReason.UnknownAccessKey, "InvalidAccessKeyId", 403)]
    [InlineData(SigV4FailureReason.RequestTimeTooSkewed, "RequestTimeTooSkewed", 403)]
    [InlineData(SigV4FailureReason.PresignedRequestExpired, "AccessDenied", 403)]
    [InlineData(SigV4FailureReason.PayloadHashMismatch, "XAmzContentSHA256Mismatch", 400)]
    [InlineData(SigV4FailureReason.SignatureMismatch, "SignatureDoesNotMatch", 403)]
    [InlineData(SigV4FailureReason.MalformedAuthorization, "AuthorizationHeaderMalformed", 400)]
    public void S3_uses_its_own_codes(SigV4FailureReason reason, string code, int status)
    {
        Assert.Equal((code, status), SigV4ErrorCodes.For(reason, SigV4ErrorDialect.S3));
    }

    [Theory]
    [InlineData("sts", SigV4Flavor.Standard, SigV4ErrorDialect.Query)]
    [InlineData("iam", SigV4Flavor.Standard, SigV4ErrorDialect.Query)]
    [InlineData("kms", SigV4Flavor.Standard, SigV4ErrorDialect.AwsJson)]
    [InlineData("organizations", SigV4Flavor.Standard, SigV4ErrorDialect.AwsJson)]
    [InlineData("backup", SigV4Flavor.Standard, SigV4ErrorDialect.RestJson)]
    [InlineData("s3", SigV4Flavor.S3, SigV4ErrorDialect.S3)]
    public void Service_name_chooses_flavor_and_dialect(string service, SigV4Flavor flavor, SigV4ErrorDialect dialect)
    {
        Assert.Equal(new SigV4ServiceProfile(flavor, dialect), SigV4ServiceProfile.ForService(service));
    }
}
