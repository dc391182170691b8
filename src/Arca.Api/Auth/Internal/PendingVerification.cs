namespace Arca.Api.Auth.Internal;

/// <summary>
/// A request that passed every check that needs no secret, with its string to sign computed; what
/// is left is the credential lookup and the signature comparison.
/// </summary>
/// <param name="Authorization">The parsed claims.</param>
/// <param name="Profile">Canonicalization and error dialect of the scope's service.</param>
/// <param name="SignedAt">The request time the client signed.</param>
/// <param name="StringToSign">The string to sign as the server computes it.</param>
/// <param name="PresentedToken">The session token the request carries, or null.</param>
/// <param name="SignedPayloadHash">The hex body hash the request claims in <c>X-Amz-Content-SHA256</c>, to check against the body; null when there is nothing to check.</param>
internal sealed record PendingVerification(
    SigV4Authorization Authorization,
    SigV4ServiceProfile Profile,
    DateTimeOffset SignedAt,
    string StringToSign,
    string? PresentedToken,
    string? SignedPayloadHash)
{
    /// <summary>A description safe to log (no token, no string to sign).</summary>
    public override string ToString() => $"PendingVerification {{ {Authorization} }}";
}
