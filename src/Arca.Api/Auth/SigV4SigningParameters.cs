namespace Arca.Api.Auth;

/// <summary>Who signs, for what, and when.</summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret; never logged (<see cref="ToString"/> hides it).</param>
/// <param name="Region">The region of the credential scope.</param>
/// <param name="Service">The signing name of the service (<c>backup</c>, <c>sts</c>, …).</param>
/// <param name="Time">The signing time (from a <see cref="TimeProvider"/>).</param>
public sealed record SigV4SigningParameters(
    string AccessKeyId,
    string SecretAccessKey,
    string Region,
    string Service,
    DateTimeOffset Time)
{
    /// <summary>The session token of temporary credentials; sent (and signed) as <c>X-Amz-Security-Token</c>.</summary>
    public string? SessionToken { get; init; }

    /// <summary>The canonicalization; null chooses it from <see cref="Service"/> (<c>s3</c> → S3).</summary>
    public SigV4Flavor? Flavor { get; init; }

    /// <summary>Whether to send (and sign) <c>X-Amz-Content-SHA256</c>, as the JS and .NET SDKs do. Default on.</summary>
    public bool AddContentSha256Header { get; init; } = true;

    /// <summary>Sign <c>UNSIGNED-PAYLOAD</c> instead of the body hash (and send it in <c>X-Amz-Content-SHA256</c>); S3 flavor only.</summary>
    public bool UnsignedPayload { get; init; }

    /// <summary>The flavor in effect.</summary>
    public SigV4Flavor EffectiveFlavor => Flavor ?? SigV4ServiceProfile.ForService(Service).Flavor;

    /// <summary>A description safe to log: the secret and the session token are never printed.</summary>
    public override string ToString() =>
        $"SigV4SigningParameters {{ AccessKeyId = {AccessKeyId}, Region = {Region}, Service = {Service}, Time = {Time:O}, "
        + $"SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
