namespace Arca.Api.Auth;

/// <summary>
/// The credential scope <c>yyyymmdd/region/service/aws4_request</c> of a SigV4 signature.
/// </summary>
/// <param name="Date">The scope date, eight digits <c>yyyyMMdd</c>.</param>
/// <param name="Region">The region the client signed for (any non-empty value is accepted by default).</param>
/// <param name="Service">The signing name of the service (<c>backup</c>, <c>kms</c>, <c>sts</c>, …).</param>
public sealed record SigV4Scope(string Date, string Region, string Service)
{
    /// <summary>The only scope terminator SigV4 knows.</summary>
    public const string Terminator = "aws4_request";

    /// <summary>The scope as it appears in the string to sign and in the Credential component.</summary>
    public override string ToString() => $"{Date}/{Region}/{Service}/{Terminator}";
}
